"""The federation service's RPC methods and its inbound entrypoint, one family per module.

Each is a mixin of `services.federation.service.FederationService`: thin translation
(parse → use case → dump), no rules.
"""

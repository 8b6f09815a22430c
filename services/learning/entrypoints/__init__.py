"""The learning service's RPC methods and event handlers, one family per module.

Each is a mixin of `services.learning.service.LearningService`: thin translation
(parse → use case → dump), no rules.
"""

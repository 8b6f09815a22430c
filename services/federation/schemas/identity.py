"""Our identity as partners register it: coop URI, public keys, inbound address."""

from marshmallow import fields

from infra.schemas import Schema


class CoopKeySchema(Schema):
    key_id = fields.String()
    public_key = fields.String(metadata={"description": "Ed25519, 32 bytes in base64"})
    status = fields.String(metadata={
        "enum": ["current", "next"],
        "description": "`current` signs what we send; `next` is announced before a rotation"})


class InboundSchema(Schema):
    exchange = fields.String()
    uri = fields.String(allow_none=True, metadata={
        "description": "Where partners reach our broker (FEDERATION_PUBLIC_AMQP_URI), "
                       "without credentials; null when not configured"})


class FederatedTypeSchema(Schema):
    type = fields.String()
    internal = fields.String(metadata={"description": "Re-published on federation.events as"})
    meaning = fields.String()


class IdentitySchema(Schema):
    coop_uri = fields.String()
    name = fields.String()
    algorithm = fields.String()
    signature_scheme = fields.String()
    public_keys = fields.List(fields.Nested(CoopKeySchema))
    inbound = fields.Nested(InboundSchema)
    event_types = fields.List(fields.Nested(FederatedTypeSchema))

"""The partner registry, in and out."""

from marshmallow import fields, validate

from infra.schemas import Schema, Text
from services.federation.schemas.fields import (
    AmqpUri,
    CoopUri,
    ExchangeName,
    PublicKeyText,
    SortedList,
    event_types,
)


class PartnerAddressSchema(Schema):
    uri = AmqpUri(required=True)
    exchange = ExchangeName(required=True)


class PartnerDetailsSchema(Schema):
    coop_uri = CoopUri(required=True)
    name = Text(max_length=200, min_length=1, required=True)
    public_keys = fields.List(PublicKeyText(), required=True,
                              validate=validate.Length(min=1, max=5))
    address = fields.Nested(PartnerAddressSchema, required=True)
    accepted_types = event_types(load_default=list)
    shared_types = event_types(load_default=list)


class PartnerChangesSchema(Schema):
    name = Text(max_length=200, min_length=1)
    address = fields.Nested(PartnerAddressSchema)
    accepted_types = event_types()
    shared_types = event_types()


class PartnerKeyDetailsSchema(Schema):
    public_key = PublicKeyText(required=True)


class PartnerKeySchema(Schema):
    key_id = fields.String()
    public_key = fields.String(attribute="key.base64")
    status = fields.Function(lambda key: "active" if key.is_active else "retired",
                             metadata={"enum": ["active", "retired"]})
    added_at = fields.AwareDateTime()
    retired_at = fields.AwareDateTime(allow_none=True)


class PartnerAddressOutSchema(Schema):
    uri = fields.String(attribute="redacted_uri", metadata={
        "description": "The AMQP URI, its password replaced by ***"})
    exchange = fields.String()


class PartnerSchema(Schema):
    id = fields.String()
    coop_uri = fields.String()
    name = fields.String()
    keys = fields.List(fields.Nested(PartnerKeySchema))
    address = fields.Nested(PartnerAddressOutSchema)
    accepted_types = SortedList(fields.String(), metadata={
        "description": "Event types this partner may send us"})
    shared_types = SortedList(fields.String(), metadata={
        "description": "Event types we send this partner"})
    created_at = fields.AwareDateTime()
    updated_at = fields.AwareDateTime()
    version = fields.Integer()


class PartnerPageSchema(Schema):
    items = fields.List(fields.Nested(PartnerSchema))
    next_cursor = fields.String(allow_none=True)

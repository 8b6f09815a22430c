"""`send(partner_id, type, subject, data)`: an event for a partner, in and out."""

from marshmallow import fields

from infra.schemas import Schema, Text
from services.federation.schemas.fields import EventType


class SendSchema(Schema):
    partner_id = fields.UUID(required=True)
    type = EventType(required=True)
    subject = Text(max_length=200, min_length=1, required=True)
    data = fields.Dict(required=True)


class OutboundEventSchema(Schema):
    id = fields.String()
    partner_id = fields.String()
    type = fields.String()
    subject = fields.String()
    queued_at = fields.AwareDateTime()

"""The event envelope every service publishes: CloudEvents-shaped, plain JSON.

`data` holds only JSON types (strings for dates, decimals and ids): kombu's JSON
serializer would otherwise tag `Decimal`/`datetime` values with `__type__`, and
outbox and inbox rows must stay readable as JSON.
"""

import uuid
from datetime import UTC, datetime

from marshmallow import fields, validate

from infra.schemas import Schema

DATASCHEMA_VERSION = 1


def envelope(source: str, event_type: str, subject: str, data: dict) -> dict:
    return {
        "id": str(uuid.uuid4()),
        "type": event_type,
        "source": source,
        "time": datetime.now(UTC).isoformat(),
        "subject": subject,
        "data": data,
        "dataschema_version": DATASCHEMA_VERSION,
    }


class EnvelopeSchema(Schema):
    """What a handler checks before trusting an incoming event."""

    id = fields.UUID(required=True)
    type = fields.String(required=True, validate=validate.Length(min=1, max=100))
    source = fields.String(required=True, validate=validate.Length(min=1, max=200))
    time = fields.AwareDateTime(required=True)
    subject = fields.String(required=True)
    data = fields.Dict(required=True)
    dataschema_version = fields.Integer(required=True)

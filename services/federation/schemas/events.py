"""`data` of the events federation re-publishes on `federation.events`.

One event type per federated type (`partner_seat_offered` for
`coop.multitalent.seat_offered.v1`, see the catalogue); all share this shape. `data` is
the partner's data exactly as it passed its schema.
"""

from marshmallow import fields

from infra.schemas import Schema
from services.federation import catalogue
from services.federation.schemas.partners import PARTNER_EVENT_SCHEMAS


class PartnerEventReceivedSchema(Schema):
    partner_id = fields.String(attribute="partner.id")
    partner_coop = fields.String(attribute="partner.coop_uri")
    partner_name = fields.String(attribute="partner.name")
    federated_id = fields.String(attribute="event.id")
    federated_type = fields.String(attribute="event.type")
    sent_at = fields.AwareDateTime(attribute="event.time")
    received_at = fields.AwareDateTime()
    data = fields.Dict(attribute="event.data")


EVENT_SCHEMAS = {**{name: PartnerEventReceivedSchema() for name in catalogue.INTERNAL_TYPES},
                 **PARTNER_EVENT_SCHEMAS}

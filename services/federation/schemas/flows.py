"""The flows' translation tables and payloads.

`TO_PARTNERS` maps each local event federation forwards to its federated type and
names exactly the fields that cross (in the federated schema's terms); nothing else of
the local event leaves the coop (project, client, seat and member ids stay home).
"""

from marshmallow import fields, validate

from infra.schemas import Schema
from services.federation import catalogue
from services.federation.schemas.fields import SLUG

_P = catalogue.PREFIX

# local (source, event type) → (federated type, the federated field ← the local field)
TO_PARTNERS = {
    ("matching", "seat_offer_opened"): (f"{_P}seat_offered.v1", {
        name: name for name in ("offer_id", "skill", "min_level", "hours_per_week",
                                "first_week", "last_week", "rate_min", "rate_max", "currency",
                                "languages", "description")}),
    ("matching", "seat_offer_closed"): (f"{_P}seat_offer_closed.v1", {
        "offer_id": "offer_id", "reason": "reason"}),
    ("matching", "candidate_offer_withdrawn"): (f"{_P}candidate_withdrawn.v1", {
        "offer_id": "offer_id", "candidate_id": "candidate_id"}),
    ("matching", "candidate_offer_made"): (f"{_P}candidate_offered.v1", {
        name: name for name in ("offer_id", "candidate_id", "skills",
                                "available_hours_per_week", "introduction", "languages",
                                "hourly_rate", "currency")}),
    ("matching", "external_member_placed"): (f"{_P}candidate_accepted.v1", {
        "offer_id": "offer_id", "candidate_id": "candidate_id", "placement_id": "placement_id",
        "starts_on": "starts_on", "ends_on": "ends_on", "hours_per_week": "hours_per_week",
        "hourly_rate": "partner_hourly_rate", "currency": "currency"}),
    ("matching", "lending_ended"): (f"{_P}lending_ended.v1", {
        "placement_id": "placement_id", "candidate_id": "candidate_id",
        "last_day": "ends_on"}),
    ("matching", "lending_interrupted"): (f"{_P}lending_interrupted.v1", {
        name: name for name in ("placement_id", "candidate_id", "interruption_id",
                                "first_day", "last_day")}),
    ("billing", "external_hours_approved"): (f"{_P}external_hours_approved.v1", {
        name: name for name in ("placement_id", "candidate_id", "timesheet_id", "period_start",
                                "period_end", "hours", "hourly_rate", "currency")}),
}

# the federated event's subject: which local field
SUBJECTS = {"seat_offer_opened": "offer_id", "seat_offer_closed": "offer_id",
            "candidate_offer_withdrawn": "offer_id", "candidate_offer_made": "offer_id",
            "lending_ended": "placement_id", "lending_interrupted": "placement_id",
            "external_member_placed": "offer_id", "external_hours_approved": "placement_id"}


def translate(source: str, event_type: str, data: dict) -> tuple[str, str, dict]:
    """(federated type, subject, federated data) of a local event's `data`.

    A field the local event lacks is left out, so the federated schema names it.
    """
    federated_type, fields_map = TO_PARTNERS[(source, event_type)]
    return federated_type, str(data.get(SUBJECTS[event_type], ""))[:200], {
        theirs: data[ours] for theirs, ours in fields_map.items() if ours in data}


class RecipientSchema(Schema):
    partner_id = fields.String()
    partner_name = fields.String()


class SeatOfferSentSchema(Schema):
    offer_id = fields.String()
    partner_id = fields.String()
    partner_name = fields.String()
    federated_id = fields.String()
    recipients = fields.List(fields.Nested(RecipientSchema))


FLOW_EVENT_SCHEMAS = {"seat_offer_sent": SeatOfferSentSchema()}


class SkillCountSchema(Schema):
    skill = fields.String(required=True)
    members = fields.Integer(required=True)
    verified_members = fields.Integer(required=True)


class SharedSkillSupplySchema(Schema):
    """The data of a partner's `skill_supply_shared.v1` as federation re-published it."""

    as_of = fields.Date(required=True)
    skills = fields.List(fields.Nested(SkillCountSchema), required=True)


class SkillSupplyQuerySchema(Schema):
    skill = fields.String(load_default=None, validate=[validate.Length(max=60),
                                                       validate.Regexp(SLUG)])


class PartnerSkillSupplySchema(Schema):
    partner_id = fields.String()
    partner_name = fields.String()
    as_of = fields.Date()
    received_at = fields.AwareDateTime()
    skills = fields.List(fields.Nested(SkillCountSchema))


class SkillSupplyListSchema(Schema):
    items = fields.List(fields.Nested(PartnerSkillSupplySchema))
    next_cursor = fields.String(allow_none=True, dump_default=None)


class SkillSupplySharingSchema(Schema):
    """What was shared: with how many partners, the counts."""

    partners = fields.Integer(metadata={"description": "How many partners it was queued for"})
    as_of = fields.String(metadata={"format": "date", "example": "2026-11-30"})
    skills = fields.List(fields.Nested(SkillCountSchema))

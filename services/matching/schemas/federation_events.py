"""The `data` of matching's federation-flow events (see services/matching/README.md).

`seat_offer_opened`, `seat_offer_closed`, `candidate_offer_made`,
`candidate_offer_withdrawn`, `external_member_placed`, `lending_ended` and
`lending_interrupted` are translated by federation
into the federated types; `external_member_placed` and `member_lent` make
contracts in billing. No client identity leaves in what federation forwards, and
`candidate_offer_made` carries no member id (a pseudonym instead).
"""

from marshmallow import fields

from infra.schemas import Money, Schema
from services.matching.schemas.fields import Hours


def _text(attribute: str):
    return fields.Function(lambda event: str(_get(event, attribute)))


def _get(obj, dotted: str):
    for name in dotted.split("."):
        obj = getattr(obj, name)
    return obj


class SeatOfferOpenedSchema(Schema):
    offer_id = fields.String(attribute="offer.id")
    project_id = fields.String(attribute="offer.project_id")
    seat_id = fields.String(attribute="offer.seat_id")
    role_id = fields.String(attribute="offer.role_id")
    skill = fields.String(attribute="offer.skill")
    min_level = fields.Integer(attribute="offer.min_level")
    hours_per_week = Hours(attribute="offer.hours_per_week")
    first_week = _text("offer.first_week")
    last_week = _text("offer.last_week")
    rate_min = Money(attribute="offer.rate_min")
    rate_max = Money(attribute="offer.rate_max")
    currency = fields.String(attribute="offer.currency")
    languages = fields.List(fields.String(), attribute="offer.languages")
    description = fields.String(attribute="offer.description")


class CandidateSkillSchema(Schema):
    skill = fields.String()
    level = fields.Integer()
    verified_level = fields.Integer(allow_none=True)


class CandidateOfferMadeSchema(Schema):
    partner_id = fields.String(attribute="candidate.partner_id")
    offer_id = fields.String(attribute="candidate.offer_id")
    candidate_id = fields.String(attribute="candidate.candidate_id")
    skills = fields.List(fields.Nested(CandidateSkillSchema), attribute="candidate.skills")
    available_hours_per_week = Hours(attribute="candidate.available_hours_per_week")
    introduction = fields.String(attribute="candidate.introduction")
    languages = fields.List(fields.String(), attribute="candidate.languages")
    hourly_rate = Money(attribute="candidate.hourly_rate")
    currency = fields.String(attribute="candidate.currency")


class ExternalMemberPlacedSchema(Schema):
    placement_id = fields.String(attribute="placement.id")
    offer_id = fields.String(attribute="placement.offer_id")
    partner_id = fields.String(attribute="placement.partner_id")
    partner_name = fields.String(attribute="placement.partner_name")
    candidate_id = fields.String(attribute="placement.candidate_id")
    project_id = fields.String(attribute="placement.project_id")
    client_id = fields.String(attribute="placement.client_id")
    seat_id = fields.String(attribute="placement.seat_id")
    role_id = fields.String(attribute="placement.role_id")
    skill = fields.String(attribute="placement.skill")
    hours_per_week = Hours(attribute="placement.hours_per_week")
    starts_on = fields.Date(attribute="placement.starts_on")
    ends_on = fields.Date(attribute="placement.ends_on")
    client_hourly_rate = Money(attribute="placement.client_hourly_rate")
    partner_hourly_rate = Money(attribute="placement.partner_hourly_rate")
    currency = fields.String(attribute="placement.currency")
    description = fields.String()


class MemberLentSchema(Schema):
    placement_id = fields.String(attribute="lending.placement_id")
    partner_id = fields.String(attribute="lending.partner_id")
    offer_id = fields.String(attribute="lending.offer_id")
    candidate_id = fields.String(attribute="lending.candidate_id")
    member_id = fields.String(attribute="lending.member_id")
    skill = fields.String(attribute="lending.skill")
    starts_on = fields.Date(attribute="lending.starts_on")
    ends_on = fields.Date(attribute="lending.ends_on")
    hours_per_week = Hours(attribute="lending.hours_per_week")
    hourly_rate = Money(attribute="lending.hourly_rate")
    currency = fields.String(attribute="lending.currency")


class LendingEndedSchema(Schema):
    placement_id = fields.String(attribute="lending.placement_id")
    partner_id = fields.String(attribute="lending.partner_id")
    offer_id = fields.String(attribute="lending.offer_id")
    candidate_id = fields.String(attribute="lending.candidate_id")
    member_id = fields.String(attribute="lending.member_id")
    starts_on = fields.Date(attribute="lending.starts_on")
    ends_on = fields.Date(attribute="lending.ends_on")


class LendingInterruptedSchema(Schema):
    """Only days cross: never the member id, nor the reason or kind of unavailability."""

    partner_id = fields.String(attribute="lending.partner_id")
    placement_id = fields.String(attribute="lending.placement_id")
    candidate_id = fields.String(attribute="lending.candidate_id")
    interruption_id = fields.String(attribute="interruption.id")
    first_day = fields.Date(attribute="interruption.first_day")
    last_day = fields.Date(attribute="interruption.last_day")


class ExternalMemberLeftSchema(Schema):
    placement_id = fields.String(attribute="placement.id")
    partner_id = fields.String(attribute="placement.partner_id")
    candidate_id = fields.String(attribute="placement.candidate_id")
    project_id = fields.String(attribute="placement.project_id")
    client_id = fields.String(attribute="placement.client_id")
    seat_id = fields.String(attribute="placement.seat_id")
    starts_on = fields.Date(attribute="placement.starts_on")
    ends_on = fields.Date(attribute="placement.ends_on")


class SeatOfferClosedSchema(Schema):
    offer_id = fields.String(attribute="offer.id")
    project_id = fields.String(attribute="offer.project_id")
    seat_id = fields.String(attribute="offer.seat_id")
    reason = fields.String()
    partner_ids = fields.List(fields.String())


class CandidateOfferWithdrawnSchema(Schema):
    partner_id = fields.String(attribute="candidate.partner_id")
    offer_id = fields.String(attribute="candidate.offer_id")
    candidate_id = fields.String(attribute="candidate.candidate_id")
    incoming_offer_id = fields.String(attribute="candidate.incoming_offer_id")


FEDERATION_EVENT_SCHEMAS = {
    "seat_offer_opened": SeatOfferOpenedSchema(),
    "seat_offer_closed": SeatOfferClosedSchema(),
    "candidate_offer_withdrawn": CandidateOfferWithdrawnSchema(),
    "candidate_offer_made": CandidateOfferMadeSchema(),
    "external_member_placed": ExternalMemberPlacedSchema(),
    "member_lent": MemberLentSchema(),
    "lending_ended": LendingEndedSchema(),
    "lending_interrupted": LendingInterruptedSchema(),
    "external_member_left": ExternalMemberLeftSchema(),
}

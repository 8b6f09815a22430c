"""RPC payloads of the federation flows, and the partner events matching reads.

Lists answer `{items, next_cursor}`; they hold every offer or lending asked for (a
coop has a handful at a time), so `next_cursor` is always null.
"""

from marshmallow import ValidationError, fields, validate, validates_schema

from infra.schemas import Money, Page, Schema, Text
from services.matching.schemas.fields import Hours, IsoWeekText, Slug

OFFER_STATUSES = ("open", "filled", "withdrawn")
INCOMING_STATUSES = ("open", "lent", "closed")


def _week_text(attribute: str):
    return fields.Function(lambda obj: str(obj[attribute] if isinstance(obj, dict)
                                           else getattr(obj, attribute)),
                           metadata={"example": "2027-W02"})


# --- requests ---------------------------------------------------------------------------------

class SeatOfferRequestSchema(Schema):
    """Which weeks to offer: by default every week of the project left from this week."""

    first_week = IsoWeekText(load_default=None, allow_none=True)
    last_week = IsoWeekText(load_default=None, allow_none=True)

    @validates_schema
    def _order(self, data, **kwargs):
        if data["first_week"] and data["last_week"] and data["first_week"] > data["last_week"]:
            raise ValidationError("Not after last_week.", "first_week")


class SeatOfferQuerySchema(Page):
    """`limit`, `cursor` (newest first) and an optional `status`."""

    status = fields.String(load_default=None, validate=validate.OneOf(OFFER_STATUSES))


class IncomingOfferQuerySchema(Page):
    """`limit`, `cursor` (newest first) and an optional `status`."""

    status = fields.String(load_default=None, validate=validate.OneOf(INCOMING_STATUSES))


class LendingQuerySchema(Page):
    """`limit` and `cursor` (newest first)."""


class LendingEndSchema(Schema):
    last_day = fields.Date(required=True, metadata={
        "description": "The member's last day for the partner (before the lending's last "
                       "day; the day before its first: it never starts)"})


class MemberOfferSchema(Schema):
    member_id = fields.UUID(required=True)
    hourly_rate = Money(required=True, minimum=0, maximum=10000)
    introduction = Text(max_length=2000, min_length=1, required=True, metadata={
        "description": "Written for this offer; the partner sees it with the pseudonym. Not "
                       "the member's public introduction verbatim: the coop's website "
                       "directory searches those, which would link the pseudonym to the "
                       "member"})


# --- answers ----------------------------------------------------------------------------------

class RecipientSchema(Schema):
    partner_id = fields.String()
    partner_name = fields.String()


class CandidateSkillSchema(Schema):
    skill = fields.String()
    level = fields.Integer()
    verified_level = fields.Integer(allow_none=True)


class PartnerCandidateSchema(Schema):
    candidate_id = fields.String(metadata={"description": "The partner's pseudonym for the "
                                                         "member, made for this offer"})
    partner_id = fields.String()
    partner_name = fields.String()
    skills = fields.List(fields.Nested(CandidateSkillSchema))
    available_hours_per_week = Hours()
    introduction = fields.String()
    languages = fields.List(fields.String())
    hourly_rate = Money()
    currency = fields.String()
    received_at = fields.AwareDateTime()
    status = fields.String(validate=validate.OneOf(("offered", "withdrawn")), metadata={
        "description": "withdrawn: the partner took the candidate back; it cannot be accepted"})


class SeatOfferSchema(Schema):
    id = fields.String()
    project_id = fields.String()
    seat_id = fields.String()
    role_id = fields.String()
    skill = fields.String()
    min_level = fields.Integer()
    hours_per_week = Hours()
    first_week = _week_text(attribute="first_week")
    last_week = _week_text(attribute="last_week")
    rate_min = Money()
    rate_max = Money(metadata={"description": "What the client pays for the seat"})
    currency = fields.String()
    description = fields.String()
    reason = fields.String(metadata={"description": "coverage_gap or operator"})
    status = fields.String(validate=validate.OneOf(OFFER_STATUSES))
    opened_at = fields.AwareDateTime()
    sent_to = fields.List(fields.Nested(RecipientSchema), attribute="recipients")
    candidates = fields.List(fields.Nested(PartnerCandidateSchema))


class SeatOfferListSchema(Schema):
    items = fields.List(fields.Nested(SeatOfferSchema))
    next_cursor = fields.String(allow_none=True, dump_default=None)


class LendingCoopSchema(Schema):
    partner_id = fields.String()
    name = fields.String(attribute="partner_name")


class PlacementSchema(Schema):
    """An external team member: a partner coop's member on one of our seats."""

    id = fields.String()
    offer_id = fields.String()
    project_id = fields.String()
    seat_id = fields.String()
    role_id = fields.String()
    skill = fields.String()
    lending_coop = fields.Function(lambda p: LendingCoopSchema().dump(p))
    candidate_id = fields.String()
    hours_per_week = Hours()
    starts_on = fields.Date()
    ends_on = fields.Date()
    client_hourly_rate = Money()
    partner_hourly_rate = Money()
    currency = fields.String()
    placed_at = fields.AwareDateTime()


class ExternalMemberSchema(Schema):
    """An external member as the project's team shows it (to the client too: no rates)."""

    placement_id = fields.String(attribute="id")
    seat_id = fields.String()
    role_id = fields.String()
    skill = fields.String()
    external = fields.Constant(True)
    lending_coop = fields.Function(lambda p: LendingCoopSchema().dump(p))
    candidate_id = fields.String()
    introduction = fields.String()
    hours_per_week = Hours()
    starts_on = fields.Date()
    ends_on = fields.Date()


class SuggestionSchema(Schema):
    member_id = fields.String()
    name = fields.String()
    level = fields.Integer()
    verified_level = fields.Integer(allow_none=True)
    hourly_rate = Money(allow_none=True)
    least_free_hours = Hours(metadata={"description": "Free hours in the offer's tightest week"})
    public_introduction = fields.String(metadata={
        "description": "The member's public introduction: a starting point for the one the "
                       "operator writes for the offer (never sent as it is)"})


class OfferedCandidateSchema(Schema):
    candidate_id = fields.String()
    incoming_offer_id = fields.String()
    partner_id = fields.String()
    offer_id = fields.String()
    member_id = fields.String()
    hourly_rate = Money()
    currency = fields.String()
    skills = fields.List(fields.Nested(CandidateSkillSchema))
    available_hours_per_week = Hours()
    introduction = fields.String()
    offered_at = fields.AwareDateTime()
    status = fields.String(
        validate=validate.OneOf(("offered", "accepted", "withdrawn", "not_chosen")),
        metadata={"description": "not_chosen: the partner closed its offer (filled by "
                                 "another coop, or withdrawn)"})


class IncomingOfferSchema(Schema):
    id = fields.String()
    partner_id = fields.String()
    partner_name = fields.String()
    offer_id = fields.String(metadata={"description": "The partner's id of its offer"})
    skill = fields.String()
    min_level = fields.Integer()
    hours_per_week = Hours()
    first_week = _week_text(attribute="first_week")
    last_week = _week_text(attribute="last_week")
    rate_min = Money()
    rate_max = Money()
    currency = fields.String()
    languages = fields.List(fields.String())
    description = fields.String()
    received_at = fields.AwareDateTime()
    status = fields.String(validate=validate.OneOf(INCOMING_STATUSES))
    suggestions = fields.List(fields.Nested(SuggestionSchema))
    candidates = fields.List(fields.Nested(OfferedCandidateSchema))


class IncomingOfferListSchema(Schema):
    items = fields.List(fields.Nested(IncomingOfferSchema))
    next_cursor = fields.String(allow_none=True, dump_default=None)


class LendingSchema(Schema):
    id = fields.String()
    placement_id = fields.String()
    partner_id = fields.String()
    partner_name = fields.String()
    offer_id = fields.String()
    candidate_id = fields.String()
    member_id = fields.String()
    skill = fields.String()
    starts_on = fields.Date()
    ends_on = fields.Date()
    hours_per_week = Hours()
    hourly_rate = Money()
    currency = fields.String()
    lent_at = fields.AwareDateTime()


class LendingListSchema(Schema):
    items = fields.List(fields.Nested(LendingSchema))
    next_cursor = fields.String(allow_none=True, dump_default=None)


class SkillCountSchema(Schema):
    skill = fields.String()
    members = fields.Integer()
    verified_members = fields.Integer()


class SkillSupplySchema(Schema):
    as_of = fields.Date()
    skills = fields.List(fields.Nested(SkillCountSchema))


# --- what federation re-publishes from partners -----------------------------------------------

class PartnerEventSchema(Schema):
    partner_id = fields.UUID(required=True)
    partner_coop = fields.String(required=True)
    partner_name = fields.String(required=True)
    federated_id = fields.String(required=True)
    federated_type = fields.String(required=True)
    sent_at = fields.AwareDateTime(required=True)
    received_at = fields.AwareDateTime(required=True)
    data = fields.Dict(required=True)


class PartnerSeatOfferSchema(Schema):
    offer_id = fields.UUID(required=True)
    skill = Slug(required=True)
    min_level = fields.Integer(required=True, validate=validate.Range(min=1, max=5))
    hours_per_week = fields.Decimal(required=True)
    first_week = IsoWeekText(required=True)
    last_week = IsoWeekText(required=True)
    rate_min = Money(required=True)
    rate_max = Money(required=True)
    currency = fields.String(required=True)
    languages = fields.List(fields.String(), load_default=list)
    description = Text(max_length=500, load_default="")


class PartnerCandidateSkillSchema(Schema):
    skill = Slug(required=True)
    level = fields.Integer(required=True)
    verified_level = fields.Integer(allow_none=True, load_default=None)


class PartnerCandidateOfferSchema(Schema):
    offer_id = fields.UUID(required=True)
    candidate_id = fields.UUID(required=True)
    skills = fields.List(fields.Nested(PartnerCandidateSkillSchema), required=True)
    available_hours_per_week = fields.Decimal(required=True)
    introduction = Text(max_length=2000, load_default="")
    languages = fields.List(fields.String(), load_default=list)
    hourly_rate = Money(required=True)
    currency = fields.String(required=True)


class PartnerAcceptanceSchema(Schema):
    offer_id = fields.UUID(required=True)
    candidate_id = fields.UUID(required=True)
    placement_id = fields.UUID(required=True)
    starts_on = fields.Date(required=True)
    ends_on = fields.Date(required=True)
    hours_per_week = fields.Decimal(required=True)
    hourly_rate = Money(required=True)
    currency = fields.String(required=True)


class PartnerLendingEndedSchema(Schema):
    placement_id = fields.UUID(required=True)
    candidate_id = fields.UUID(required=True)
    last_day = fields.Date(required=True)


class PartnerLendingInterruptedSchema(Schema):
    placement_id = fields.UUID(required=True)
    candidate_id = fields.UUID(required=True)
    interruption_id = fields.UUID(required=True)
    first_day = fields.Date(required=True)
    last_day = fields.Date(required=True)  # the day before first_day: taken back


class PartnerOfferClosedSchema(Schema):
    offer_id = fields.UUID(required=True)
    reason = fields.String(required=True, validate=validate.OneOf(("filled", "withdrawn")))


class PartnerCandidateWithdrawalSchema(Schema):
    offer_id = fields.UUID(required=True)
    candidate_id = fields.UUID(required=True)


class SentToSchema(Schema):
    partner_id = fields.UUID(required=True)
    partner_name = fields.String(required=True, validate=validate.Length(max=200))


class SeatOfferSentSchema(Schema):
    """federation's `seat_offer_sent`: to whom it sent one of our offers (`recipients`:
    every partner it went to, the same in each of the offer's events)."""

    offer_id = fields.UUID(required=True)
    partner_id = fields.UUID(required=True)
    partner_name = fields.String(required=True)
    federated_id = fields.String(required=True)
    recipients = fields.List(fields.Nested(SentToSchema), load_default=list)

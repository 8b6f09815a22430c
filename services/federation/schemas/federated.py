"""The `data` of every federated event type, checked on the way out and on the way in.

Unknown fields are refused: a partner cannot slip more (personal) data into our coop
than the contract names. What crosses is minimal by design: no client identity, no
member ids (a lent member is a pseudonymous `candidate_id`), no names or contact data,
no reasons for absence; an introduction is the member's public one.
"""

from marshmallow import ValidationError, fields, validate, validates_schema

from infra.schemas import Money, Schema, Text, field_errors
from services.federation import catalogue
from services.federation.schemas.fields import ISO_WEEK, SLUG

_P = catalogue.PREFIX


def _slug(**kwargs):
    return fields.String(validate=[validate.Length(max=60), validate.Regexp(SLUG)], **kwargs)


def _level(**kwargs):
    return fields.Integer(strict=True, validate=validate.Range(min=1, max=5), **kwargs)


def _week(**kwargs):
    return fields.String(validate=validate.Regexp(ISO_WEEK, error="An ISO week: 2027-W02."),
                         **kwargs)


def _hours(**kwargs):
    return fields.Decimal(as_string=True, validate=validate.Range(
        min=0, min_inclusive=False, max=80), **kwargs)


def _languages(**kwargs):
    return fields.List(fields.String(validate=validate.Regexp(r"^[a-z]{2}$")),
                       validate=validate.Length(max=10), **kwargs)


def _currency(**kwargs):
    return fields.String(validate=validate.OneOf(["EUR"]), **kwargs)


class SeatOfferedV1(Schema):
    offer_id = fields.UUID(required=True)
    skill = _slug(required=True)
    min_level = _level(required=True)
    hours_per_week = _hours(required=True)
    first_week = _week(required=True)
    last_week = _week(required=True)
    rate_min = Money(required=True)
    rate_max = Money(required=True)
    currency = _currency(required=True)
    languages = _languages(load_default=list)
    description = Text(max_length=500, load_default="")

    @validates_schema
    def _ranges(self, data, **kwargs):
        if data["first_week"] > data["last_week"]:
            raise ValidationError("Not after last_week.", "first_week")
        if data["rate_min"] > data["rate_max"]:
            raise ValidationError("Not above rate_max.", "rate_min")


class SeatOfferClosedV1(Schema):
    offer_id = fields.UUID(required=True)
    reason = fields.String(required=True, validate=validate.OneOf(["filled", "withdrawn"]))


class CandidateSkill(Schema):
    skill = _slug(required=True)
    level = _level(required=True)
    verified_level = _level(allow_none=True, load_default=None)


class CandidateOfferedV1(Schema):
    offer_id = fields.UUID(required=True)
    candidate_id = fields.UUID(required=True, metadata={
        "description": "A pseudonym for this offer, never the member's id"})
    skills = fields.List(fields.Nested(CandidateSkill), required=True,
                         validate=validate.Length(min=1, max=20))
    available_hours_per_week = _hours(required=True)
    introduction = Text(max_length=2000, load_default="")
    languages = _languages(load_default=list)
    hourly_rate = Money(required=True)
    currency = _currency(required=True)


class CandidateWithdrawnV1(Schema):
    offer_id = fields.UUID(required=True)
    candidate_id = fields.UUID(required=True)


class CandidateAcceptedV1(Schema):
    offer_id = fields.UUID(required=True)
    candidate_id = fields.UUID(required=True)
    placement_id = fields.UUID(required=True)
    starts_on = fields.Date(required=True)
    ends_on = fields.Date(required=True)
    hours_per_week = _hours(required=True)
    hourly_rate = Money(required=True)
    currency = _currency(required=True)


class LendingEndedV1(Schema):
    placement_id = fields.UUID(required=True)
    candidate_id = fields.UUID(required=True)
    last_day = fields.Date(required=True)


class LendingInterruptedV1(Schema):
    """Days a lent member cannot work (never why); a later one with the same
    `interruption_id` replaces it, and `last_day` the day before `first_day` takes it back."""

    placement_id = fields.UUID(required=True)
    candidate_id = fields.UUID(required=True)
    interruption_id = fields.UUID(required=True)
    first_day = fields.Date(required=True)
    last_day = fields.Date(required=True)

    @validates_schema
    def _days(self, data, **kwargs):
        if (data["first_day"] - data["last_day"]).days > 1:
            raise ValidationError("Not before the day before first_day.", "last_day")


class ExternalHoursApprovedV1(Schema):
    placement_id = fields.UUID(required=True)
    candidate_id = fields.UUID(required=True)
    timesheet_id = fields.UUID(required=True)
    period_start = fields.Date(required=True)
    period_end = fields.Date(required=True)
    hours = fields.Decimal(as_string=True, required=True,
                           validate=validate.Range(min=0, min_inclusive=False, max=744))
    hourly_rate = Money(required=True)
    currency = _currency(required=True)


class SkillSupply(Schema):
    skill = _slug(required=True)
    members = fields.Integer(strict=True, required=True, validate=validate.Range(min=0))
    verified_members = fields.Integer(strict=True, required=True,
                                      validate=validate.Range(min=0))


class SkillSupplySharedV1(Schema):
    as_of = fields.Date(required=True)
    skills = fields.List(fields.Nested(SkillSupply), required=True,
                         validate=validate.Length(max=1000))


DATA_SCHEMAS = {
    f"{_P}seat_offered.v1": SeatOfferedV1(),
    f"{_P}seat_offer_closed.v1": SeatOfferClosedV1(),
    f"{_P}candidate_offered.v1": CandidateOfferedV1(),
    f"{_P}candidate_withdrawn.v1": CandidateWithdrawnV1(),
    f"{_P}candidate_accepted.v1": CandidateAcceptedV1(),
    f"{_P}lending_ended.v1": LendingEndedV1(),
    f"{_P}lending_interrupted.v1": LendingInterruptedV1(),
    f"{_P}external_hours_approved.v1": ExternalHoursApprovedV1(),
    f"{_P}skill_supply_shared.v1": SkillSupplySharedV1(),
}


def check_data(event_type: str, data: dict) -> tuple[dict | None, list[dict]]:
    """`data` as plain JSON in its normal form, and no errors; or None and its field errors.

    The normal form has decimals, ids and dates as strings and defaults filled in, so
    what we send is plain JSON whatever Python types the caller passed.
    """
    schema = DATA_SCHEMAS[event_type]
    try:
        return schema.dump(schema.load(data)), []
    except ValidationError as error:
        return None, field_errors(error.messages)

"""What matching reads from members' events, and its candidate read model as RPC returns it.

Unknown fields in events are ignored: a producer may add fields to an event
without breaking its consumers (the envelope's dataschema_version marks breaking
changes).
"""

from datetime import date

from marshmallow import EXCLUDE, ValidationError, fields, validates_schema

from infra.schemas import Money, Schema
from services.matching.schemas.fields import Hours, IsoWeekText

MAX_WEEKS_PER_CALL = 157  # three years, as members' `availability`


class _MemberEventSchema(Schema):
    """What every members event carries to say whose state it is, and as of when."""

    class Meta:
        unknown = EXCLUDE

    member_id = fields.UUID(required=True)
    version = fields.Integer(required=True)


class SkillSnapshotSchema(Schema):
    class Meta:
        unknown = EXCLUDE

    skill = fields.String(required=True)
    level = fields.Integer(allow_none=True, load_default=None)
    verified_level = fields.Integer(allow_none=True, load_default=None)
    wants_to_grow = fields.Boolean(load_default=False)
    years_experience = fields.Integer(allow_none=True, load_default=None)


class MemberSnapshotSchema(_MemberEventSchema):
    """`data` of `member_created`, `member_updated`, `member_activated`,
    `member_suspended`, `member_left`, `member_erased` and `member_skills_changed`:
    the member's public snapshot."""

    name = fields.String(required=True)
    city = fields.String(allow_none=True, load_default=None)
    introduction = fields.String(load_default="")
    hourly_rate = Money(allow_none=True, load_default=None)
    status = fields.String(required=True)
    languages = fields.List(fields.String(), load_default=list)
    skills = fields.List(fields.Nested(SkillSnapshotSchema), load_default=list)
    left_on = fields.Date(allow_none=True, load_default=None)


class MemberCapacityChangedSchema(_MemberEventSchema):
    """`data` of `member_capacity_changed`: all overrides, not only the changed weeks."""

    default_weekly_hours = Hours(required=True)
    overrides = fields.Dict(keys=IsoWeekText(), values=Hours(), load_default=dict)


class MemberPeriodSchema(_MemberEventSchema):
    """`data` of `member_unavailable` / `member_available_again`."""

    unavailability_id = fields.UUID(required=True)
    starts_on = fields.Date(required=True)
    ends_on = fields.Date(required=True)


class CandidateSkillSchema(Schema):
    skill = fields.String()
    level = fields.Integer(allow_none=True, metadata={"description": "Self-assessed, 1–5."})
    verified_level = fields.Integer(allow_none=True)
    wants_to_grow = fields.Boolean()
    years_experience = fields.Integer(allow_none=True)


class CandidateSchema(Schema):
    member_id = fields.String()
    version = fields.Integer()
    name = fields.String()
    city = fields.String(allow_none=True)
    introduction = fields.String()
    hourly_rate = Money(allow_none=True)
    status = fields.String()
    skills = fields.List(fields.Nested(CandidateSkillSchema))
    languages = fields.List(fields.String())
    left_on = fields.Date(allow_none=True)


class WeekRangeSchema(Schema):
    """Arguments of `candidate_availability`: weeks `from_week` to `to_week`, included."""

    from_week = IsoWeekText(required=True)
    to_week = IsoWeekText(required=True)

    @validates_schema
    def sensible_range(self, data, **kwargs):
        first, last = (date.fromisocalendar(*map(int, data[name].split("-W")), 1)
                       for name in ("from_week", "to_week"))
        if last < first:
            raise ValidationError("to_week must not be before from_week.", "to_week")
        if (last - first).days // 7 + 1 > MAX_WEEKS_PER_CALL:
            raise ValidationError(f"Ask for at most {MAX_WEEKS_PER_CALL} weeks at once.",
                                  "to_week")


class WeekHoursSchema(Schema):
    week = fields.String()
    hours = Hours()


class CandidateAvailabilitySchema(Schema):
    """Available hours per ISO week, from matching's read model."""

    member_id = fields.String()
    weeks = fields.List(fields.Nested(WeekHoursSchema))

"""Capacity in and out: hours per week, overrides, unavailability, availability."""

from marshmallow import ValidationError, fields, validate, validates_schema

from infra.schemas import Schema, Text
from services.members.schemas.fields import (
    Hours,
    IsoWeekField,
    MemberIdList,
    hours_text,
    iso_week_monday,
)

MAX_MEMBERS_PER_CALL = 2000
MAX_WEEKS_PER_CALL = 157  # three years
KINDS = ("holiday", "sick", "parental", "other")


def overrides_text(overrides: dict) -> dict:
    """`{IsoWeek: Decimal}` as `{"2026-W05": "16.00"}`, in week order."""
    return {str(week): hours_text(hours) for week, hours in sorted(overrides.items())}


class _AtLeastOne(Schema):
    @validates_schema
    def at_least_one(self, data, **kwargs):
        if not data:
            raise ValidationError("Give at least one field to change.")


class CapacityChangesSchema(_AtLeastOne):
    """New default hours per week and/or overrides per week (`null` removes an override)."""

    default_weekly_hours = Hours()
    overrides = fields.Dict(keys=IsoWeekField(), values=Hours(allow_none=True),
                            validate=validate.Length(max=MAX_WEEKS_PER_CALL))


class UnavailabilityDetailsSchema(Schema):
    kind = fields.String(required=True, validate=validate.OneOf(KINDS))
    starts_on = fields.Date(required=True)
    ends_on = fields.Date(required=True)
    reason = Text(max_length=1000, allow_none=True, load_default=None)


class UnavailabilityChangesSchema(UnavailabilityDetailsSchema, _AtLeastOne):
    pass


unavailability_changes_schema = UnavailabilityChangesSchema(partial=True)


class AvailabilityQuerySchema(Schema):
    member_ids = MemberIdList(required=True,
                              validate=validate.Length(min=1, max=MAX_MEMBERS_PER_CALL))
    from_week = IsoWeekField(required=True)
    to_week = IsoWeekField(required=True)

    @validates_schema
    def sensible_range(self, data, **kwargs):
        first, last = data.get("from_week"), data.get("to_week")
        if first is None or last is None:
            return
        first, last = iso_week_monday(first), iso_week_monday(last)
        if last < first:
            raise ValidationError("to_week must not be before from_week.", "to_week")
        if (last - first).days // 7 + 1 > MAX_WEEKS_PER_CALL:
            raise ValidationError(f"Ask for at most {MAX_WEEKS_PER_CALL} weeks at once.",
                                  "to_week")


class UnavailabilitySchema(Schema):
    """One period, with its private kind and reason (member and operators only)."""

    id = fields.String()
    kind = fields.String()
    starts_on = fields.Date()
    ends_on = fields.Date()
    reason = fields.String(allow_none=True)


class CapacitySchema(Schema):
    member_id = fields.String(attribute="id")
    version = fields.Integer()
    default_weekly_hours = Hours(attribute="capacity.default_weekly_hours")
    overrides = fields.Method("_overrides")
    unavailability = fields.List(fields.Nested(UnavailabilitySchema),
                                 attribute="capacity.unavailability")

    def _overrides(self, member) -> dict:
        return overrides_text(member.capacity.overrides)


class AvailabilitySchema(Schema):
    """`hours[member_id][i]` is what the member can work in `weeks[i]`."""

    from_week = fields.Method("_from_week")
    to_week = fields.Method("_to_week")
    weeks = fields.Method("_weeks")
    hours = fields.Method("_hours")

    def _from_week(self, result):
        return str(result.weeks[0])

    def _to_week(self, result):
        return str(result.weeks[-1])

    def _weeks(self, result):
        return [str(week) for week in result.weeks]

    def _hours(self, result):
        return {member_id: [hours_text(h) for h in hours]
                for member_id, hours in result.hours.items()}

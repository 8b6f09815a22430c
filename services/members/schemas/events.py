"""`data` of every event the members service publishes.

Each carries the member's public snapshot (`MemberSnapshotSchema`) plus what the
event itself says. Nothing private: no e-mail, phone, fiscal ids, IBAN,
motivation, suspension reason, or kind/reason of an unavailability.
"""

from marshmallow import fields

from infra.schemas import Money, Schema
from services.members.schemas.capacity import overrides_text
from services.members.schemas.fields import Hours
from services.members.schemas.skills import PublicSkillSchema


class MemberSnapshotSchema(Schema):
    member_id = fields.String(attribute="member.id")
    version = fields.Integer(attribute="member.version")
    name = fields.String(attribute="member.name")
    city = fields.String(attribute="member.city", allow_none=True)
    introduction = fields.String(attribute="member.introduction")
    hourly_rate = Money(attribute="member.hourly_rate", allow_none=True)
    status = fields.String(attribute="member.status")
    languages = fields.List(fields.String(), attribute="member.languages")
    skills = fields.List(fields.Nested(PublicSkillSchema), attribute="member.skill_list")
    joined_on = fields.Date(attribute="member.joined_on", allow_none=True)
    left_on = fields.Date(attribute="member.left_on", allow_none=True)


MemberEventSchema = MemberSnapshotSchema  # the name matching's tests and docs know


class MemberAppliedSchema(MemberSnapshotSchema):
    introduced_by = fields.String(attribute="member.introduced_by", allow_none=True)
    self_registered = fields.Boolean()


class MemberUpdatedSchema(MemberSnapshotSchema):
    changed_fields = fields.List(fields.String())


class MemberSponsoredSchema(MemberSnapshotSchema):
    sponsor_id = fields.String()
    met_on = fields.Date()
    active_sponsors = fields.Integer()


class MemberActivatedSchema(MemberSnapshotSchema):
    reinstated = fields.Boolean()


class MemberLeftSchema(MemberSnapshotSchema):
    previous_status = fields.String()


class MemberSkillsChangedSchema(MemberSnapshotSchema):
    verified_skill = fields.String(allow_none=True)


class MemberCapacityChangedSchema(MemberSnapshotSchema):
    default_weekly_hours = Hours(attribute="member.capacity.default_weekly_hours")
    overrides = fields.Function(lambda event: overrides_text(event.member.capacity.overrides))
    changed_weeks = fields.List(fields.String())


class MemberPeriodSchema(MemberSnapshotSchema):
    """`member_unavailable` / `member_available_again`: the dates only."""

    unavailability_id = fields.String(attribute="period.id")
    starts_on = fields.Date(attribute="period.starts_on")
    ends_on = fields.Date(attribute="period.ends_on")


EVENT_SCHEMAS = {
    "member_created": MemberSnapshotSchema(),
    "member_applied": MemberAppliedSchema(),
    "member_updated": MemberUpdatedSchema(),
    "member_sponsored": MemberSponsoredSchema(),
    "member_activated": MemberActivatedSchema(),
    "member_suspended": MemberSnapshotSchema(),
    "member_left": MemberLeftSchema(),
    "member_erased": MemberSnapshotSchema(),
    "member_skills_changed": MemberSkillsChangedSchema(),
    "member_capacity_changed": MemberCapacityChangedSchema(),
    "member_unavailable": MemberPeriodSchema(),
    "member_available_again": MemberPeriodSchema(),
}

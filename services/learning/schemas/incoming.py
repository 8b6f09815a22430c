"""`data` of the events learning handles, from members, matching and billing.

Fields learning does not use are ignored (`EXCLUDE`), so publishers may add more.
What matching and billing must publish is this contract (see the README).
"""

from decimal import Decimal

from marshmallow import EXCLUDE, ValidationError, fields, validate, validates_schema

from infra.schemas import Money, Schema, Text
from services.learning.schemas.fields import Id, Slug, level


class _Tolerant(Schema):
    class Meta:
        unknown = EXCLUDE


class SnapshotSkillSchema(_Tolerant):
    skill = fields.String(required=True, validate=validate.Length(min=1, max=60))
    level = fields.Integer(allow_none=True, load_default=None)
    verified_level = fields.Integer(allow_none=True, load_default=None)


class MemberSnapshotSchema(_Tolerant):
    """Any members event's public snapshot; learning keeps it from created/updated."""

    member_id = Id(required=True)
    version = fields.Integer(strict=True, required=True, validate=validate.Range(min=1))
    name = fields.String(required=True)
    status = fields.String(required=True)
    skills = fields.List(fields.Nested(SnapshotSkillSchema), load_default=list)


class _Dated(_Tolerant):
    @validates_schema
    def ends_after_start(self, data, **kwargs):
        starts, ends = data.get("starts_on"), data.get("ends_on")
        if starts and ends and ends < starts:
            raise ValidationError("The end date is before the start date.", "ends_on")


class AssignmentConfirmedSchema(_Dated):
    assignment_id = Id(required=True)
    project_id = Id(required=True)
    client_id = Id(required=True)
    member_id = Id(required=True)
    skill = Slug(load_default=None, allow_none=True)
    starts_on = fields.Date(required=True)
    ends_on = fields.Date(load_default=None, allow_none=True)


class CheckinEndorsementSchema(_Tolerant):
    member_id = Id(required=True)
    skill = Slug(required=True)
    level = level(required=True)
    comment = Text(max_length=2000, load_default="", allow_none=True)


class CheckinRecordedSchema(_Tolerant):
    checkin_id = Id(required=True)
    project_id = Id(required=True)
    client_id = Id(required=True)
    member_ids = fields.List(Id(), required=True, validate=validate.Length(max=200))
    endorsements = fields.List(fields.Nested(CheckinEndorsementSchema), load_default=list,
                               validate=validate.Length(max=200))


class ProjectRoleSchema(_Tolerant):
    skill = Slug(required=True)
    min_level = level(load_default=1)
    count = fields.Integer(strict=True, load_default=1, validate=validate.Range(min=1, max=100))


class ProjectCreatedSchema(_Tolerant):
    project_id = Id(required=True)
    client_id = Id(required=True)
    roles = fields.List(fields.Nested(ProjectRoleSchema), required=True,
                        validate=validate.Length(max=200))
    created_at = fields.AwareDateTime(load_default=None)


class CoverageGapDetectedSchema(_Tolerant):
    project_id = Id(required=True)
    skill = Slug(required=True)
    min_level = level(load_default=1)
    unfilled_seats = fields.Integer(strict=True, required=True,
                                    validate=validate.Range(min=0, max=1000))
    detected_at = fields.AwareDateTime(load_default=None)


class DevelopmentFundContributedSchema(_Tolerant):
    contribution_id = fields.String(required=True, validate=validate.Length(min=1, max=100))
    member_id = Id(load_default=None, allow_none=True)
    year = fields.Integer(strict=True, required=True, validate=validate.Range(min=2000,
                                                                              max=2100))
    amount = Money(required=True, minimum=Decimal("-1000000000.00"))
    currency = fields.String(load_default="EUR", validate=validate.Equal("EUR"))
    booked_on = fields.Date(required=True)

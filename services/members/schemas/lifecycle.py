"""Admission and lifecycle in and out."""

from marshmallow import fields

from infra.schemas import Schema, Text
from services.members.schemas.fields import MemberIdField


class SponsorshipDetailsSchema(Schema):
    sponsor_id = MemberIdField(required=True)
    met_on = fields.Date(required=True)
    note = Text(max_length=2000, min_length=1, required=True)


class SuspensionSchema(Schema):
    reason = Text(max_length=2000, min_length=1, required=True)


class NoticeSchema(Schema):
    leave_on = fields.Date(required=True)


class SponsorshipSchema(Schema):
    sponsor_id = fields.String()
    met_on = fields.Date()
    note = fields.String()
    recorded_at = fields.AwareDateTime()


class AdmissionSchema(Schema):
    """Where an applicant's admission stands (the applicant and operators)."""

    member_id = fields.String(attribute="member.id")
    status = fields.String(attribute="member.status")
    motivation = fields.String(attribute="member.motivation")
    introduced_by = fields.String(attribute="member.introduced_by", allow_none=True)
    sponsorships = fields.List(fields.Nested(SponsorshipSchema))
    active_sponsor_ids = fields.List(fields.String())
    sponsors_required = fields.Integer()
    can_be_activated = fields.Boolean()

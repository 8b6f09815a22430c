"""The skill gap report, in and out."""

from marshmallow import fields, validate

from infra.schemas import Schema


class SkillGapQuerySchema(Schema):
    top = fields.Integer(load_default=5, validate=validate.Range(min=1, max=50))
    as_of = fields.Date(load_default=None, allow_none=True)


class SkillGapSchema(Schema):
    skill = fields.String()
    required_level = fields.Integer()
    seats_demanded = fields.Integer()
    seats_unfilled = fields.Integer()
    members_at_level = fields.Integer()
    verified_at_level = fields.Integer()
    mentors_offering = fields.Integer()
    members_wishing = fields.Integer()
    shortage = fields.Integer()
    reason = fields.String()


class SkillGapReportSchema(Schema):
    window_start = fields.Date()
    window_end = fields.Date()
    skills = fields.List(fields.Nested(SkillGapSchema))
    develop_first = fields.List(fields.Nested(SkillGapSchema))

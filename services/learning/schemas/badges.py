"""Badges in and out, and the answer of the public verification."""

from marshmallow import fields

from infra.schemas import Schema, Text
from services.learning.schemas.fields import Slug


class BadgeRequestSchema(Schema):
    skill = Slug(required=True)


class RevocationSchema(Schema):
    reason = Text(max_length=500, min_length=1, required=True)


class BadgeSchema(Schema):
    id = fields.String()
    member_id = fields.String()
    skill = fields.String()
    level = fields.Integer()
    evidence = fields.List(fields.String())
    issued_at = fields.AwareDateTime()
    revoked_at = fields.AwareDateTime(allow_none=True)
    revocation_reason = fields.String(allow_none=True)
    credential = fields.Dict(metadata={"description": "The signed Open Badges 3.0 credential"})


class BadgeListSchema(Schema):
    items = fields.List(fields.Nested(BadgeSchema))


class BadgeCheckSchema(Schema):
    verified = fields.Boolean()
    reason = fields.String(allow_none=True)

"""Endorsements and verifications, in and out."""

from marshmallow import fields

from infra.schemas import Page, Schema, Text
from services.learning.schemas.fields import Id, Slug, level


class EndorsementDetailsSchema(Schema):
    endorser_id = Id(required=True)
    skill = Slug(required=True)
    level = level(required=True)
    comment = Text(max_length=2000, load_default="")


class EndorsementSchema(Schema):
    id = fields.String()
    member_id = fields.String()
    skill = fields.String()
    level = fields.Integer()
    endorser_kind = fields.String()
    endorser_id = fields.String()
    basis = fields.String()
    basis_id = fields.String()
    comment = fields.String()
    given_at = fields.AwareDateTime()
    withdrawn_at = fields.AwareDateTime(allow_none=True)
    withdrawal_reason = fields.String(allow_none=True)


class EndorsementQuerySchema(Page):
    member_id = Id(load_default=None)
    endorser_id = Id(load_default=None)
    skill = Slug(load_default=None)
    include_withdrawn = fields.Boolean(load_default=False)


class EndorsementPageSchema(Schema):
    items = fields.List(fields.Nested(EndorsementSchema))
    next_cursor = fields.String(allow_none=True)


class VerificationSchema(Schema):
    member_id = fields.String()
    skill = fields.String()
    level = fields.Integer()
    evidence = fields.List(fields.String())
    verified_at = fields.AwareDateTime()

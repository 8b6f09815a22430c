"""Offers to teach and wishes to learn, in and out."""

from marshmallow import fields, validate

from infra.schemas import Page, Schema, Text
from services.learning.schemas.fields import Id, MonthlyHours, Slug, level

FORMATS = ("pairing", "workshop", "review")
OFFER_STATUSES = ("open", "withdrawn")
WISH_STATUSES = ("open", "matched", "fulfilled", "withdrawn")


class OfferDetailsSchema(Schema):
    skill = Slug(required=True)
    level = level(required=True)
    formats = fields.List(fields.String(validate=validate.OneOf(FORMATS)), required=True,
                          validate=validate.Length(min=1, max=3))
    hours_per_month = MonthlyHours(required=True)
    note = Text(max_length=2000, load_default="")


class OfferSchema(Schema):
    id = fields.String()
    member_id = fields.String()
    skill = fields.String()
    level = fields.Integer()
    formats = fields.List(fields.String())
    hours_per_month = MonthlyHours()
    note = fields.String()
    status = fields.String()
    created_at = fields.AwareDateTime()


class OfferQuerySchema(Page):
    skill = Slug(load_default=None)
    member_id = Id(load_default=None)
    status = fields.String(load_default="open", allow_none=True,
                           validate=validate.OneOf(OFFER_STATUSES))


class OfferPageSchema(Schema):
    items = fields.List(fields.Nested(OfferSchema))
    next_cursor = fields.String(allow_none=True)


class WishDetailsSchema(Schema):
    skill = Slug(required=True)
    current_level = fields.Integer(strict=True, load_default=0, validate=validate.Range(
        min=0, max=4, error="The current level is 0 (not yet) to 4."))
    target_level = level(required=True)
    why = Text(max_length=2000, min_length=1, required=True)


class WishSchema(Schema):
    id = fields.String()
    member_id = fields.String()
    skill = fields.String()
    current_level = fields.Integer()
    target_level = fields.Integer()
    why = fields.String()
    status = fields.String()
    created_at = fields.AwareDateTime()


class WishQuerySchema(Page):
    skill = Slug(load_default=None)
    member_id = Id(load_default=None)
    status = fields.String(load_default="open", allow_none=True,
                           validate=validate.OneOf(WISH_STATUSES))


class WishPageSchema(Schema):
    items = fields.List(fields.Nested(WishSchema))
    next_cursor = fields.String(allow_none=True)

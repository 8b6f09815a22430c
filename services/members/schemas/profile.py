"""Who a member is: registration, changes, and the three views of a member.

- `MemberSchema`: everything (private): for operators, the member themself.
- `PublicProfileSchema`: name, city, introduction, languages, skills; never e-mail,
  phone, fiscal ids, IBAN, motivation or anything about unavailability.
- `BillingDetailsSchema`: what billing needs to invoice and pay out for a member.
"""

from decimal import Decimal

from marshmallow import ValidationError, fields, validate, validates_schema

from infra.schemas import DutchVatNumber, Email, Iban, KvkNumber, Money, Page, Schema, Text
from services.members.schemas.fields import (
    Hours,
    Language,
    MemberIdField,
    MemberIdList,
    Phone,
    Slug,
    StrictBoolean,
)
from services.members.schemas.skills import MemberSkillSchema, PublicSkillSchema

MAX_HOURLY_RATE = Decimal("1000.00")
STATUSES = ("applicant", "active", "suspended", "left", "erased")


class _ProfileSchema(Schema):
    """The details a member (or an operator for them) can give and change."""

    name = Text(max_length=200, min_length=1, required=True)
    email = Email(required=True)
    phone = Phone(allow_none=True)
    city = Text(max_length=100, allow_none=True)
    introduction = Text(max_length=5000)
    hourly_rate = Money(maximum=MAX_HOURLY_RATE, allow_none=True)
    kvk_number = KvkNumber(required=True)
    btw_id = DutchVatNumber(required=True)
    iban = Iban(required=True)
    languages = fields.List(Language(), validate=validate.Length(max=20))
    motivation = Text(max_length=5000)


class MemberDetailsSchema(_ProfileSchema):
    """What an operator gives to register an applicant."""

    introduced_by = MemberIdField(allow_none=True)


class ApplicationReceiptSchema(Schema):
    """The answer to an application: the same whether or not the e-mail address was
    registered already (saying so would tell anyone who is a member)."""

    status = fields.Constant("received", metadata={"description": "always received"})
    message = fields.Constant(
        "Thank you. If this e-mail address is new to us, two members will contact you "
        "to meet; if you are a member already, ask an operator.")


class ApplicationSchema(MemberDetailsSchema):
    """Someone applying themself: motivation required; fiscal details may follow later."""

    kvk_number = KvkNumber(allow_none=True)
    btw_id = DutchVatNumber(allow_none=True)
    iban = Iban(allow_none=True)
    motivation = Text(max_length=5000, min_length=1, required=True)


class MemberChangesSchema(_ProfileSchema):
    """A partial change: any of the details (not who introduced them), at least one."""

    listed_in_directory = StrictBoolean(metadata={
        "description": "Show the public profile in the website's directory (while active)."})

    @validates_schema
    def at_least_one_change(self, data, **kwargs):
        if not data:
            raise ValidationError("Give at least one field to change.")


member_changes_schema = MemberChangesSchema(partial=True)


class MemberQuerySchema(Page):
    """`limit`, `cursor` and optional filters of a member listing."""

    status = fields.String(validate=validate.OneOf(STATUSES), load_default=None)
    member_ids = MemberIdList(validate=validate.Length(min=1, max=100), load_default=None)
    skill = Slug(load_default=None)


class MemberSchema(Schema):
    """A member as operators and the member themself see them (private)."""

    id = fields.String()
    name = fields.String()
    email = fields.String()
    phone = fields.String(allow_none=True)
    city = fields.String(allow_none=True)
    introduction = fields.String()
    hourly_rate = Money(allow_none=True)
    kvk_number = fields.String(allow_none=True)
    btw_id = fields.String(allow_none=True)
    iban = fields.String(allow_none=True)
    languages = fields.List(fields.String())
    motivation = fields.String()
    listed_in_directory = fields.Boolean()
    introduced_by = fields.String(allow_none=True)
    status = fields.String()
    joined_on = fields.Date(allow_none=True)
    left_on = fields.Date(allow_none=True)
    suspension_reason = fields.String(allow_none=True)
    erased_at = fields.AwareDateTime(allow_none=True)
    default_weekly_hours = Hours(attribute="capacity.default_weekly_hours")
    skills = fields.List(fields.Nested(MemberSkillSchema), attribute="skill_list")
    version = fields.Integer()
    created_at = fields.AwareDateTime()
    updated_at = fields.AwareDateTime()


class MemberPageSchema(Schema):
    items = fields.List(fields.Nested(MemberSchema))
    next_cursor = fields.String(allow_none=True)


class PublicProfileSchema(Schema):
    """What anyone who works with the member may see."""

    id = fields.String()
    name = fields.String()
    city = fields.String(allow_none=True)
    introduction = fields.String()
    languages = fields.List(fields.String())
    skills = fields.List(fields.Nested(PublicSkillSchema), attribute="skill_list")


class PublicProfilePageSchema(Schema):
    items = fields.List(fields.Nested(PublicProfileSchema))
    next_cursor = fields.String(allow_none=True)


class DirectoryQuerySchema(Page):
    """A search of the public directory: words in name, introduction, city or skill names,
    and/or one skill."""

    q = Text(max_length=200, load_default=None, allow_none=True)
    skill = Slug(load_default=None)


class DirectoryPageSchema(PublicProfilePageSchema):
    total = fields.Integer()


class CoopFiguresSchema(Schema):
    active_members = fields.Integer()
    skills_covered = fields.Integer()


class BillingDetailsQuerySchema(Schema):
    """Whose billing details (up to 100 members at a time)."""

    member_ids = MemberIdList(required=True, validate=validate.Length(min=1, max=100))


class BillingDetailsListSchema(Schema):
    items = fields.List(fields.Nested(lambda: BillingDetailsSchema()))


class BillingDetailsSchema(Schema):
    """What billing needs to invoice on the member's behalf and pay them out."""

    member_id = fields.String(attribute="id")
    name = fields.String()
    email = fields.String()
    kvk_number = fields.String(allow_none=True)
    btw_id = fields.String(allow_none=True)
    iban = fields.String(allow_none=True)
    hourly_rate = Money(allow_none=True)
    status = fields.String()
    joined_on = fields.Date(allow_none=True)
    left_on = fields.Date(allow_none=True)
    version = fields.Integer()

"""Leads: RPC payloads, in and out (the events are in `lead_events.py`)."""

from decimal import Decimal

from marshmallow import ValidationError, fields, validate, validates_schema

from infra.schemas import Money, Page, Schema, Text
from services.matching.schemas.clients import (
    ClientDetailsSchema,
    ClientSchema,
    ContactDetailsSchema,
    ContactSchema,
    StrictBoolean,
)
from services.matching.schemas.fields import Hours, RoleHours, Slug, level
from services.matching.schemas.projects import ProjectSchema, RoleDetailsSchema

LEAD_STATUSES = ("received", "qualified", "intake_planned", "converted", "closed")
LEAD_SOURCES = ("website", "operator", "member")
MAX_BUDGET = Decimal("100000000")


# --- input ------------------------------------------------------------------------------------


class LeadRoleDetailsSchema(Schema):
    """A role the organisation thinks it needs."""

    skill = Slug(required=True)
    minimum_level = level(required=True)
    hours_per_week = RoleHours(required=True)
    seats = fields.Integer(strict=True, load_default=1, validate=validate.Range(min=1, max=20))


class LeadDetailsSchema(Schema):
    """A new lead: who asks, what for, when and for how much (all but the organisation,
    its contact person and the description are optional)."""

    organisation = Text(min_length=1, max_length=200, required=True)
    contact = fields.Nested(ContactDetailsSchema, required=True, metadata={
        "description": "The person to talk to (personal data: never in events)."})
    description = Text(min_length=1, max_length=5000, required=True, metadata={
        "description": "What the project is, in the organisation's words."})
    roles = fields.List(fields.Nested(LeadRoleDetailsSchema), load_default=list,
                        validate=validate.Length(max=30))
    starts_on = fields.Date(load_default=None, allow_none=True)
    ends_on = fields.Date(load_default=None, allow_none=True)
    budget_min = Money(load_default=None, allow_none=True, maximum=MAX_BUDGET,
                       metadata={"description": "EUR, the lower end of the budget range."})
    budget_max = Money(load_default=None, allow_none=True, maximum=MAX_BUDGET,
                       metadata={"description": "EUR, the upper end; the project's budget "
                                                "when the lead is converted."})
    source = fields.String(load_default="operator", validate=validate.OneOf(LEAD_SOURCES),
                           metadata={"description": "A member token always sends `member`."})
    found_by_member_id = fields.UUID(load_default=None, allow_none=True, metadata={
        "description": "The member who found the lead; only (and always) with source "
                       "`member`."})


class LeadQuerySchema(Page):
    status = fields.String(load_default=None, validate=validate.OneOf(LEAD_STATUSES))
    source = fields.String(load_default=None, validate=validate.OneOf(LEAD_SOURCES))
    assignee_member_id = fields.UUID(load_default=None)


class LeadAssigneeSchema(Schema):
    member_id = fields.UUID(required=True, allow_none=True, metadata={
        "description": "An active member; null: nobody (the operators keep the lead)."})


class QualificationDetailsSchema(Schema):
    """Contact was taken. A member token records it as that member."""

    contacted_on = fields.Date(required=True, metadata={"description": "Today or earlier."})
    member_id = fields.UUID(load_default=None, allow_none=True, metadata={
        "description": "The member who took contact; null: an operator."})
    notes = Text(min_length=1, max_length=5000, required=True, metadata={
        "description": "Notes of the conversation."})


class IntakeDetailsSchema(Schema):
    intake_on = fields.Date(required=True, metadata={
        "description": "The day of the intake meeting; not before contact was taken. "
                       "Planning again moves it."})


class LeadClosureSchema(Schema):
    reason = Text(min_length=1, max_length=500, required=True)


class ConversionClientSchema(ClientDetailsSchema):
    """A client organisation registered from the lead: its name and contact person are
    the lead's unless given."""

    name = Text(min_length=1, max_length=200, metadata={
        "description": "Default: the lead's organisation."})
    contact = fields.Nested(ContactDetailsSchema, metadata={
        "description": "Default: the lead's contact person."})


class ConversionProjectSchema(Schema):
    """The project, prefilled from the lead: give only what differs."""

    title = Text(min_length=1, max_length=200, metadata={
        "description": "Default: the organisation and the first line of the description."})
    description = Text(max_length=5000, metadata={"description": "Default: the lead's."})
    starts_on = fields.Date(metadata={"description": "Default: the lead's period."})
    ends_on = fields.Date(metadata={"description": "Default: the lead's period."})
    budget = Money(allow_none=True, maximum=MAX_BUDGET, metadata={
        "description": "Default: the lead's budget_max; null: no budget."})
    roles = fields.List(fields.Nested(RoleDetailsSchema), validate=validate.Length(min=1, max=30),
                        metadata={"description": "Default: the lead's roles."})
    growth_seat = StrictBoolean()
    checkin_every_weeks = fields.Integer(strict=True, validate=validate.Range(min=1, max=26))


class ConversionSchema(Schema):
    """Convert a lead whose intake is planned: for an existing client (`client_id`) or a
    new one (`client`), exactly one of them."""

    client_id = fields.UUID(load_default=None, allow_none=True)
    client = fields.Nested(ConversionClientSchema, load_default=None, allow_none=True)
    project = fields.Nested(ConversionProjectSchema, load_default=dict)

    @validates_schema
    def one_client(self, data, **kwargs):
        if (data.get("client_id") is None) == (data.get("client") is None):
            raise ValidationError("Give either client_id (an existing client) or client (a "
                                  "new one registered from the lead), not both.", "client_id")


# --- output -----------------------------------------------------------------------------------


class LeadRoleSchema(Schema):
    skill = fields.String()
    minimum_level = fields.Integer()
    hours_per_week = Hours()
    seats = fields.Integer()


class QualificationSchema(Schema):
    contacted_on = fields.Date()
    by = fields.String(validate=validate.OneOf(("member", "operator")))
    member_id = fields.String(allow_none=True)
    notes = fields.String(metadata={"description": "Empty once the contact was erased."})


class LeadSchema(Schema):
    id = fields.String()
    organisation = fields.String()
    contact = fields.Nested(ContactSchema, allow_none=True, metadata={
        "description": "Null once erased (see contact_erased_at)."})
    description = fields.String()
    roles = fields.List(fields.Nested(LeadRoleSchema))
    starts_on = fields.Date(allow_none=True)
    ends_on = fields.Date(allow_none=True)
    budget_min = Money(allow_none=True)
    budget_max = Money(allow_none=True)
    source = fields.String(validate=validate.OneOf(LEAD_SOURCES))
    status = fields.String(validate=validate.OneOf(LEAD_STATUSES))
    found_by_member_id = fields.String(allow_none=True)
    assignee_member_id = fields.String(allow_none=True)
    qualification = fields.Nested(QualificationSchema, allow_none=True)
    intake_on = fields.Date(allow_none=True)
    client_id = fields.String(allow_none=True)
    project_id = fields.String(allow_none=True)
    closed_reason = fields.String(allow_none=True)
    closed_from = fields.String(allow_none=True)
    contact_erased_at = fields.AwareDateTime(allow_none=True, metadata={
        "description": "When the contact person and the notes of the conversation were "
                       "erased: on their request, or LEAD_CONTACT_RETENTION_DAYS after the "
                       "lead was closed."})
    version = fields.Integer()
    received_at = fields.AwareDateTime()
    updated_at = fields.AwareDateTime()


class LeadPageSchema(Schema):
    items = fields.List(fields.Nested(LeadSchema))
    next_cursor = fields.String(allow_none=True)


class ConversionResultSchema(Schema):
    lead = fields.Nested(LeadSchema)
    project = fields.Nested(ProjectSchema)
    client = fields.Nested(ClientSchema)

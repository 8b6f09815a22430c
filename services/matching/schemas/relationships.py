"""Client relationships: RPC payloads, and what matching reads from billing's invoice
events."""

from decimal import Decimal

from marshmallow import EXCLUDE, ValidationError, fields, validate, validates_schema

from infra.schemas import Money, Schema, Text
from services.matching.schemas.projects import MeetingSchema

NOTE_KINDS = ("call", "meeting", "email", "visit", "other")
MAX_AFTER_WEEKS = 52


# --- input ------------------------------------------------------------------------------------


class OwnerDetailsSchema(Schema):
    member_id = fields.UUID(required=True, metadata={
        "description": "An active member: the client's contact person in the coop."})


class NoteDetailsSchema(Schema):
    """Contact someone of the coop had with the client. A member token notes it as that
    member."""

    contacted_on = fields.Date(load_default=None, metadata={
        "description": "Today or earlier; default: today."})
    kind = fields.String(load_default="other", validate=validate.OneOf(NOTE_KINDS))
    summary = Text(min_length=1, max_length=5000, required=True)
    member_id = fields.UUID(load_default=None, allow_none=True, metadata={
        "description": "Who of the coop was in touch; null: an operator."})


class RelationshipSettingsSchema(Schema):
    needs_attention_after_weeks = fields.Integer(
        strict=True, validate=validate.Range(min=1, max=MAX_AFTER_WEEKS),
        metadata={"description": "A client without contact for this many weeks needs "
                                 "attention (default 6)."})


class RelationshipSettingsChangesSchema(RelationshipSettingsSchema):
    @validates_schema
    def at_least_one_change(self, data, **kwargs):
        if not data:
            raise ValidationError("Give at least one setting to change.")


# --- output -----------------------------------------------------------------------------------


class OwnerSchema(Schema):
    client_id = fields.String()
    member_id = fields.String()
    since = fields.AwareDateTime()


class NoteSchema(Schema):
    id = fields.String()
    client_id = fields.String()
    contacted_on = fields.Date()
    kind = fields.String(validate=validate.OneOf(NOTE_KINDS))
    member_id = fields.String(allow_none=True)
    summary = fields.String()
    recorded_at = fields.AwareDateTime()


class RelationshipEntrySchema(Schema):
    on = fields.Date()
    kind = fields.String(metadata={"description": "client_registered, lead_received, "
                                                  "lead_qualified, intake, lead_converted, "
                                                  "the project timeline's kinds, "
                                                  "introduction, checkin, note, "
                                                  "relationship_owner, invoice_issued, "
                                                  "invoice_paid, credit_note_issued."})
    summary = fields.String()
    project_id = fields.String(allow_none=True)
    data = fields.Dict()


class RelationshipProjectSchema(Schema):
    id = fields.String()
    title = fields.String()
    status = fields.String()
    starts_on = fields.Date()
    ends_on = fields.Date()


class RelationshipLeadSchema(Schema):
    id = fields.String()
    status = fields.String()
    source = fields.String()
    received_at = fields.AwareDateTime()
    project_id = fields.String(allow_none=True)


class ClientInvoiceSchema(Schema):
    invoice_id = fields.String()
    number = fields.String(allow_none=True)
    project_id = fields.String(allow_none=True)
    issue_date = fields.Date(allow_none=True)
    due_date = fields.Date(allow_none=True)
    gross_total = Money(allow_none=True, minimum=Decimal("-100000000"), metadata={
        "description": "EUR; a credit note: what it takes off (positive, as billing has it)."})
    status = fields.String(
        validate=validate.OneOf(("issued", "paid", "credited", "credit_note")), metadata={
            "description": "An invoice: issued, paid, or credited (credit notes took all of "
                           "it off); a credit note: credit_note."})
    paid_on = fields.Date(allow_none=True)
    credited_invoice = fields.String(allow_none=True, metadata={
        "description": "A credit note: the number of the invoice it credits; else null."})
    credited = Money(metadata={"description": "An invoice: EUR its credit notes took off."})


class RelationshipSchema(Schema):
    """Everything between the coop and one client organisation, oldest first."""

    client_id = fields.String(attribute="client.id")
    client_name = fields.String(attribute="client.name")
    owner = fields.Nested(OwnerSchema, allow_none=True, metadata={
        "description": "The client's contact person in the coop; null: nobody yet."})
    last_contact_on = fields.Date(allow_none=True)
    needs_attention = fields.Boolean()
    needs_attention_after_weeks = fields.Integer(attribute="after_weeks")
    client_rating_average = fields.Float(allow_none=True, metadata={
        "description": "The client's check-in ratings over all its projects."})
    next_meeting = fields.Nested(MeetingSchema, allow_none=True)
    projects = fields.List(fields.Nested(RelationshipProjectSchema))
    leads = fields.List(fields.Nested(RelationshipLeadSchema))
    invoices = fields.List(fields.Nested(ClientInvoiceSchema))
    entries = fields.List(fields.Nested(RelationshipEntrySchema))


class AttentionItemSchema(Schema):
    client_id = fields.String()
    name = fields.String()
    last_contact_on = fields.Date(allow_none=True, metadata={
        "description": "null: never in touch since registration."})
    weeks_without_contact = fields.Integer()
    owner_member_id = fields.String(allow_none=True)


class AttentionPageSchema(Schema):
    needs_attention_after_weeks = fields.Integer()
    items = fields.List(fields.Nested(AttentionItemSchema))
    next_cursor = fields.String(allow_none=True)


# --- billing's events, as matching reads them ------------------------------------------------


class _BillingEventSchema(Schema):
    class Meta:
        unknown = EXCLUDE

    invoice_id = fields.String(required=True, validate=validate.Length(min=1, max=36))
    number = fields.String(load_default=None, allow_none=True,
                           validate=validate.Length(max=40))
    client_id = fields.String(required=True, validate=validate.Length(min=1, max=36))


class InvoiceIssuedDataSchema(_BillingEventSchema):
    project_id = fields.String(load_default=None, allow_none=True,
                               validate=validate.Length(max=36))
    issue_date = fields.Date(load_default=None, allow_none=True)
    due_date = fields.Date(load_default=None, allow_none=True)
    gross_total = Money(load_default=None, allow_none=True, minimum=Decimal("-100000000"))


class CreditNoteIssuedDataSchema(InvoiceIssuedDataSchema):
    credited_invoice = fields.String(required=True, validate=validate.Length(min=1, max=40))


class InvoicePaidDataSchema(_BillingEventSchema):
    pass

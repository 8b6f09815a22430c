"""Contracts and hours: writing, approving and rejecting them, and reading them back."""

from marshmallow import ValidationError, fields, validate, validates_schema

from infra.schemas import Money, Schema, Text
from services.billing.schemas.fields import Day, Hours, MonthField, PageQuery, Percent, Uuid

STATUSES = ("submitted", "approved", "rejected")


class ContractSchema(Schema):
    id = fields.String(metadata={"description": "The assignment id."})
    member_id = fields.String()
    client_id = fields.String()
    project_id = fields.String()
    hourly_rate = Money()
    starts_on = fields.Date()
    ends_on = fields.Date()
    description = fields.String()
    vat_rate = Percent()
    fee_percent = Percent(metadata={"description": "Coop fee in force when confirmed."})
    development_percent = Percent()
    ended_on = fields.Date(allow_none=True, metadata={
        "description": "Matching ended the assignment after this day: no hours later."})
    end_reason = fields.String(allow_none=True)


class ContractQuerySchema(PageQuery):
    member_id = Uuid(load_default=None)
    client_id = Uuid(load_default=None)


class ContractPageSchema(Schema):
    items = fields.List(fields.Nested(ContractSchema))
    next_cursor = fields.String(allow_none=True)


class DayHoursSchema(Schema):
    day = Day(required=True)
    hours = Hours(required=True, metadata={"description": 'Quarter hours, e.g. "7.75".'})


class HoursSubmissionSchema(Schema):
    """The member's hours on one contract, a day each; a day written again is replaced."""

    member_id = Uuid(required=True, metadata={"description": "Who writes (the contract's "
                                                             "member)."})
    entries = fields.List(fields.Nested(DayHoursSchema), required=True,
                          validate=validate.Length(min=1, max=92))

    @validates_schema
    def each_day_once(self, data, **kwargs):
        days = [entry["day"] for entry in data.get("entries", [])]
        if len(days) != len(set(days)):
            raise ValidationError("Each day appears once.", "entries")


class DecisionSchema(Schema):
    client_id = Uuid(required=True, metadata={"description": "Who decides (the contract's "
                                                             "client)."})
    entry_ids = fields.List(Uuid(), required=True, validate=validate.Length(min=1, max=500))

    @validates_schema
    def each_entry_once(self, data, **kwargs):
        ids = data.get("entry_ids", [])
        if len(ids) != len(set(ids)):
            raise ValidationError("Each entry appears once.", "entry_ids")


class RejectionSchema(DecisionSchema):
    reason = Text(max_length=2000, required=True)


class TimeEntrySchema(Schema):
    id = fields.String()
    contract_id = fields.String()
    member_id = fields.String()
    client_id = fields.String()
    project_id = fields.String()
    day = fields.Date()
    hours = Hours()
    status = fields.String(metadata={"enum": list(STATUSES)})
    submitted_at = fields.AwareDateTime()
    decided_at = fields.AwareDateTime(allow_none=True)
    rejection_reason = fields.String(allow_none=True)
    invoice_number = fields.String(allow_none=True)


class TimeEntryQuerySchema(PageQuery):
    member_id = Uuid(load_default=None)
    client_id = Uuid(load_default=None)
    contract_id = Uuid(load_default=None)
    status = fields.String(load_default=None, validate=validate.OneOf(STATUSES))
    month = MonthField(load_default=None)


class TimeEntryPageSchema(Schema):
    items = fields.List(fields.Nested(TimeEntrySchema))
    next_cursor = fields.String(allow_none=True)

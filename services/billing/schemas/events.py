"""`data` of every event billing publishes: plain JSON, never an IBAN or a health reason.

Each schema dumps a domain event (`domain/events.py`) from its `data`, field by
field, so this module documents the shapes without importing the domain; a unit
test keeps the two equal.
"""

from marshmallow import fields

from infra.schemas import Schema


def _data(name: str, field_class=fields.String, **kwargs):
    return field_class(attribute=f"data.{name}", **kwargs)


class EntryDataSchema(Schema):
    entry_id = fields.String()
    contract_id = fields.String()
    day = fields.String(metadata={"description": "YYYY-MM-DD"})
    hours = fields.String(metadata={"description": "Decimal string, e.g. \"7.75\"."})


class TimesheetSubmittedSchema(Schema):
    member_id = _data("member_id")
    client_id = _data("client_id")
    entries = fields.List(fields.Nested(EntryDataSchema), attribute="data.entries")


class TimesheetApprovedSchema(Schema):
    client_id = _data("client_id")
    entries = fields.List(fields.Nested(EntryDataSchema), attribute="data.entries")


class TimesheetRejectedSchema(TimesheetApprovedSchema):
    reason = _data("reason")


class InvoiceIssuedSchema(Schema):
    invoice_id = _data("invoice_id")
    number = _data("number")
    client_id = _data("client_id")
    project_id = _data("project_id")
    issue_date = _data("issue_date")
    due_date = _data("due_date")
    net_total = _data("net_total")
    vat_total = _data("vat_total")
    gross_total = _data("gross_total")
    member_ids = fields.List(fields.String(), attribute="data.member_ids")


class CreditNoteIssuedSchema(InvoiceIssuedSchema):
    credited_invoice = _data("credited_invoice")
    reason = _data("reason")


class InvoicePaidSchema(Schema):
    invoice_id = _data("invoice_id")
    number = _data("number")
    client_id = _data("client_id")
    paid = _data("paid")


class PayoutDataSchema(Schema):
    member_id = fields.String()
    amount = fields.String()
    deposit = fields.String()


class WaitingDataSchema(Schema):
    member_id = fields.String()
    amount = fields.String()
    rule = fields.String()
    reason = fields.String()


class PayoutBatchCreatedSchema(Schema):
    batch_id = _data("batch_id")
    execution_date = _data("execution_date")
    total = _data("total")
    transfers = _data("transfers", fields.Integer)
    payouts = fields.List(fields.Nested(PayoutDataSchema), attribute="data.payouts")
    waiting = fields.List(fields.Nested(WaitingDataSchema), attribute="data.waiting")


class FundClaimGrantedSchema(Schema):
    claim_id = _data("claim_id")
    member_id = _data("member_id")
    monthly_benefit = _data("monthly_benefit")
    benefit_starts_on = _data("benefit_starts_on")


class DevelopmentFundContributedSchema(Schema):
    contribution_id = _data("contribution_id", metadata={
        "description": "The posting's id (with the member's id when it names one)."})
    member_id = _data("member_id", allow_none=True, metadata={
        "description": "Whose work funded it; null: the coop's own contribution."})
    year = _data("year", fields.Integer)
    amount = _data("amount", metadata={"description": "EUR; negative: a credit note."})
    currency = _data("currency")
    booked_on = _data("booked_on")


EVENT_SCHEMAS = {
    "timesheet_submitted": TimesheetSubmittedSchema(),
    "timesheet_approved": TimesheetApprovedSchema(),
    "timesheet_rejected": TimesheetRejectedSchema(),
    "invoice_issued": InvoiceIssuedSchema(),
    "credit_note_issued": CreditNoteIssuedSchema(),
    "invoice_paid": InvoicePaidSchema(),
    "payout_batch_created": PayoutBatchCreatedSchema(),
    "fund_claim_granted": FundClaimGrantedSchema(),
    "development_fund_contributed": DevelopmentFundContributedSchema(),
}

"""Invoices and credit notes: the monthly run, reading them, exports, credit, payments.

An invoice is dumped from a view `{"invoice": …, "receivable": … or None, "today": date}`
so its status (issued, partially_paid, paid, overdue, credited) is the one of today.
"""

from marshmallow import ValidationError, fields, validate, validates_schema

from infra.schemas import Money, Schema, Text
from services.billing.schemas.fields import (
    Amount,
    Day,
    Hours,
    MonthField,
    PageQuery,
    Percent,
    Uuid,
)

KINDS = ("invoice", "credit_note")
STATUSES = ("issued", "partially_paid", "paid", "overdue", "credited")


def _of(name: str, field_class=fields.String, **kwargs):
    return field_class(attribute=f"invoice.{name}", **kwargs)


class MonthlyRunSchema(Schema):
    month = MonthField(required=True)
    issue_date = Day(load_default=None, metadata={"description": "Default: today."})


class AddressSchema(Schema):
    street = fields.String()
    postal_code = fields.String()
    city = fields.String()
    country = fields.String()


class CustomerSchema(Schema):
    id = fields.String()
    name = fields.String()
    address = fields.Nested(AddressSchema)
    is_business = fields.Boolean()
    vat_id = fields.String(allow_none=True)
    kvk_number = fields.String(allow_none=True)
    billing_email = fields.String(allow_none=True)


class SupplierSchema(Schema):
    name = fields.String()
    address = fields.Nested(AddressSchema)
    vat_id = fields.String()
    kvk_number = fields.String()
    iban = fields.String()
    bic = fields.String(allow_none=True)
    email = fields.String(allow_none=True)


class VatTreatmentSchema(Schema):
    kind = fields.String(metadata={"enum": ["domestic", "reverse_charge", "outside_eu"]})
    rule = fields.String()
    note = fields.String(allow_none=True)


class InvoiceLineSchema(Schema):
    number = fields.Integer()
    contract_id = fields.String()
    member_id = fields.String()
    member_name = fields.String(allow_none=True, metadata={
        "description": "Who did the work (null when billing knew no name at issue)."})
    description = fields.String(metadata={"description": "Ends with the member's name."})
    quantity = Hours(metadata={"description": "Hours."})
    unit_price = Money()
    net = Money()
    vat_category = fields.String(metadata={"enum": ["S", "Z", "AE", "O"]})
    vat_rate = Percent()
    original_line = fields.Integer(allow_none=True)


class VatSubtotalSchema(Schema):
    category = fields.String()
    rate = Percent()
    taxable_amount = Money()
    vat_amount = Money()


class InvoiceSummarySchema(Schema):
    id = _of("id")
    number = _of("number")
    kind = fields.Function(lambda view: "credit_note" if view["invoice"].type_code == "381"
                           else "invoice", metadata={"enum": list(KINDS)})
    type_code = _of("type_code", metadata={"description": "UNCL 1001: 380 or 381."})
    client_id = _of("customer.id")
    project_id = _of("project_id")
    issue_date = _of("issue_date", fields.Date)
    due_date = _of("due_date", fields.Date)
    net_total = _of("net_total", Money)
    vat_total = _of("vat_total", Money)
    gross_total = _of("gross_total", Money)
    credited_invoice = _of("credited_invoice", allow_none=True)
    status = fields.Method("_status", allow_none=True, metadata={
        "enum": [*STATUSES, None], "description": "null for a credit note (it is not paid)."})
    paid = fields.Method("_paid", allow_none=True)
    open_amount = fields.Method("_open", allow_none=True)

    def _status(self, view):
        receivable = view.get("receivable")
        return None if receivable is None else receivable.status(view["today"])

    def _paid(self, view):
        receivable = view.get("receivable")
        return None if receivable is None else f"{receivable.paid:.2f}"

    def _open(self, view):
        receivable = view.get("receivable")
        return None if receivable is None else f"{receivable.open_amount:.2f}"


class InvoiceSchema(InvoiceSummarySchema):
    period_start = _of("period_start", fields.Date)
    period_end = _of("period_end", fields.Date)
    supplier = fields.Nested(SupplierSchema, attribute="invoice.supplier")
    customer = fields.Nested(CustomerSchema, attribute="invoice.customer")
    vat_treatment = fields.Nested(VatTreatmentSchema, attribute="invoice.treatment")
    note = _of("note", allow_none=True)
    lines = fields.List(fields.Nested(InvoiceLineSchema), attribute="invoice.lines")
    vat_subtotals = fields.List(fields.Nested(VatSubtotalSchema),
                                attribute="invoice.vat_subtotals")
    credited_invoice_date = _of("credited_invoice_date", fields.Date, allow_none=True)
    reason = _of("reason", allow_none=True)


class BlockedSchema(Schema):
    client_id = fields.String()
    project_id = fields.String()
    rule = fields.String(allow_none=True)
    message = fields.String()
    errors = fields.List(fields.Dict())


class IssuedInvoiceSchema(InvoiceSummarySchema):
    """An invoice a run just issued: not paid, nothing of it settled yet."""

    class Meta:
        exclude = ("status", "paid", "open_amount")


class RunResultSchema(Schema):
    month = fields.Function(lambda result: str(result["month"]))
    issued = fields.List(fields.Nested(IssuedInvoiceSchema))
    blocked = fields.List(fields.Nested(BlockedSchema))


class InvoiceQuerySchema(PageQuery):
    client_id = Uuid(load_default=None)
    project_id = Uuid(load_default=None)
    kind = fields.String(load_default=None, validate=validate.OneOf(KINDS))


class InvoicePageSchema(Schema):
    items = fields.List(fields.Nested(InvoiceSummarySchema))
    next_cursor = fields.String(allow_none=True)


class CreditLineSchema(Schema):
    line = fields.Integer(strict=True, required=True, validate=validate.Range(min=1))
    hours = Hours(required=True)


class CreditNoteRequestSchema(Schema):
    reason = Text(max_length=2000, required=True)
    issue_date = Day(load_default=None, metadata={"description": "Default: today."})
    lines = fields.List(fields.Nested(CreditLineSchema), load_default=None,
                        validate=validate.Length(min=1, max=500),
                        metadata={"description": "Hours per line to credit; "
                                                 "absent: the whole invoice."})

    @validates_schema
    def each_line_once(self, data, **kwargs):
        lines = [line["line"] for line in data.get("lines") or []]
        if len(lines) != len(set(lines)):
            raise ValidationError("Each line appears once.", "lines")


class PaymentRequestSchema(Schema):
    payment_id = Text(min_length=1, max_length=100, required=True,
                      metadata={"description": "The bank transaction id: registering the "
                                               "same one twice changes nothing."})
    amount = Amount(required=True)
    paid_on = Day(required=True)


class PaymentSchema(Schema):
    payment_id = fields.String(attribute="payment.id")
    amount = Money(attribute="payment.amount")
    paid_on = fields.Date(attribute="payment.paid_on")
    invoice = fields.Nested(InvoiceSummarySchema, attribute="invoice_view")


class DocumentFileSchema(Schema):
    """An export: the file's name, media type and text (XML or HTML)."""

    filename = fields.String()
    content_type = fields.String()
    content = fields.String()

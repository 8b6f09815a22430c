"""Invoices: the monthly run, reading and exporting them, credit notes and payments.

Calls that read one invoice take an optional `client_id`: given (a client's token),
an invoice of another client is `InvoiceNotFound`, exactly as if it did not exist.
"""

from infra.rpc import rpc
from services.billing.domain import use_cases
from services.billing.domain.errors import InvoiceNotFound
from services.billing.domain.html_invoice import invoice_html
from services.billing.domain.period import Month
from services.billing.domain.ubl_export import ubl_xml
from services.billing.entrypoints import _support as support
from services.billing.schemas.fields import resource_id
from services.billing.schemas.invoices import (
    CreditNoteRequestSchema,
    DocumentFileSchema,
    InvoicePageSchema,
    InvoiceQuerySchema,
    InvoiceSchema,
    MonthlyRunSchema,
    PaymentRequestSchema,
    PaymentSchema,
    RunResultSchema,
)


class InvoicingEntrypoints:
    @rpc
    def run_monthly_invoicing(self, request):
        data = MonthlyRunSchema().load(request)
        result = use_cases.run_monthly_invoicing(
            self.uow.serialised(), Month.parse(data["month"]),
            data["issue_date"] or support.today(), support.new_command_id(),
            self.settings.rules)
        return RunResultSchema().dump({
            "month": result.month, "blocked": result.blocked,
            "issued": [{"invoice": invoice} for invoice in result.issued]})

    @rpc
    def get_invoice(self, invoice_number, client_id=None):
        return InvoiceSchema().dump(self._invoice_view(invoice_number, client_id))

    @rpc
    def list_invoices(self, query=None):
        query = InvoiceQuerySchema().load(query or {})
        with self.uow as uow:
            page = uow.queries.invoices(**query)
        today = support.today()
        return InvoicePageSchema().dump({
            "items": [{"invoice": row, "receivable": owed, "today": today}
                      for row, owed in page.items],
            "next_cursor": page.next_cursor})

    @rpc
    def export_invoice_ubl(self, invoice_number, client_id=None):
        invoice = self._invoice_view(invoice_number, client_id)["invoice"]
        return DocumentFileSchema().dump({
            "filename": f"{invoice.number}.xml", "content_type": "application/xml",
            "content": ubl_xml(invoice).decode()})

    @rpc
    def export_invoice_html(self, invoice_number, client_id=None):
        invoice = self._invoice_view(invoice_number, client_id)["invoice"]
        return DocumentFileSchema().dump({
            "filename": f"{invoice.number}.html", "content_type": "text/html; charset=utf-8",
            "content": invoice_html(invoice)})

    @rpc
    def issue_credit_note(self, invoice_number, request):
        number = support.invoice(invoice_number)
        data = CreditNoteRequestSchema().load(request)
        hours = None if data["lines"] is None else {
            line["line"]: line["hours"] for line in data["lines"]}
        note = use_cases.issue_credit_note(
            self.uow.serialised(), number, data["reason"], data["issue_date"] or support.today(),
            support.new_command_id(), self.settings.rules, hours)
        return InvoiceSchema().dump({"invoice": note, "receivable": None})

    @rpc
    def register_payment(self, invoice_number, payment):
        number = support.invoice(invoice_number)
        data = PaymentRequestSchema().load(payment)
        registered = use_cases.register_payment(self.uow.serialised(), number,
                                                data["payment_id"], data["amount"],
                                                data["paid_on"])
        return PaymentSchema().dump({"payment": registered,
                                     "invoice_view": self._invoice_view(number)})

    def _invoice_view(self, invoice_number, client_id=None) -> dict:
        number = support.invoice(invoice_number)
        scope = None if client_id is None else resource_id(client_id,
                                                           lambda _: InvoiceNotFound(number))
        with self.uow as uow:
            found = uow.queries.invoice(number)
        if found is None or (scope is not None and found[0].customer.id != scope):
            raise InvoiceNotFound(number)
        invoice, receivable = found
        return {"invoice": invoice, "receivable": receivable, "today": support.today()}

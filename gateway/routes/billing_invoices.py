"""Billing: the monthly invoicing run, invoices and their UBL and HTML files, credit notes
and payments. A client token reads its own invoices only: billing answers another
client's invoice exactly as one that does not exist."""

from gateway.http import RouteDoc, api
from gateway.requests import json_body, query_args
from gateway.routes.billing_support import (
    CLIENTS,
    HTML_FILE,
    OPERATOR,
    XML_FILE,
    file_response,
    scoped_query,
)
from services.billing.schemas import (
    CreditNoteRequestSchema,
    InvoicePageSchema,
    InvoiceQuerySchema,
    InvoiceSchema,
    MonthlyRunSchema,
    PaymentRequestSchema,
    PaymentSchema,
    RunResultSchema,
)


def client_scope(caller) -> dict:
    """The `client_id` argument that keeps a client token to its own invoices."""
    return {"client_id": caller.client_id} if caller.role == "client" else {}


class BillingInvoiceRoutes:
    @api("POST", "/v1/billing/runs",
         RouteDoc("Invoice a month's approved hours, one invoice per client and project; "
                  "running a month again invoices only hours approved since (a client that "
                  "cannot be invoiced is listed in `blocked`)", "invoices",
                  body=MonthlyRunSchema, response=RunResultSchema), roles=OPERATOR)
    def run_monthly_invoicing(self, request):
        return self.billing_runs.run_monthly_invoicing(json_body(request))

    @api("GET", "/v1/invoices",
         RouteDoc("Invoices and credit notes, with what is paid and open (a client token: "
                  "its own)", "invoices", query=InvoiceQuerySchema,
                  response=InvoicePageSchema), roles=CLIENTS)
    def list_invoices(self, request):
        return self.billing.list_invoices(scoped_query(request.caller, query_args(request)))

    @api("GET", "/v1/invoices/<invoice_number>",
         RouteDoc("One invoice or credit note with its lines, VAT and parties", "invoices",
                  response=InvoiceSchema), roles=CLIENTS)
    def get_invoice(self, request, invoice_number):
        return self.billing.get_invoice(invoice_number, **client_scope(request.caller))

    @api("GET", "/v1/invoices/<invoice_number>/ubl",
         RouteDoc("The invoice as UBL 2.1 (NLCIUS) XML, for the client's bookkeeping",
                  "invoices", response=XML_FILE, media_type="application/xml"),
         roles=CLIENTS)
    def export_invoice_ubl(self, request, invoice_number):
        return file_response(self.billing.export_invoice_ubl(
            invoice_number, **client_scope(request.caller)))

    @api("GET", "/v1/invoices/<invoice_number>/html",
         RouteDoc("The invoice as a printable HTML page", "invoices", response=HTML_FILE,
                  media_type="text/html"), roles=CLIENTS)
    def export_invoice_html(self, request, invoice_number):
        return file_response(self.billing.export_invoice_html(
            invoice_number, **client_scope(request.caller)), disposition="inline")

    @api("POST", "/v1/invoices/<invoice_number>/credit-notes",
         RouteDoc("Credit an invoice, whole or some hours of some lines; the credit note "
                  "takes the next number", "invoices", body=CreditNoteRequestSchema,
                  response=InvoiceSchema, status=201), roles=OPERATOR)
    def issue_credit_note(self, request, invoice_number):
        note = self.billing.issue_credit_note(invoice_number, json_body(request))
        return 201, {"Location": f"/v1/invoices/{note['number']}"}, note

    @api("POST", "/v1/invoices/<invoice_number>/payments",
         RouteDoc("Register a client's payment of an invoice (the same payment_id again is "
                  "registered once)", "invoices", body=PaymentRequestSchema,
                  response=PaymentSchema, status=201), roles=OPERATOR)
    def register_payment(self, request, invoice_number):
        return 201, self.billing.register_payment(invoice_number, json_body(request))

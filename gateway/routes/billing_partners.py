"""Billing: inter-coop work (operators only). Coop A's external contracts (a partner
coop's member working for our client; hours are written on them by an operator with
`PUT /v1/contracts/{id}/hours`, approved by the client as usual), coop B's lent contracts
(our member working for a partner coop), the invoices to partner coops, and coop A's
payments to partner coops with what it still owes each."""

from gateway.http import RouteDoc, api
from gateway.requests import json_body, query_args
from gateway.routes.billing_support import OPERATOR
from services.billing.schemas.inter_coop import (
    InterCoopContractPageSchema,
    InterCoopContractQuerySchema,
    InterCoopInvoicePageSchema,
    InterCoopInvoiceQuerySchema,
    PartnerBalancePageSchema,
    PartnerBalanceQuerySchema,
    PartnerPaymentPageSchema,
    PartnerPaymentQuerySchema,
    PartnerPaymentRequestSchema,
    PartnerPaymentSchema,
)


class PartnerBillingRoutes:
    @api("GET", "/v1/inter-coop/external-contracts",
         RouteDoc("External contracts: partner coops' members working for our clients, with "
                  "the rate the client pays and the rate the partner coop is owed (write "
                  "their hours with PUT /v1/contracts/{id}/hours)", "inter-coop",
                  query=InterCoopContractQuerySchema, response=InterCoopContractPageSchema),
         roles=OPERATOR)
    def list_external_contracts(self, request):
        return self.billing.list_external_contracts(query_args(request))

    @api("GET", "/v1/inter-coop/lent-contracts",
         RouteDoc("Lent contracts: our members working for partner coops, invoiced to the "
                  "partner coop; their hours are the partner's approved hours only (find one "
                  "by the partner's placement_id)", "inter-coop",
                  query=InterCoopContractQuerySchema,
                  response=InterCoopContractPageSchema), roles=OPERATOR)
    def list_lent_contracts(self, request):
        return self.billing.list_lent_contracts(query_args(request))

    @api("GET", "/v1/inter-coop/invoices",
         RouteDoc("Invoices and credit notes to partner coops (get one, its UBL or HTML with "
                  "/v1/invoices/{number})", "inter-coop", query=InterCoopInvoiceQuerySchema,
                  response=InterCoopInvoicePageSchema), roles=OPERATOR)
    def list_inter_coop_invoices(self, request):
        return self.billing.list_inter_coop_invoices(query_args(request))

    @api("POST", "/v1/inter-coop/partner-payments",
         RouteDoc("Record that we paid a partner coop for its members' approved hours "
                  "(Dr partner_coop_payables:<partner>, Cr bank); never more than we owe it "
                  "(PaymentExceedsPartnerPayable, 409)", "inter-coop",
                  body=PartnerPaymentRequestSchema, response=PartnerPaymentSchema,
                  status=201), roles=OPERATOR)
    def pay_partner_coop(self, request):
        return 201, self.billing.pay_partner_coop(json_body(request))

    @api("GET", "/v1/inter-coop/partner-payments",
         RouteDoc("Payments to partner coops, oldest first", "inter-coop",
                  query=PartnerPaymentQuerySchema, response=PartnerPaymentPageSchema),
         roles=OPERATOR)
    def list_partner_payments(self, request):
        return self.billing.list_partner_payments(query_args(request))

    @api("GET", "/v1/inter-coop/partner-balances",
         RouteDoc("What we owe each partner coop, from the ledger: approved external hours "
                  "at the partner rate, paid, open", "inter-coop",
                  query=PartnerBalanceQuerySchema, response=PartnerBalancePageSchema),
         roles=OPERATOR)
    def list_partner_balances(self, request):
        return self.billing.list_partner_balances(query_args(request))

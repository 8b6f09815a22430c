"""Billing: the ledger and reports. Operators read every account, the VAT return and book
fund contributions; a member reads their own statement and annual statement."""

from gateway.auth import require_member_scope
from gateway.http import RouteDoc, api
from gateway.problems import Problem
from gateway.requests import json_body, query_args
from gateway.routes.billing_support import MEMBERS, OPERATOR
from infra.errors import Invalid
from services.billing.schemas import (
    AnnualStatementSchema,
    FundContributionRequestSchema,
    PeriodQuerySchema,
    PostingSchema,
    StatementSchema,
    TrialBalanceSchema,
    VatReturnSchema,
)
from services.billing.schemas.fields import QUARTER


class BillingLedgerRoutes:
    @api("GET", "/v1/ledger/trial-balance",
         RouteDoc("Every account's balance; the total is always 0.00", "ledger",
                  response=TrialBalanceSchema), roles=OPERATOR)
    def get_trial_balance(self, request):
        return self.billing.get_trial_balance()

    @api("GET", "/v1/ledger/accounts/<account>",
         RouteDoc("One account's statement (e.g. bank, vat_payable, client_receivables:<id>), "
                  "with a running balance", "ledger", query=PeriodQuerySchema,
                  response=StatementSchema), roles=OPERATOR)
    def get_account_statement(self, request, account):
        return self.billing.get_account_statement(account, query_args(request))

    @api("GET", "/v1/members/<member_id>/statement",
         RouteDoc("What the coop owes a member and why it changed (a member token: its own)",
                  "ledger", query=PeriodQuerySchema, response=StatementSchema), roles=MEMBERS)
    def get_member_statement(self, request, member_id):
        require_member_scope(request.caller, member_id)
        return self.billing.get_member_statement(member_id, query_args(request))

    @api("GET", "/v1/members/<member_id>/annual-statements/<year>",
         RouteDoc("A member's year for the income-tax return: invoiced, earned, benefits, "
                  "deposits, payouts (a member token: its own)", "ledger",
                  response=AnnualStatementSchema), roles=MEMBERS)
    def get_member_annual_statement(self, request, member_id, year):
        require_member_scope(request.caller, member_id)
        if not (year.isascii() and year.isdigit() and len(year) == 4):
            raise _no_report("annual statement", year)
        try:
            return self.billing.get_member_annual_statement(member_id, {"year": int(year)})
        except Invalid:
            raise _no_report("annual statement", year) from None

    @api("GET", "/v1/vat-returns/<quarter>",
         RouteDoc("The VAT return of a quarter (YYYY-Qn): boxes 1a, 1b, 1e, 3b, 4a, 4b, 5b "
                  "and the ICP listing", "ledger", response=VatReturnSchema), roles=OPERATOR)
    def get_vat_return(self, request, quarter):
        if not QUARTER.fullmatch(quarter):
            raise _no_report("VAT return", quarter)
        try:
            return self.billing.get_vat_return({"quarter": quarter})
        except Invalid:
            raise _no_report("VAT return", quarter) from None

    @api("POST", "/v1/fund-contributions",
         RouteDoc("Book a contribution to the guarantee, solidarity or development fund",
                  "ledger", body=FundContributionRequestSchema, response=PostingSchema,
                  status=201), roles=OPERATOR)
    def contribute_to_fund(self, request):
        return 201, self.billing.contribute_to_fund(json_body(request))


def _no_report(kind: str, period: str) -> Problem:
    return Problem(404, "not-found", "Not found",
                   f"No {kind} for {period[:20]!r}: a year is YYYY (2000-2999), a quarter "
                   "YYYY-Qn.")

"""Billing: payout batches and their SEPA file (operators), a member's own payouts, and
the solidarity fund (a member joins, files a claim and records recovery as itself)."""

from gateway.auth import require_member_scope
from gateway.http import RouteDoc, api
from gateway.requests import json_body, query_args
from gateway.routes.billing_support import MEMBERS, OPERATOR, XML_FILE, file_response
from services.billing.schemas import (
    BenefitRunRequestSchema,
    BenefitRunSchema,
    ClaimRequestSchema,
    ClaimSchema,
    JoinFundRequestSchema,
    MemberPayoutPageSchema,
    MemberPayoutQuerySchema,
    MembershipSchema,
    PayoutBatchSchema,
    PayoutRequestSchema,
    RecoveryRequestSchema,
)


def optional_body(request) -> dict:
    """The JSON body, or `{}` when none is sent (every field has a default)."""
    return json_body(request) if request.get_data(cache=True) else {}


class BillingPayoutRoutes:
    @api("POST", "/v1/payout-batches",
         RouteDoc("Pay every member what the coop owes them (what cannot be paid yet waits, "
                  "with the reason); the same batch_id again returns the first batch. The "
                  "body may be left out", "payouts", body=PayoutRequestSchema,
                  response=PayoutBatchSchema, status=201), roles=OPERATOR)
    def create_payout_batch(self, request):
        batch = self.billing_runs.create_payout_batch(optional_body(request))
        return 201, {"Location": f"/v1/payout-batches/{batch['batch_id']}"}, batch

    @api("GET", "/v1/payout-batches/<batch_id>",
         RouteDoc("One payout batch: its lines and what waits (no IBANs)", "payouts",
                  response=PayoutBatchSchema), roles=OPERATOR)
    def get_payout_batch(self, request, batch_id):
        return self.billing.get_payout_batch(batch_id)

    @api("GET", "/v1/payout-batches/<batch_id>/pain001",
         RouteDoc("The batch's SEPA credit transfer file (pain.001.001.03) for the bank",
                  "payouts", response=XML_FILE, media_type="application/xml",
                  problems=(409,)), roles=OPERATOR)
    def export_payout_batch(self, request, batch_id):
        return file_response(self.billing.export_payout_batch(batch_id))

    @api("GET", "/v1/members/<member_id>/payouts",
         RouteDoc("A member's payouts, in the order the batches were made (a member token: "
                  "its own)", "payouts", query=MemberPayoutQuerySchema,
                  response=MemberPayoutPageSchema),
         roles=MEMBERS)
    def list_member_payouts(self, request, member_id):
        require_member_scope(request.caller, member_id)
        return self.billing.list_member_payouts(member_id, query_args(request))

    @api("PUT", "/v1/members/<member_id>/solidarity",
         RouteDoc("Join the solidarity fund at a benefit tier, or change tier (a member "
                  "token: itself)", "solidarity", body=JoinFundRequestSchema,
                  response=MembershipSchema), roles=MEMBERS)
    def join_solidarity_fund(self, request, member_id):
        require_member_scope(request.caller, member_id)
        return self.billing.join_solidarity_fund(member_id, json_body(request))

    @api("POST", "/v1/members/<member_id>/solidarity-claims",
         RouteDoc("Claim the solidarity benefit when sick (nothing about the sickness is "
                  "asked or kept)", "solidarity", body=ClaimRequestSchema,
                  response=ClaimSchema, status=201), roles=MEMBERS)
    def file_solidarity_claim(self, request, member_id):
        require_member_scope(request.caller, member_id)
        return 201, self.billing.file_solidarity_claim(member_id, json_body(request))

    @api("POST", "/v1/solidarity-claims/<claim_id>/recovery",
         RouteDoc("Record the first day well again; the benefit stops", "solidarity",
                  body=RecoveryRequestSchema, response=ClaimSchema), roles=MEMBERS)
    def record_recovery(self, request, claim_id):
        caller = request.caller
        scope = {"member_id": caller.member_id} if caller.role == "member" else {}
        return self.billing.record_recovery(claim_id, json_body(request), **scope)

    @api("POST", "/v1/solidarity-benefit-runs",
         RouteDoc("Pay the month's solidarity benefits of open claims (monthly)",
                  "solidarity", body=BenefitRunRequestSchema, response=BenefitRunSchema),
         roles=OPERATOR)
    def pay_solidarity_benefits(self, request):
        return self.billing_runs.pay_solidarity_benefits(optional_body(request))

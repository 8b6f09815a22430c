"""Billing: contracts and hours. Members write hours on their own contracts, clients
approve or reject the hours on theirs; the token says who acts, never the body alone."""

from contextlib import contextmanager

from gateway.http import RouteDoc, api
from gateway.requests import json_body, query_args
from gateway.routes.billing_support import (
    ANYONE,
    CLIENTS,
    MEMBERS,
    OPERATOR,
    DecisionRequestSchema,
    HoursRequestSchema,
    RejectionRequestSchema,
    TimeEntryListSchema,
    acting_as,
    contract_in_scope,
    not_found,
    scoped_query,
)
from infra.errors import Forbidden
from services.billing.schemas import (
    AssignmentSchema,
    ContractPageSchema,
    ContractQuerySchema,
    ContractSchema,
    TimeEntryPageSchema,
    TimeEntryQuerySchema,
)


class BillingHoursRoutes:
    @api("POST", "/v1/contracts",
         RouteDoc("Record an assignment agreed outside matching as a contract to write hours "
                  "on (the same assignment_id again returns the contract as first recorded)",
                  "hours", body=AssignmentSchema, response=ContractSchema, status=201),
         roles=OPERATOR)
    def record_assignment(self, request):
        contract = self.billing.record_assignment(json_body(request))
        return 201, {"Location": f"/v1/contracts/{contract['id']}"}, contract

    @api("GET", "/v1/contracts",
         RouteDoc("Contracts (a member or client token: its own)", "hours",
                  query=ContractQuerySchema, response=ContractPageSchema), roles=ANYONE)
    def list_contracts(self, request):
        return self.billing.list_contracts(scoped_query(request.caller, query_args(request)))

    @api("GET", "/v1/contracts/<contract_id>",
         RouteDoc("One contract: member, client, rate, period, VAT rate and the coop's "
                  "percentages", "hours", response=ContractSchema), roles=ANYONE)
    def get_contract(self, request, contract_id):
        return contract_in_scope(request.caller, self.billing.get_contract(contract_id))

    @api("PUT", "/v1/contracts/<contract_id>/hours",
         RouteDoc("Write hours on a contract, a day each (quarter hours, at most 24 a day, "
                  "within the assignment); a day written again replaces it until approved; "
                  "never on a lent contract (409 LentHoursComeFromThePartner)",
                  "hours", body=HoursRequestSchema, response=TimeEntryListSchema,
                  problems=(409,)), roles=MEMBERS)
    def submit_hours(self, request, contract_id):
        submission = json_body(request)
        caller = request.caller
        if caller.role == "member":
            contract_in_scope(caller, self.billing.get_contract(contract_id))
            acting_as(caller, submission, "member_id", caller.member_id)
        elif submission.get("member_id") is None:
            submission["member_id"] = self.billing.get_contract(contract_id)["member_id"]
        return {"items": self.billing.submit_hours(contract_id, submission)}

    @api("GET", "/v1/time-entries",
         RouteDoc("Time entries (filter by contract, status, month; a member or client token: "
                  "its own, e.g. status=submitted for what to approve)", "hours",
                  query=TimeEntryQuerySchema, response=TimeEntryPageSchema), roles=ANYONE)
    def list_time_entries(self, request):
        return self.billing.list_time_entries(scoped_query(request.caller, query_args(request)))

    @api("POST", "/v1/time-entries/approval",
         RouteDoc("Approve submitted hours (the contract's client): the member's share is "
                  "owed from now on", "hours", body=DecisionRequestSchema,
                  response=TimeEntryListSchema, problems=(404,)), roles=CLIENTS)
    def approve_hours(self, request):
        decision = self._decision(request)
        with _foreign_entries_not_found(request.caller):
            return {"items": self.billing.approve_hours(decision)}

    @api("POST", "/v1/time-entries/rejection",
         RouteDoc("Reject submitted hours with a reason (the contract's client); the member "
                  "may write them again", "hours", body=RejectionRequestSchema,
                  response=TimeEntryListSchema, problems=(404,)), roles=CLIENTS)
    def reject_hours(self, request):
        decision = self._decision(request)
        with _foreign_entries_not_found(request.caller):
            return {"items": self.billing.reject_hours(decision)}

    def _decision(self, request) -> dict:
        decision = json_body(request)
        caller = request.caller
        if caller.role == "client":
            acting_as(caller, decision, "client_id", caller.client_id)
        return decision


@contextmanager
def _foreign_entries_not_found(caller):
    """For a client token, another client's time entry is not found (billing says 403)."""
    try:
        yield
    except Forbidden as error:
        if caller.role == "client" and error.rule == "OnlyTheContractedClientApproves":
            raise not_found("TimeEntryNotFound", "No time entry with one of these ids is "
                                                 "your organisation's.") from None
        raise

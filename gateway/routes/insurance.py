"""Collective insurance: policies (operators define them; members read them to choose),
a member's enrolments (opt in, opt out) and certificate of coverage (a member token:
itself), and whether proposed members are covered for professional liability.

A client token reaches none of the member routes (403, as for other member routes);
a member token asking for another member gets 404. The certificate is a PDF, or an
HTML page when the `Accept` header prefers `text/html`.

Backdating: billing decides how far back a start or end may go from the caller's role,
which only the gateway knows: it passes `by_operator` (a member: from today on; an
operator: from the first day of the current month), never taken from the body.

Proposals: `with_coverage` adds to every proposed seat `professional_liability_insured`
(the primary) and to its backup the same, as billing answers `insurance_coverage` for
today (asked in chunks of at most `COVERAGE_CHUNK` ids, the schema's maximum); `null`
when billing fails to answer for any reason (not running, too slow, an error): the
failure is logged with the request id and the proposal is still served (after a POST,
it is saved either way).
"""

import base64
import logging
from datetime import UTC, datetime

from marshmallow import fields

from gateway.auth import require_member_scope
from gateway.http import RouteDoc, api
from gateway.requests import checked, json_body, query_args
from gateway.routes.billing_support import MEMBERS, OPERATOR, file_response
from infra.schemas import Schema
from services.billing.schemas.fields import Day
from services.billing.schemas.insurance import (
    EnrolmentEndSchema,
    EnrolmentPageSchema,
    EnrolmentQuerySchema,
    EnrolmentRequestSchema,
    EnrolmentSchema,
    PolicyChangesSchema,
    PolicyDetailsSchema,
    PolicyPageSchema,
    PolicyQuerySchema,
    PolicySchema,
)
from services.matching.schemas.projects import (
    BackupSchema,
    ProposalListSchema,
    ProposalSchema,
    ProposedSeatSchema,
    ProposedTeamSchema,
)

log = logging.getLogger(__name__)

PDF, HTML = "application/pdf", "text/html"
CERTIFICATE = {"type": "string", "description": "The certificate of coverage: a PDF, or a "
                                                "printable HTML page (Accept: text/html)."}
INSURED = "professional_liability_insured"
COVERAGE_CHUNK = 500  # CoverageRequestSchema's maximum of member ids per call


class CertificateQuerySchema(Schema):
    on = Day(load_default=None, metadata={"description": "The day covered. Default: today."})


# --- proposals with coverage ---------------------------------------------------------------

def _insured(**kwargs):
    return fields.Boolean(allow_none=True, metadata={
        "description": "Covered for professional liability by the coop's collective "
                       "insurance today (null: billing did not answer)."}, **kwargs)


class InsuredBackupSchema(BackupSchema):
    professional_liability_insured = _insured()


class InsuredSeatSchema(ProposedSeatSchema):
    professional_liability_insured = _insured()
    backup = fields.Nested(InsuredBackupSchema, allow_none=True)


class InsuredTeamSchema(ProposedTeamSchema):
    seats = fields.List(fields.Nested(InsuredSeatSchema))


class InsuredProposalSchema(ProposalSchema):
    best = fields.Nested(InsuredTeamSchema)
    alternatives = fields.List(fields.Nested(InsuredTeamSchema))


class InsuredProposalListSchema(ProposalListSchema):
    items = fields.List(fields.Nested(InsuredProposalSchema))


def _teams(proposal: dict) -> list[dict]:
    return [team for team in (proposal.get("best"), *(proposal.get("alternatives") or ()))
            if team]


def _proposed_members(proposals: list[dict]) -> set[str]:
    members = set()
    for proposal in proposals:
        for team in _teams(proposal):
            for seat in team.get("seats") or ():
                members.add(seat["primary"])
                if seat.get("backup"):
                    members.add(seat["backup"]["member_id"])
    return members


def _request_id(billing) -> str | None:
    """This request's id: it travels in the worker context the billing proxy carries."""
    context = getattr(getattr(billing, "worker_ctx", None), "context_data", None) or {}
    return context.get("request_id")


def _coverage(billing, members: list[str]) -> dict | None:
    """billing's `insurance_coverage` for today, in chunks; None when any call fails."""
    today = datetime.now(UTC).date().isoformat()
    covered: dict = {}
    try:
        for start in range(0, len(members), COVERAGE_CHUNK):
            covered.update(billing.insurance_coverage(members[start:start + COVERAGE_CHUNK],
                                                      today))
    except Exception:  # noqa: BLE001 - coverage is extra: the proposal is served without it
        log.warning("insurance_coverage failed; coverage is null", exc_info=True,
                    extra={"request_id": _request_id(billing)})
        return None
    return covered


def with_coverage(billing, proposals: list[dict]) -> None:
    """Mark, in place, every proposed primary and backup as insured or not (None: unknown,
    billing did not answer)."""
    members = sorted(_proposed_members(proposals))
    covered = _coverage(billing, members) if members else {}

    def insured(member_id: str) -> bool | None:
        if covered is None:
            return None
        return "professional_liability" in covered.get(member_id, ())

    for proposal in proposals:
        for team in _teams(proposal):
            for seat in team.get("seats") or ():
                seat[INSURED] = insured(seat["primary"])
                if seat.get("backup"):
                    seat["backup"][INSURED] = insured(seat["backup"]["member_id"])


def _by_operator(request) -> bool:
    return request.caller.role == "operator"


# --- routes --------------------------------------------------------------------------------

class InsuranceRoutes:
    @api("POST", "/v1/insurance/policies",
         RouteDoc("Define a collective insurance policy members can opt in to", "insurance",
                  body=PolicyDetailsSchema, response=PolicySchema, status=201), roles=OPERATOR)
    def create_insurance_policy(self, request):
        policy = self.billing.create_insurance_policy(json_body(request))
        return 201, {"Location": f"/v1/insurance/policies/{policy['id']}"}, policy

    @api("GET", "/v1/insurance/policies",
         RouteDoc("The coop's collective insurance policies, oldest first", "insurance",
                  query=PolicyQuerySchema, response=PolicyPageSchema), roles=MEMBERS)
    def list_insurance_policies(self, request):
        return self.billing.list_insurance_policies(query_args(request))

    @api("GET", "/v1/insurance/policies/<policy_id>",
         RouteDoc("One insurance policy", "insurance", response=PolicySchema), roles=MEMBERS)
    def get_insurance_policy(self, request, policy_id):
        return self.billing.get_insurance_policy(policy_id)

    @api("PATCH", "/v1/insurance/policies/<policy_id>",
         RouteDoc("Change a policy (active false: withdrawn, no new enrolments; a new "
                  "premium applies to months not charged yet)", "insurance",
                  body=PolicyChangesSchema, response=PolicySchema), roles=OPERATOR)
    def change_insurance_policy(self, request, policy_id):
        return self.billing.change_insurance_policy(policy_id, json_body(request))

    @api("POST", "/v1/members/<member_id>/insurance/enrolments",
         RouteDoc("Opt in to a policy from a start date (a member token: itself, from "
                  "today on; an operator from the 1st of the month); premiums are deducted "
                  "from payouts", "insurance", body=EnrolmentRequestSchema,
                  response=EnrolmentSchema, status=201), roles=MEMBERS)
    def enrol_in_insurance(self, request, member_id):
        require_member_scope(request.caller, member_id)
        enrolment = self.billing.enrol_in_insurance(member_id, json_body(request),
                                                    by_operator=_by_operator(request))
        return 201, {"Location": f"/v1/members/{member_id}/insurance/enrolments/"
                                 f"{enrolment['id']}"}, enrolment

    @api("GET", "/v1/members/<member_id>/insurance/enrolments",
         RouteDoc("A member's insurance enrolments, oldest first", "insurance",
                  query=EnrolmentQuerySchema, response=EnrolmentPageSchema), roles=MEMBERS)
    def list_insurance_enrolments(self, request, member_id):
        require_member_scope(request.caller, member_id)
        return self.billing.list_insurance_enrolments(member_id, query_args(request))

    @api("PATCH", "/v1/members/<member_id>/insurance/enrolments/<enrolment_id>",
         RouteDoc("Opt out: the last day covered (earlier only, not before today; an "
                  "operator from the 1st of the month; the day before the start cancels "
                  "it)", "insurance", body=EnrolmentEndSchema,
                  response=EnrolmentSchema), roles=MEMBERS)
    def end_insurance_enrolment(self, request, member_id, enrolment_id):
        require_member_scope(request.caller, member_id)
        return self.billing.end_insurance_enrolment(member_id, enrolment_id,
                                                    json_body(request),
                                                    by_operator=_by_operator(request))

    @api("GET", "/v1/members/<member_id>/insurance/certificate",
         RouteDoc("A certificate of coverage on a day, to show a client: a PDF, or HTML "
                  "with `Accept: text/html`", "insurance", query=CertificateQuerySchema,
                  response=CERTIFICATE, media_type=(PDF, HTML)), roles=MEMBERS)
    def export_insurance_certificate(self, request, member_id):
        require_member_scope(request.caller, member_id)
        query = checked(CertificateQuerySchema(), query_args(request))
        wanted = request.accept_mimetypes.best_match((PDF, HTML), default=PDF)
        file = self.billing.export_insurance_certificate(
            member_id, {**query, "format": "html" if wanted == HTML else "pdf"})
        if file["encoding"] == "base64":
            return file_response({**file, "content": base64.b64decode(file["content"])})
        return file_response(file, disposition="inline")

"""Learning: the yearly development budget, the fund, development requests, skill gaps."""

from gateway.auth import require_member_scope
from gateway.http import RouteDoc, api
from gateway.requests import checked, json_body, query_args
from gateway.routes.mentoring import acting_member
from services.learning.schemas.budget import (
    BudgetQuerySchema,
    BudgetSchema,
    DevelopmentRequestDetailsSchema,
    DevelopmentRequestSchema,
    FundSchema,
    RejectionSchema,
    RequestPageSchema,
    RequestQuerySchema,
)
from services.learning.schemas.reports import SkillGapQuerySchema, SkillGapReportSchema

SELF = ("operator", "member")


class DevelopmentRoutes:
    @api("GET", "/v1/members/<member_id>/development-budget",
         RouteDoc("A member's development budget for a year (allowance, approved, pending, "
                  "remaining)", "development", query=BudgetQuerySchema, response=BudgetSchema),
         roles=SELF)
    def get_development_budget(self, request, member_id):
        require_member_scope(request.caller, member_id)
        return self.learning.get_development_budget(member_id, query_args(request))

    @api("GET", "/v1/development-fund",
         RouteDoc("The coop's development fund: contributed, spent, balance", "development",
                  response=FundSchema), roles=SELF)
    def get_development_fund(self, request):
        return self.learning.get_development_fund()

    @api("POST", "/v1/members/<member_id>/development-requests",
         RouteDoc("Ask for a course or conference paid from the development budget",
                  "development", body=DevelopmentRequestDetailsSchema,
                  response=DevelopmentRequestSchema, status=201), roles=SELF)
    def request_development(self, request, member_id):
        require_member_scope(request.caller, member_id)
        return 201, self.learning.request_development(member_id, json_body(request))

    @api("GET", "/v1/development-requests",
         RouteDoc("Development requests (filter by member, status)", "development",
                  query=RequestQuerySchema, response=RequestPageSchema), roles=SELF)
    def list_development_requests(self, request):
        return self.learning.list_development_requests(query_args(request))

    @api("GET", "/v1/development-requests/<request_id>",
         RouteDoc("One development request with its approvals", "development",
                  response=DevelopmentRequestSchema), roles=SELF)
    def get_development_request(self, request, request_id):
        return self.learning.get_development_request(request_id)

    @api("POST", "/v1/development-requests/<request_id>/approvals",
         RouteDoc("Approve a development request (two other members, or an operator)",
                  "development", response=DevelopmentRequestSchema), roles=SELF)
    def approve_development_request(self, request, request_id):
        return self.learning.approve_development_request(request_id,
                                                         acting_member(request.caller))

    @api("POST", "/v1/development-requests/<request_id>/rejection",
         RouteDoc("Reject a pending development request", "development",
                  body=RejectionSchema, response=DevelopmentRequestSchema),
         roles=("operator",))
    def reject_development_request(self, request, request_id):
        rejection = checked(RejectionSchema(), json_body(request))
        return self.learning.reject_development_request(request_id, rejection["reason"])

    @api("DELETE", "/v1/members/<member_id>/development-requests/<request_id>",
         RouteDoc("Withdraw one's pending development request", "development",
                  response=DevelopmentRequestSchema, problems=(409,)), roles=SELF)
    def withdraw_development_request(self, request, member_id, request_id):
        require_member_scope(request.caller, member_id)
        return self.learning.withdraw_development_request(member_id, request_id)

    @api("GET", "/v1/reports/skill-gaps",
         RouteDoc("Skills to develop first: demand from projects against members, verified "
                  "levels, mentors and wishes", "development", query=SkillGapQuerySchema,
                  response=SkillGapReportSchema), roles=SELF)
    def skill_gap_report(self, request):
        return self.learning.skill_gap_report(query_args(request))

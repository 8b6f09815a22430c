"""The development budget, the fund, and development requests."""

from infra.rpc import rpc
from services.learning.domain import use_cases
from services.learning.entrypoints import _ids
from services.learning.schemas.budget import (
    ApproverSchema,
    BudgetQuerySchema,
    BudgetSchema,
    DevelopmentRequestDetailsSchema,
    DevelopmentRequestSchema,
    FundSchema,
    RejectionSchema,
    RequestPageSchema,
    RequestQuerySchema,
)


class BudgetEntrypoints:
    @rpc
    def get_development_budget(self, member_id, query=None):
        year = BudgetQuerySchema().load(query or {})["year"]
        budget, fund = use_cases.get_budget(self.uow, _ids.member_id(member_id), year,
                                            self.settings)
        return BudgetSchema().dump({"budget": budget, "fund": fund})

    @rpc
    def get_development_fund(self):
        fund, this_year = use_cases.get_fund(self.uow)
        return FundSchema().dump({"fund": fund, "contributed_this_year": this_year})

    @rpc
    def request_development(self, member_id, request):
        request = use_cases.request_development(
            self.uow, _ids.member_id(member_id),
            **DevelopmentRequestDetailsSchema().load(request), settings=self.settings)
        return DevelopmentRequestSchema().dump(request)

    @rpc
    def get_development_request(self, request_id):
        request = use_cases.get_request(self.uow, _ids.request_id(request_id))
        return DevelopmentRequestSchema().dump(request)

    @rpc
    def list_development_requests(self, query=None):
        query = RequestQuerySchema().load(query or {})
        return RequestPageSchema().dump(use_cases.list_requests(self.uow, **query))

    @rpc
    def approve_development_request(self, request_id, approver_id=None):
        approver_id = ApproverSchema().load({"approver_id": approver_id})["approver_id"]
        request = use_cases.approve_request(self.uow, _ids.request_id(request_id), approver_id,
                                            self.settings)
        return DevelopmentRequestSchema().dump(request)

    @rpc
    def reject_development_request(self, request_id, reason):
        reason = RejectionSchema().load({"reason": reason})["reason"]
        request = use_cases.reject_request(self.uow, _ids.request_id(request_id), reason)
        return DevelopmentRequestSchema().dump(request)

    @rpc
    def withdraw_development_request(self, member_id, request_id):
        request = use_cases.withdraw_request(self.uow, _ids.member_id(member_id),
                                             _ids.request_id(request_id))
        return DevelopmentRequestSchema().dump(request)

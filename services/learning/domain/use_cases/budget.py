"""Development requests against each member's yearly budget and the development fund."""

from decimal import Decimal

from services.learning.domain.budget import APPROVED, Budget, DevelopmentRequest, Fund
from services.learning.domain.errors import DevelopmentRequestNotFound
from services.learning.domain.events import DevelopmentExpenseApproved
from services.learning.domain.ports import UnitOfWork
from services.learning.domain.settings import LearningSettings
from services.learning.domain.use_cases._support import member, now, other_member


def _budget(uow: UnitOfWork, member_id: str, year: int, settings: LearningSettings) -> Budget:
    approved, pending = uow.budget.totals(member_id, year)
    return Budget(member_id, year, settings.yearly_budget, approved, pending)


def get_budget(uow: UnitOfWork, member_id: str, year: int | None,
               settings: LearningSettings) -> tuple[Budget, Fund]:
    with uow:
        member(uow, member_id)
        return _budget(uow, member_id, year or now().year, settings), uow.budget.fund()


def get_fund(uow: UnitOfWork) -> tuple[Fund, Decimal]:
    """The fund overall, and what was contributed this year."""
    with uow:
        return uow.budget.fund(), uow.budget.contributed_in(now().year)


def request_development(uow: UnitOfWork, member_id: str, kind: str, title: str,
                        what_you_will_learn: str, amount: Decimal,
                        settings: LearningSettings) -> DevelopmentRequest:
    with uow:
        requester = member(uow, member_id)
        moment = now()
        budget = _budget(uow, member_id, moment.year, settings)
        request = DevelopmentRequest.make(requester, kind, title, what_you_will_learn, amount,
                                          budget, moment)
        uow.budget.add(request)
        uow.commit()
        return request


def _request(uow: UnitOfWork, request_id: str, member_id: str | None = None):
    request = uow.budget.get(request_id)
    if request is None or (member_id is not None and request.member_id != member_id):
        raise DevelopmentRequestNotFound(request_id)
    return request


def get_request(uow: UnitOfWork, request_id: str) -> DevelopmentRequest:
    with uow:
        return _request(uow, request_id)


def list_requests(uow: UnitOfWork, limit: int, cursor: str | None, **filters):
    with uow:
        return uow.budget.page(limit, cursor, **filters)


def approve_request(uow: UnitOfWork, request_id: str, approver_id: str | None,
                    settings: LearningSettings) -> DevelopmentRequest:
    """An active member (their id) or an operator (None) approves; the second member's
    approval, or the operator's, approves the request and tells billing."""
    with uow:
        request = _request(uow, request_id)
        approver = None if approver_id is None else other_member(uow, approver_id,
                                                                 "approver_id")
        budget = _budget(uow, request.member_id, request.year, settings)
        request = request.approve(approver, budget, uow.budget.fund(),
                                  settings.approvals_needed, now())
        uow.budget.save(request)
        if request.status == APPROVED:
            uow.publish(DevelopmentExpenseApproved(request))
        uow.commit()
        return request


def reject_request(uow: UnitOfWork, request_id: str, reason: str) -> DevelopmentRequest:
    with uow:
        request = _request(uow, request_id).reject(reason, now())
        uow.budget.save(request)
        uow.commit()
        return request


def withdraw_request(uow: UnitOfWork, member_id: str, request_id: str) -> DevelopmentRequest:
    with uow:
        request = _request(uow, request_id, member_id).withdraw(now())
        uow.budget.save(request)
        uow.commit()
        return request

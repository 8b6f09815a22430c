"""The development budget: what each member may spend on courses and conferences.

**Arithmetic** (EUR, `Decimal`, whole cents; nothing is ever rounded):

- each active member has the same yearly allowance (a coop setting): a member who
  earned less this year, through illness say, does not get less development;
- remaining = allowance − approved − pending, per member and calendar year (the
  year a request is made in); pending requests hold their amount, so a member
  cannot ask for more than is left by asking twice;
- the development fund: balance = all contributions billing booked (the coop's and
  those from members' invoices; corrections are negative) − every approved
  expense. An approval that the balance cannot cover is refused.

**Approval.** Two active members other than the requester, or one operator. The
approval that completes it checks both the member's remaining budget and the
fund's balance again (settings or the fund may have changed since the request),
and then emits `development_expense_approved` for billing to post.
"""

import uuid
from dataclasses import dataclass, replace
from datetime import datetime
from decimal import Decimal

from services.learning.domain.errors import (
    AlreadyApproved,
    CannotApproveOwnRequest,
    OverFundBalance,
    OverRemainingBudget,
    RequestNotPending,
)
from services.learning.domain.member_view import MemberView

KINDS = ("course", "conference")
PENDING, APPROVED, REJECTED, WITHDRAWN = "pending", "approved", "rejected", "withdrawn"
STATUSES = (PENDING, APPROVED, REJECTED, WITHDRAWN)
MEMBER_APPROVER, OPERATOR_APPROVER = "member", "operator"
CURRENCY = "EUR"


@dataclass(frozen=True)
class Fund:
    contributed: Decimal
    spent: Decimal

    @property
    def balance(self) -> Decimal:
        return self.contributed - self.spent


@dataclass(frozen=True)
class Budget:
    member_id: str
    year: int
    allowance: Decimal
    approved: Decimal  # approved requests of the year
    pending: Decimal  # requests of the year still waiting for approval

    @property
    def remaining(self) -> Decimal:
        return self.allowance - self.approved - self.pending

    def without(self, amount: Decimal) -> "Budget":
        """The budget with a pending request of `amount` taken out again."""
        return replace(self, pending=self.pending - amount)


@dataclass(frozen=True)
class Approval:
    approver_kind: str  # member or operator
    approver_id: str | None  # the member; None for an operator
    approved_at: datetime


@dataclass(frozen=True)
class DevelopmentRequest:
    id: str
    member_id: str
    kind: str
    title: str
    what_you_will_learn: str
    amount: Decimal
    year: int
    status: str
    requested_at: datetime
    approvals: tuple[Approval, ...] = ()
    decided_at: datetime | None = None
    rejection_reason: str | None = None
    currency: str = CURRENCY

    @classmethod
    def make(cls, member: MemberView, kind: str, title: str, what_you_will_learn: str,
             amount: Decimal, budget: Budget, now: datetime) -> "DevelopmentRequest":
        member.check_active()
        if amount > budget.remaining:
            raise OverRemainingBudget(amount, max(budget.remaining, Decimal("0.00")),
                                      budget.year)
        return cls(str(uuid.uuid4()), member.member_id, kind, title, what_you_will_learn,
                   amount, budget.year, PENDING, now)

    @property
    def member_approvers(self) -> list[str]:
        return [a.approver_id for a in self.approvals if a.approver_kind == MEMBER_APPROVER]

    def _check_pending(self) -> None:
        if self.status != PENDING:
            raise RequestNotPending(self.id, self.status)

    def approve(self, approver: MemberView | None, budget: Budget, fund: Fund,
                approvals_needed: int, now: datetime) -> "DevelopmentRequest":
        """`approver` is an active member, or None for an operator.

        `budget` is the member's budget for the request's year, this request included.
        """
        self._check_pending()
        if approver is None:
            approval = Approval(OPERATOR_APPROVER, None, now)
        else:
            if approver.member_id == self.member_id:
                raise CannotApproveOwnRequest()
            approver.check_active("approver_id")
            if approver.member_id in self.member_approvers:
                raise AlreadyApproved(approver.member_id)
            approval = Approval(MEMBER_APPROVER, approver.member_id, now)
        after = replace(self, approvals=(*self.approvals, approval))
        if approver is not None and len(after.member_approvers) < approvals_needed:
            return after
        left = budget.without(self.amount).remaining
        if self.amount > left:
            raise OverRemainingBudget(self.amount, max(left, Decimal("0.00")), self.year)
        if self.amount > fund.balance:
            raise OverFundBalance(self.amount, fund.balance)
        return replace(after, status=APPROVED, decided_at=now)

    def reject(self, reason: str, now: datetime) -> "DevelopmentRequest":
        self._check_pending()
        return replace(self, status=REJECTED, decided_at=now, rejection_reason=reason)

    def withdraw(self, now: datetime) -> "DevelopmentRequest":
        self._check_pending()
        return replace(self, status=WITHDRAWN, decided_at=now)

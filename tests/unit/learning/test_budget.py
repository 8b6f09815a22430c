"""The development budget: arithmetic, approvals, the fund's balance."""

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest

from services.learning.domain import use_cases
from services.learning.domain.budget import Budget, Fund
from services.learning.domain.errors import (
    AlreadyApproved,
    CannotApproveOwnRequest,
    MemberMustBeActive,
    OverFundBalance,
    OverRemainingBudget,
    RequestNotPending,
)
from tests.unit.learning.builders import SETTINGS, event, member
from tests.unit.learning.fakes import FakeUnitOfWork

YEAR = datetime.now(UTC).year


def test_remaining_is_the_allowance_less_approved_and_pending_to_the_cent():
    budget = Budget("m", 2026, Decimal("1000.00"), Decimal("333.33"), Decimal("250.10"))
    assert budget.remaining == Decimal("416.57")
    assert budget.without(Decimal("250.10")).remaining == Decimal("666.67")
    assert Fund(Decimal("100.00"), Decimal("100.01")).balance == Decimal("-0.01")


@pytest.fixture
def uow():
    return FakeUnitOfWork()


@pytest.fixture
def coop(uow):
    return [member(uow, name) for name in ("Requester", "Ada", "Bob", "Cleo")]


def contribute(uow, amount: str, member_id=None):
    use_cases.record_fund_contribution(uow, event("development_fund_contributed", "billing"),
                                       f"c-{amount}-{member_id}", member_id, YEAR,
                                       Decimal(amount), date.today())


def ask(uow, who, amount: str, kind="course"):
    return use_cases.request_development(uow, who.member_id, kind, "Kubernetes course",
                                         "Run our clients' clusters", Decimal(amount), SETTINGS)


def test_two_members_approve_and_billing_is_told(uow, coop):
    requester, ada, bob, _ = coop
    contribute(uow, "5000.00")
    request = ask(uow, requester, "800.00")
    after_one = use_cases.approve_request(uow, request.id, ada.member_id, SETTINGS)
    assert after_one.status == "pending" and uow.event_types() == []
    approved = use_cases.approve_request(uow, request.id, bob.member_id, SETTINGS)
    assert approved.status == "approved"
    [told] = uow.events("development_expense_approved")
    assert (told.request.amount, told.request.member_id) == (Decimal("800.00"),
                                                              requester.member_id)
    budget, fund = use_cases.get_budget(uow, requester.member_id, None, SETTINGS)
    assert (budget.approved, budget.pending, budget.remaining) == (
        Decimal("800.00"), Decimal("0"), Decimal("200.00"))
    assert fund.balance == Decimal("4200.00")


def test_an_operator_approves_alone(uow, coop):
    contribute(uow, "500.00")
    request = ask(uow, coop[0], "499.99")
    assert use_cases.approve_request(uow, request.id, None, SETTINGS).status == "approved"


def test_pending_requests_hold_their_amount_so_asking_twice_cannot_exceed_the_budget(uow, coop):
    requester = coop[0]
    first = ask(uow, requester, "600.00")
    with pytest.raises(OverRemainingBudget) as raised:
        ask(uow, requester, "400.01")
    assert raised.value.errors[0]["field"] == "amount"
    assert "EUR 400.00" in raised.value.detail
    use_cases.withdraw_request(uow, requester.member_id, first.id)
    assert ask(uow, requester, "1000.00").amount == Decimal("1000.00")


def test_an_approval_the_fund_cannot_cover_is_refused_and_nothing_is_kept(uow, coop):
    requester, ada, bob, _ = coop
    contribute(uow, "300.00")
    request = ask(uow, requester, "300.01")
    use_cases.approve_request(uow, request.id, ada.member_id, SETTINGS)
    with pytest.raises(OverFundBalance):
        use_cases.approve_request(uow, request.id, bob.member_id, SETTINGS)
    stored = use_cases.get_request(uow, request.id)
    assert stored.status == "pending" and len(stored.approvals) == 1
    contribute(uow, "0.01", member_id=requester.member_id)
    assert use_cases.approve_request(uow, request.id, bob.member_id, SETTINGS).status == (
        "approved")


def test_a_lowered_allowance_is_respected_when_approving(uow, coop):
    from dataclasses import replace

    contribute(uow, "5000.00")
    request = ask(uow, coop[0], "900.00")
    with pytest.raises(OverRemainingBudget):
        use_cases.approve_request(uow, request.id, None,
                                  replace(SETTINGS, yearly_budget=Decimal("800.00")))


def test_who_may_approve(uow, coop):
    requester, ada, _, _ = coop
    suspended = member(uow, "Suspended", status="suspended")
    request = ask(uow, requester, "10.00")
    with pytest.raises(CannotApproveOwnRequest):
        use_cases.approve_request(uow, request.id, requester.member_id, SETTINGS)
    with pytest.raises(MemberMustBeActive):
        use_cases.approve_request(uow, request.id, suspended.member_id, SETTINGS)
    use_cases.approve_request(uow, request.id, ada.member_id, SETTINGS)
    with pytest.raises(AlreadyApproved):
        use_cases.approve_request(uow, request.id, ada.member_id, SETTINGS)
    use_cases.reject_request(uow, request.id, "Not this year.")
    with pytest.raises(RequestNotPending):
        use_cases.approve_request(uow, request.id, None, SETTINGS)


def test_contributions_are_counted_once_and_corrections_subtract(uow, coop):
    contribute(uow, "100.00")
    contribute(uow, "100.00")  # the same contribution id again
    contribute(uow, "-40.00")
    fund, this_year = use_cases.get_fund(uow)
    assert (fund.contributed, this_year) == (Decimal("60.00"), Decimal("60.00"))

"""Development requests: approvals, the budget and the fund, and billing's event."""

from decimal import Decimal

import pytest

from infra.errors import Conflict, Invalid
from services.learning.models import development_requests
from tests.integration.learning.conftest import new_id
from tests.support.waiting import eventually


def fund_balance(learning) -> Decimal:
    return Decimal(learning.get_development_fund()["balance"])


@pytest.fixture
def contribute(learning, publish):
    """`contribute(amount)`: billing books `amount` into the fund (negative: a correction)."""

    def book(amount: Decimal) -> None:
        before = fund_balance(learning)
        publish("billing", "development_fund_contributed", {
            "contribution_id": f"posting-{new_id()}", "member_id": None, "year": 2026,
            "amount": str(amount), "currency": "EUR", "booked_on": "2026-01-31"})
        eventually(lambda: fund_balance(learning) == before + amount, timeout=5)

    return book


def ask(learning, member_id, amount, **extra):
    return learning.request_development(member_id, {
        "kind": "conference", "title": "PyCon NL", "what_you_will_learn": "Async Python",
        "amount": amount, **extra})


def test_two_members_approve_and_billing_is_told(learning, known_member, contribute, tap):
    contribute(Decimal("5000.00"))
    requester, ada, bob = (known_member(name) for name in ("Requester", "Ada", "Bob"))
    request = ask(learning, requester, "749.99")
    assert (request["status"], request["amount"], request["currency"]) == (
        "pending", "749.99", "EUR")
    with pytest.raises(Conflict) as raised:
        learning.approve_development_request(request["id"], requester)
    assert raised.value.rule == "CannotApproveOwnRequest"
    assert learning.approve_development_request(request["id"], ada)["status"] == "pending"
    approved = learning.approve_development_request(request["id"], bob)
    assert approved["status"] == "approved"
    told = tap.wait_for("development_expense_approved", requester)[0]["data"]
    assert (told["request_id"], told["amount"], told["currency"], told["kind"]) == (
        request["id"], "749.99", "EUR", "conference")
    assert [a["member_id"] for a in told["approved_by"]] == [ada, bob]
    budget = learning.get_development_budget(requester)
    assert (budget["allowance"], budget["approved"], budget["remaining"]) == (
        "1000.00", "749.99", "250.01")


def test_over_the_budget_or_not_a_decimal_string_is_refused_and_nothing_stored(
        learning, known_member, count_rows):
    requester = known_member("Requester")
    ask(learning, requester, "600.00")
    with pytest.raises(Conflict) as raised:
        ask(learning, requester, "400.01")
    assert (raised.value.rule, raised.value.errors[0]["field"]) == ("OverRemainingBudget",
                                                                    "amount")
    for amount in (400, 12.5, "12.345", "lots", "-1.00", "0.00"):
        with pytest.raises(Invalid) as raised:
            ask(learning, requester, amount)
        assert raised.value.errors[0]["field"] == "amount"
    mine = development_requests.c.member_id == requester
    assert count_rows(development_requests, mine) == 1


def test_the_funds_balance_is_respected(learning, known_member, contribute):
    requester = known_member("Requester")
    contribute(Decimal("100.00") - fund_balance(learning))  # the fund holds exactly 100.00
    request = ask(learning, requester, "150.00")
    with pytest.raises(Conflict) as raised:
        learning.approve_development_request(request["id"], None)  # an operator
    assert raised.value.rule == "OverFundBalance"
    assert learning.get_development_request(request["id"])["status"] == "pending"
    contribute(Decimal("100000.00"))
    assert learning.approve_development_request(request["id"], None)["status"] == "approved"

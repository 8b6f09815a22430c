"""The development fund and learning: every booking into the fund is announced once
(`development_fund_contributed`), and what learning approves is paid to the member from
the fund, once, never more than the fund holds."""

from datetime import date
from decimal import Decimal

import pytest

from services.billing.domain import use_cases
from services.billing.domain.accounts import DEVELOPMENT_FUND, GUARANTEE_FUND, payable_to
from services.billing.domain.errors import DevelopmentFundWouldGoNegative
from services.billing.domain.events import (
    DevelopmentFundContributed,
    development_contributions,
)
from services.billing.domain.journal import trial_balance
from services.billing.domain.postings import fund_contribution
from services.billing.domain.use_cases._support import now, post
from tests.unit.billing.builders import DUTCH_CLIENT, SETTINGS
from tests.unit.billing.story import MARCH, a_coop, command, event, work

D = Decimal
APRIL_1 = date(2026, 4, 1)


def contributions(uow) -> list[DevelopmentFundContributed]:
    return [e for e in uow.published if e.type == "development_fund_contributed"]


def fund(uow) -> Decimal:
    return -uow.ledger.balance(DEVELOPMENT_FUND)


def test_an_approval_announces_each_members_share_of_the_fund():
    uow = a_coop()
    entries = work(uow, "anouk", {2: "8"}, approve=False) + work(uow, "bram", {2: "7.75"},
                                                                 approve=False)
    use_cases.approve_hours(uow, DUTCH_CLIENT.id, [e.id for e in entries], command())
    # anouk 8 h × 85.00 = 680.00 → 6.80; bram 7.75 h × 85.33 = 661.31 → 6.61
    told = {e.member_id: e for e in contributions(uow)}
    assert {m: e.amount for m, e in told.items()} == {"anouk": D("6.80"), "bram": D("6.61")}
    (posting,) = [p for p in uow.ledger.postings() if p.kind == "hours_approved"]
    assert told["anouk"].data == {
        "contribution_id": f"{posting.id}:anouk", "member_id": "anouk",
        "year": now().year, "amount": "6.80", "currency": "EUR",
        "booked_on": posting.booked_on.isoformat()}
    assert sum(e.amount for e in told.values()) == fund(uow) == D("13.41")


def test_a_posting_replayed_by_its_cause_announces_nothing_again():
    uow = a_coop()
    for _ in range(2):  # e.g. a retried command: the same key posts once
        with uow:
            post(uow, fund_contribution("command-1", APRIL_1, DEVELOPMENT_FUND, D("10.00")),
                 development={None: D("10.00")})
            uow.commit()
    assert [e.amount for e in contributions(uow)] == [D("10.00")]
    assert fund(uow) == D("10.00")


def test_a_credit_note_takes_the_members_share_back_with_a_negative_contribution():
    uow = a_coop()
    work(uow, "anouk", {2: "8"})
    (invoice,) = use_cases.run_monthly_invoicing(uow, MARCH, APRIL_1, command(),
                                                 SETTINGS).issued
    assert len(contributions(uow)) == 1  # invoicing books nothing into the fund
    use_cases.issue_credit_note(uow, invoice.number, "Wrong project", APRIL_1, command(),
                                SETTINGS)
    taken_back = contributions(uow)[-1]
    assert (taken_back.member_id, taken_back.amount, taken_back.booked_on) == (
        "anouk", D("-6.80"), APRIL_1)
    assert fund(uow) == 0


def test_an_operators_contribution_to_the_development_fund_is_the_coops_own():
    uow = a_coop()
    posting = use_cases.contribute_to_fund(uow, DEVELOPMENT_FUND, "500.00", APRIL_1,
                                           command())
    (told,) = contributions(uow)
    assert told.data == {"contribution_id": posting.id, "member_id": None, "year": 2026,
                         "amount": "500.00", "currency": "EUR", "booked_on": "2026-04-01"}
    use_cases.contribute_to_fund(uow, GUARANTEE_FUND, "500.00", APRIL_1, command())
    assert len(contributions(uow)) == 1  # other funds are not learning's business


def test_the_announced_amounts_must_add_up_to_the_posting():
    posting = fund_contribution("c-1", APRIL_1, DEVELOPMENT_FUND, D("10.00"))
    with pytest.raises(ValueError):
        development_contributions(posting, {None: D("9.99")})


def expense_event(request_id="request-1"):
    return event({"request_id": request_id})


def test_an_approved_expense_is_paid_to_the_member_from_the_fund_once():
    uow = a_coop()
    use_cases.contribute_to_fund(uow, DEVELOPMENT_FUND, "1000.00", APRIL_1, command())
    approved = expense_event()
    posting = use_cases.pay_development_expense(uow, approved, "request-1", "anouk",
                                                D("749.99"), "PyCon NL", date(2026, 5, 4))
    assert [(e.account, e.debit, e.credit) for e in posting.entries] == [
        (DEVELOPMENT_FUND, D("749.99"), 0), (payable_to("anouk"), 0, D("749.99"))]
    assert (posting.kind, posting.booked_on, posting.description) == (
        "development_expense", date(2026, 5, 4), "Development: PyCon NL")
    assert use_cases.pay_development_expense(uow, approved, "request-1", "anouk",
                                             D("749.99"), "PyCon NL", date(2026, 5, 4)) is None
    again = use_cases.pay_development_expense(uow, expense_event(), "request-1", "anouk",
                                              D("749.99"), "PyCon NL", date(2026, 5, 4))
    assert again.id == posting.id  # the same request by another event: still once
    assert fund(uow) == D("250.01")
    assert -uow.ledger.balance(payable_to("anouk")) == D("749.99")
    assert sum(trial_balance(uow.ledger.postings()).values()) == 0
    assert len(contributions(uow)) == 1  # spending is learning's own count, not announced


def test_the_fund_never_goes_negative_the_expense_waits_and_nothing_is_posted():
    uow = a_coop()
    use_cases.contribute_to_fund(uow, DEVELOPMENT_FUND, "100.00", APRIL_1, command())
    postings = len(uow.ledger.postings())
    approved = expense_event()
    with pytest.raises(DevelopmentFundWouldGoNegative) as raised:
        use_cases.pay_development_expense(uow, approved, "request-1", "anouk", D("100.01"),
                                          "PyCon NL", date(2026, 5, 4))
    assert "€100.01 is more than the €100.00" in raised.value.detail
    assert len(uow.ledger.postings()) == postings
    assert str(approved["id"]) not in uow.committed.handled
    use_cases.pay_development_expense(uow, approved, "request-1", "anouk", D("100.00"),
                                      "PyCon NL", date(2026, 5, 4))
    assert fund(uow) == 0


def test_the_expense_is_paid_out_with_the_next_payout_batch():
    uow = a_coop()
    use_cases.contribute_to_fund(uow, DEVELOPMENT_FUND, "1000.00", APRIL_1, command())
    use_cases.pay_development_expense(uow, expense_event(), "request-1", "anouk",
                                      D("249.50"), "Course", date(2026, 5, 4))
    batch = use_cases.create_payout_batch(uow, "batch-1", date(2026, 5, 5))
    assert [(line.member_id, line.amount) for line in batch.lines] == [("anouk", D("249.50"))]

from datetime import date
from decimal import Decimal

import pytest

from services.billing.domain.accounts import (
    BANK,
    COOP_FEE_REVENUE,
    SOLIDARITY_FUND,
    normal_balance,
    payable_to,
    receivable_of,
)
from services.billing.domain.errors import (
    PostingAlreadyReversed,
    PostingIsMalformed,
    PostingMustBalance,
)
from services.billing.domain.journal import (
    Journal,
    account_statement,
    balances_by_code,
    trial_balance,
)
from services.billing.domain.posting import Entry, Posting, credit, debit, make_posting

D = Decimal
DAY = date(2026, 4, 1)


def payment(cause="bank-1", amount="100.00") -> Posting:
    return Posting(cause, "payment_received", DAY, "Payment",
                   (debit(BANK, D(amount)), credit(receivable_of("c1"), D(amount))))


def test_a_posting_balances_exactly():
    posting = payment()
    assert posting.debits == posting.credits == D("100.00")
    with pytest.raises(PostingMustBalance):
        Posting("x", "k", DAY, "", (debit(BANK, D("100.00")),
                                    credit(receivable_of("c1"), D("99.99"))))


@pytest.mark.parametrize("entries", [
    (debit(BANK, D("1.00")),),  # one entry
    (debit(BANK, D("1.005")), credit(COOP_FEE_REVENUE, D("1.005"))),  # not cents
    (debit(BANK, D("-1.00")), credit(COOP_FEE_REVENUE, D("-1.00"))),  # negative
    (debit("petty_cash", D("1.00")), credit(COOP_FEE_REVENUE, D("1.00"))),  # unknown account
    (debit("member_payables", D("1.00")), credit(COOP_FEE_REVENUE, D("1.00"))),  # no member
    (Entry(BANK, D("1.00"), D("1.00")), credit(COOP_FEE_REVENUE, D("0.00"))),  # both sides
])
def test_malformed_postings_cannot_exist(entries):
    with pytest.raises(PostingIsMalformed):
        Posting("x", "k", DAY, "", entries)


def test_a_posting_needs_its_cause():
    with pytest.raises(PostingIsMalformed):
        Posting("", "k", DAY, "", payment().entries)


def test_posting_the_same_cause_twice_returns_the_first_and_adds_nothing():
    journal = Journal()
    first = journal.post(payment("bank-1", "100.00"))
    again = journal.post(payment("bank-1", "100.00"))
    assert again is first
    assert len(journal) == 1
    assert journal.balance(BANK) == D("100.00")


def test_a_reversal_undoes_a_posting_without_editing_it():
    journal = Journal()
    original = journal.post(payment())
    reversal = journal.reverse(original.id, "fix-1", DAY, "wrong client")
    assert reversal.reverses == original.id
    assert journal.balance(BANK) == D("0.00")
    assert len(journal) == 2  # both stay
    assert journal.reverse(original.id, "fix-1", DAY, "again") is reversal  # idempotent
    with pytest.raises(PostingAlreadyReversed):
        journal.reverse(original.id, "fix-2", DAY, "twice")


def test_the_trial_balance_sums_to_zero():
    journal = Journal([payment("bank-1", "100.00"), payment("bank-2", "21.05")])
    balances = trial_balance(journal)
    assert balances == {BANK: D("121.05"), receivable_of("c1"): D("-121.05")}
    assert sum(balances.values()) == 0


def test_sub_accounts_add_up_into_their_code():
    journal = Journal([
        Posting("a", "k", DAY, "", (debit(BANK, D("10.00")), credit(payable_to("m1"),
                                                                    D("10.00")))),
        Posting("b", "k", DAY, "", (debit(BANK, D("5.00")), credit(payable_to("m2"),
                                                                   D("5.00")))),
    ])
    assert balances_by_code(journal) == {"bank": D("10.00") + D("5.00"),
                                         "member_payables": D("-15.00")}


def test_an_account_statement_has_a_running_balance_as_people_read_it():
    journal = Journal([
        Posting("a", "hours_approved", date(2026, 3, 31), "Approved hours",
                (debit("unbilled_work", D("850.00")), credit(payable_to("m1"), D("799.00")),
                 credit(COOP_FEE_REVENUE, D("42.50")), credit("development_fund", D("8.50")))),
        Posting("b", "payout", date(2026, 4, 3), "Payout",
                (debit(payable_to("m1"), D("799.00")), credit(BANK, D("749.00")),
                 credit(SOLIDARITY_FUND, D("50.00")))),
    ])
    lines = account_statement(journal, payable_to("m1"))
    assert [(line.kind, line.credit, line.debit, line.balance) for line in lines] == [
        ("hours_approved", D("799.00"), D("0.00"), D("799.00")),
        ("payout", D("0.00"), D("799.00"), D("0.00")),
    ]
    april = account_statement(journal, payable_to("m1"), start=date(2026, 4, 1))
    assert [line.kind for line in april] == ["payout"]


def test_a_fund_shows_positive_to_people():
    assert normal_balance(SOLIDARITY_FUND, D("-50.00")) == D("50.00")
    assert normal_balance(BANK, D("50.00")) == D("50.00")


def test_make_posting_leaves_out_zeros_and_turns_negatives_to_the_other_side():
    posting = make_posting("x", "k", DAY, "", [debit(BANK, D("10.00")),
                                               credit(COOP_FEE_REVENUE, D("12.00")),
                                               credit(SOLIDARITY_FUND, D("-2.00")),
                                               credit("vat_payable", D("0.00"))])
    assert set(posting.entries) == {debit(BANK, D("10.00")), credit(COOP_FEE_REVENUE,
                                                                    D("12.00")),
                                    debit(SOLIDARITY_FUND, D("2.00"))}
    assert make_posting("x", "k", DAY, "", [credit(BANK, D("0.00"))]) is None

from datetime import date
from decimal import Decimal

from services.billing.domain.guarantee import exposure, late_for_payout, payout_deadline
from services.billing.domain.payout import MemberPosition, plan_payout_batch
from tests.unit.billing.builders import MEMBER_IBANS, NOW, SETTINGS, approved, contract

D = Decimal
ZERO = D("0.00")


def position(member="anouk", owed="799.00", unpaid="0.00", advanced="0.00", deposit="0.00",
             iban=None, since=None) -> MemberPosition:
    return MemberPosition(member, member.title(), iban or MEMBER_IBANS.get(member, ""),
                          D(owed), D(unpaid), D(advanced), D(deposit), since)


def test_exposure_is_the_unpaid_work_already_paid_out():
    assert exposure(D("940.00"), D("940.00")) == 0  # nothing paid out yet
    assert exposure(D("940.00"), D("0.00")) == D("940.00")  # all paid out, client owes
    assert exposure(D("0.00"), D("0.00")) == 0  # client paid
    assert exposure(D("100.00"), D("-50.00")) == D("150.00")  # credit note after payout


def test_work_the_client_paid_for_needs_no_advance():
    batch = plan_payout_batch("b1", date(2026, 4, 3), [position(unpaid="0.00")], ZERO)
    (line,) = batch.lines
    assert (line.amount, line.deposit, line.advance) == (D("799.00"), ZERO, ZERO)


def test_unpaid_work_is_advanced_by_the_guarantee_fund():
    batch = plan_payout_batch("b1", date(2026, 3, 6), [position(unpaid="799.00")],
                              D("1000.00"))
    assert (batch.lines[0].amount, batch.lines[0].advance) == (D("799.00"), D("799.00"))


def test_the_fund_serves_the_longest_waiting_first_and_the_rest_waits():
    # fund 800: bram (approved 2 March) gets 621.63 advanced; anouk (9 March) would need
    # 799.00 more than the 178.37 left, so only her client-paid 100.00 goes out
    positions = [position("anouk", owed="899.00", unpaid="799.00", since=date(2026, 3, 9)),
                 position("bram", owed="621.63", unpaid="621.63", since=date(2026, 3, 2))]
    batch = plan_payout_batch("b1", date(2026, 3, 10), positions, D("800.00"))
    assert [(line.member_id, line.amount, line.advance) for line in batch.lines] == [
        ("bram", D("621.63"), D("621.63")), ("anouk", D("100.00"), ZERO)]
    (waiting,) = batch.waiting
    assert (waiting.member_id, waiting.amount) == ("anouk", D("799.00"))
    assert "€178.37 available" in waiting.reason


def test_the_deposit_is_taken_when_earnings_cover_it_else_the_member_is_told():
    batch = plan_payout_batch("b1", date(2026, 4, 3),
                              [position(owed="799.00", deposit="50.00"),
                               position("bram", owed="20.00", deposit="50.00")], ZERO)
    assert [(line.member_id, line.amount, line.deposit) for line in batch.lines] == [
        ("anouk", D("749.00"), D("50.00")), ("bram", D("20.00"), ZERO)]
    assert [(w.member_id, w.rule) for w in batch.waiting] == [("bram", "DepositNeedsEarnings")]


def test_a_member_who_owes_the_coop_gets_nothing():
    batch = plan_payout_batch("b1", date(2026, 4, 3), [position(owed="-50.00")], ZERO)
    assert batch.lines == () and batch.total == 0


def test_an_invalid_iban_keeps_the_money_waiting():
    batch = plan_payout_batch("b1", date(2026, 4, 3),
                              [position(iban="NL91ABNA0417164301")], ZERO)
    assert batch.lines == ()
    assert [(w.rule, w.amount) for w in batch.waiting] == [("IbanIsInvalid", D("799.00"))]


def test_payment_is_due_within_seven_days_of_approval():
    assert payout_deadline(date(2026, 3, 2), SETTINGS) == date(2026, 3, 9)
    c = contract()
    entry = approved(c, date(2026, 3, 2), "8")  # approved at NOW = 31 March
    assert late_for_payout([entry], paid_through=NOW.replace(day=1), today=date(2026, 4, 7),
                           settings=SETTINGS) == [entry]
    assert late_for_payout([entry], paid_through=NOW.replace(day=1), today=date(2026, 4, 6),
                           settings=SETTINGS) == []

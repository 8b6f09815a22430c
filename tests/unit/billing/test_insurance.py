"""Collective insurance, read as examples: policies, enrolments, the premium rule."""

import uuid
from datetime import date
from decimal import Decimal

import pytest

from services.billing.domain.insurance_enrolments import (
    Enrolment,
    EnrolmentAlreadyEnded,
    EnrolmentBackdated,
    EnrolmentEndsBeforeStart,
    EnrolmentsOverlap,
    check_not_backdated,
    earliest_day,
    kinds_in_force,
)
from services.billing.domain.insurance_membership import CoopMembership, MemberHasLeft
from services.billing.domain.insurance_policies import (
    Policy,
    PolicyIsWithdrawn,
    PremiumMustBePositive,
    UnknownPolicyKind,
)
from services.billing.domain.insurance_premiums import (
    PremiumCharge,
    allocate,
    charges_due,
    months_due,
)
from services.billing.domain.period import Month

D = Decimal


def policy(premium="12.50", kind="professional_liability", active=True, **changes) -> Policy:
    details = {"name": "AVB", "kind": kind, "insurer": "Verzekeraar N.V.",
               "coverage": "Schade aan derden", "insured_amount": D("2500000.00"),
               "monthly_premium": D(premium), "conditions": "Eigen risico €250",
               "active": active, **changes}
    return Policy.define(details)


def enrolment(starts_on, ends_on=None, member="anouk", policy_id="p1", kind="legal_expenses"):
    return Enrolment(str(uuid.uuid4()), member, policy_id, kind, starts_on, ends_on)


# --- policies ------------------------------------------------------------------------------

@pytest.mark.parametrize("premium", ["0.00", "-1.00", "12.345"])
def test_a_premium_is_more_than_zero_in_whole_cents(premium):
    with pytest.raises(PremiumMustBePositive) as error:
        policy(premium)
    assert error.value.errors[0]["field"] == "monthly_premium"


def test_a_policy_has_one_of_three_kinds():
    assert policy(kind="disability_top_up").kind == "disability_top_up"
    with pytest.raises(UnknownPolicyKind):
        policy(kind="health")


def test_a_withdrawn_policy_takes_no_new_enrolments():
    withdrawn = policy(active=False)
    with pytest.raises(PolicyIsWithdrawn):
        Enrolment.opt_in("anouk", withdrawn, date(2026, 3, 1), None, [])


# --- enrolments ------------------------------------------------------------------------------

def test_enrolments_of_one_kind_may_not_share_a_day():
    p = policy()
    first = Enrolment.opt_in("anouk", p, date(2026, 1, 1), date(2026, 3, 31), [])
    with pytest.raises(EnrolmentsOverlap):
        Enrolment.opt_in("anouk", p, date(2026, 3, 31), None, [first])
    with pytest.raises(EnrolmentsOverlap):
        Enrolment.opt_in("anouk", p, date(2025, 6, 1), None, [first])  # open-ended
    after = Enrolment.opt_in("anouk", p, date(2026, 4, 1), None, [first])
    assert after.starts_on == date(2026, 4, 1)


def test_another_policy_of_the_same_kind_overlaps_but_another_kind_does_not():
    p, same_kind = policy(), policy(name="AVB plus")
    legal = policy(kind="legal_expenses")
    first = Enrolment.opt_in("anouk", p, date(2026, 1, 1), None, [])
    with pytest.raises(EnrolmentsOverlap) as error:
        Enrolment.opt_in("anouk", same_kind, date(2026, 6, 1), None, [first])
    assert "professional_liability" in error.value.detail
    assert Enrolment.opt_in("anouk", legal, date(2026, 1, 1), None, [first]).policy_id == legal.id
    after = Enrolment.opt_in("anouk", same_kind, date(2026, 6, 1), None,
                             [first.end(date(2026, 5, 31))])
    assert after.policy_id == same_kind.id


def test_no_cover_starts_after_the_member_left_and_none_runs_past_it():
    p = policy()
    left = CoopMembership("anouk", left_on=date(2026, 6, 30))
    with pytest.raises(MemberHasLeft):
        Enrolment.opt_in("anouk", p, date(2026, 7, 1), None, [], left)
    capped = Enrolment.opt_in("anouk", p, date(2026, 6, 1), None, [], left)
    assert capped.ends_on == date(2026, 6, 30)
    earlier = Enrolment.opt_in("anouk", p, date(2026, 6, 1), date(2026, 6, 10), [], left)
    assert earlier.ends_on == date(2026, 6, 10)


def test_a_member_starts_and_ends_from_today_an_operator_from_the_first_of_the_month():
    today = date(2026, 11, 24)
    assert earliest_day(today, by_operator=False) == today
    assert earliest_day(today, by_operator=True) == date(2026, 11, 1)
    check_not_backdated(today, starts_on=today, ends_on=None)
    with pytest.raises(EnrolmentBackdated) as error:
        check_not_backdated(today, starts_on=today, ends_on=date(2026, 11, 23))
    assert error.value.errors[0]["field"] == "ends_on"


def test_opting_out_ends_coverage_after_the_end_day_and_never_later():
    e = enrolment(date(2026, 1, 10))
    ended = e.end(date(2026, 2, 14))
    assert ended.in_force_on(date(2026, 2, 14)) and not ended.in_force_on(date(2026, 2, 15))
    assert ended.end(date(2026, 2, 1)).ends_on == date(2026, 2, 1)
    with pytest.raises(EnrolmentAlreadyEnded):
        ended.end(date(2026, 3, 1))
    with pytest.raises(EnrolmentEndsBeforeStart):
        e.end(date(2026, 1, 8))


def test_ending_the_day_before_the_start_cancels_it():
    cancelled = enrolment(date(2026, 5, 1)).end(date(2026, 4, 30))
    assert cancelled.cancelled and months_due(cancelled, date(2026, 12, 31)) == []
    assert not cancelled.overlaps(enrolment(date(2026, 5, 1)))


def test_a_leaver_is_covered_through_the_leave_date_and_later_starts_are_cancelled():
    running = enrolment(date(2026, 1, 1)).end_on_leaving(date(2026, 6, 30))
    assert running.ends_on == date(2026, 6, 30)
    later = enrolment(date(2026, 9, 1)).end_on_leaving(date(2026, 6, 30))
    assert later.cancelled
    assert enrolment(date(2026, 1, 1), date(2026, 3, 31)).end_on_leaving(date(2026, 6, 30)) \
        is None


def test_kinds_in_force_on_a_day():
    enrolments = [enrolment(date(2026, 1, 1), date(2026, 3, 31), kind="legal_expenses"),
                  enrolment(date(2026, 3, 15), kind="professional_liability")]
    assert kinds_in_force(enrolments, date(2026, 3, 20)) == ["legal_expenses",
                                                             "professional_liability"]
    assert kinds_in_force(enrolments, date(2026, 4, 1)) == ["professional_liability"]
    assert kinds_in_force(enrolments, date(2025, 12, 31)) == []


# --- the premium rule --------------------------------------------------------------------------

def test_a_month_in_force_on_one_day_costs_the_full_premium():
    e = enrolment(date(2026, 1, 31), date(2026, 3, 1))
    assert months_due(e, date(2026, 12, 31)) == [Month(2026, 1), Month(2026, 2), Month(2026, 3)]


def test_a_run_charges_a_month_once_its_cover_has_begun_by_the_execution_date():
    e = enrolment(date(2026, 1, 15))
    assert months_due(e, date(2026, 2, 1)) == [Month(2026, 1), Month(2026, 2)]
    assert months_due(enrolment(date(2026, 5, 1)), date(2026, 4, 30)) == []
    later_this_month = enrolment(date(2026, 3, 20))
    assert months_due(later_this_month, date(2026, 3, 19)) == []  # may still be cancelled
    assert months_due(later_this_month, date(2026, 3, 20)) == [Month(2026, 3)]
    ended = enrolment(date(2026, 1, 15), date(2026, 2, 10))
    assert months_due(ended, date(2026, 6, 5)) == [Month(2026, 1), Month(2026, 2)]


def test_a_month_charged_before_is_not_charged_again():
    p = policy("10.00")
    e = enrolment(date(2026, 1, 1), policy_id=p.id)
    paid = PremiumCharge(e.id, "anouk", p.id, Month(2026, 1), D("10.00"), D("10.00"))
    due = charges_due([e], {p.id: p}, [paid], date(2026, 2, 1))
    assert [(c.month, c.outstanding) for c in due] == [(Month(2026, 2), D("10.00"))]


def test_a_partly_deducted_month_stays_due_at_the_premium_it_was_charged_at():
    p = policy("15.00")  # the premium went up after January was charged at 10.00
    e = enrolment(date(2026, 1, 1), policy_id=p.id)
    part = PremiumCharge(e.id, "anouk", p.id, Month(2026, 1), D("10.00"), D("4.00"))
    due = charges_due([e], {p.id: p}, [part], date(2026, 2, 1))
    assert [(c.month, c.premium, c.outstanding) for c in due] == [
        (Month(2026, 1), D("10.00"), D("6.00")), (Month(2026, 2), D("15.00"), D("15.00"))]


def test_open_months_are_collected_only_while_still_covered():
    p = policy("10.00")
    e = enrolment(date(2026, 1, 1), policy_id=p.id)
    jan, feb, mar = (PremiumCharge(e.id, "anouk", p.id, Month(2026, m), D("10.00"))
                     for m in (1, 2, 3))
    # ended retroactively on 10 February: March is no longer covered, February still is
    ended = e.end(date(2026, 2, 10))
    due = charges_due([ended], {p.id: p}, [jan, feb, mar], date(2026, 4, 3))
    assert [c.month for c in due] == [Month(2026, 1), Month(2026, 2)]
    # cancelled before it began: nothing was covered, nothing is collected
    cancelled = enrolment(date(2026, 3, 20), policy_id=p.id)
    march = PremiumCharge(cancelled.id, "anouk", p.id, Month(2026, 3), D("10.00"))
    assert charges_due([cancelled.end(date(2026, 3, 19))], {p.id: p}, [march],
                       date(2026, 4, 3)) == []


def test_a_deduction_pays_the_oldest_month_first_and_carries_the_rest():
    charges = [PremiumCharge("e", "anouk", "p", Month(2026, m), D("10.00")) for m in (1, 2, 3)]
    after = allocate(charges, D("15.00"))
    assert [c.outstanding for c in after] == [D("0.00"), D("5.00"), D("10.00")]
    with pytest.raises(ValueError):
        allocate(charges, D("30.01"))


def test_premiums_are_not_taken_from_money_the_guarantee_fund_cannot_advance():
    from services.billing.domain.payout import MemberPosition, plan_payout_batch

    unpaid = MemberPosition("anouk", "Anouk", "NL91ABNA0417164300", owed=D("799.00"),
                            unpaid_work=D("799.00"), advanced=D("0.00"),
                            premium_due=D("25.00"))
    batch = plan_payout_batch("b1", date(2026, 3, 6), [unpaid], guarantee_available=D("0.00"))
    assert batch.lines == ()  # neither a payout nor a premium: the client has not paid
    assert {(w.rule, w.amount) for w in batch.waiting} == {
        ("GuaranteeFundNeverNegative", D("774.00")), ("PremiumCarriedOver", D("25.00"))}
    funded = plan_payout_batch("b1", date(2026, 3, 6), [unpaid],
                               guarantee_available=D("1000.00"))
    (line,) = funded.lines
    assert (line.premium, line.amount, line.advance) == (D("25.00"), D("774.00"), D("799.00"))

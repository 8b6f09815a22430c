"""A member's membership as insurance follows it: the leave date is the current
membership's, a member who rejoins may enrol again from the rejoin date on, and no
enrolment covers a day the member was away."""

from datetime import date, timedelta
from decimal import Decimal

import pytest

from services.billing.domain.insurance_enrolments import Enrolment
from services.billing.domain.insurance_membership import (
    CoopMembership,
    EnrolmentBeforeRejoining,
    MemberHasLeft,
    MembershipSnapshot,
    come_back,
    leave,
)
from services.billing.domain.insurance_policies import Policy

MARCH_31, JUNE_15 = date(2026, 3, 31), date(2026, 6, 15)
POLICY = Policy("p1", "AVB", "professional_liability", "Verzekeraar N.V.", "Schade",
                None, Decimal("20.00"), "")
LEFT = CoopMembership("anouk", left_on=MARCH_31, version=2)
REJOINED = CoopMembership("anouk", rejoined_on=JUNE_15, version=3)


def said(version, status, left_on=None, joined_on=date(2025, 1, 1), told_on=JUNE_15):
    return MembershipSnapshot("anouk", version, status, joined_on, left_on, told_on)


def enrolment(starts_on, ends_on=None, enrolment_id="e1") -> Enrolment:
    return Enrolment(enrolment_id, "anouk", "p1", "professional_liability", starts_on, ends_on)


# --- leaving -------------------------------------------------------------------------------

def test_leaving_keeps_the_snapshots_leave_date_and_ends_every_enrolment_on_it():
    running, later = enrolment(date(2026, 1, 1)), enrolment(date(2026, 5, 1), enrolment_id="e2")
    membership, ended = leave(CoopMembership("anouk"), said(2, "left", MARCH_31),
                              [running, later])
    assert membership == LEFT
    assert [(e.id, e.ends_on) for e in ended] == [("e1", MARCH_31),
                                                  ("e2", date(2026, 4, 30))]  # cancelled


def test_a_leave_without_a_date_keeps_the_known_one_else_takes_the_days_it_is_told():
    assert leave(LEFT, said(3, "erased"), [])[0].left_on == MARCH_31
    assert leave(CoopMembership("anouk"), said(3, "erased", told_on=date(2026, 4, 2)),
                 [])[0].left_on == date(2026, 4, 2)


def test_a_newer_leave_date_replaces_the_older_one():
    """The leave date is the current membership's, not the earliest ever heard of."""
    assert leave(REJOINED, said(4, "left", date(2026, 10, 31)), [])[0] == CoopMembership(
        "anouk", left_on=date(2026, 10, 31), rejoined_on=JUNE_15, version=4)


def test_a_late_leave_changes_no_membership_and_ends_only_the_cover_it_closed():
    old, new = enrolment(date(2026, 1, 1)), enrolment(JUNE_15, enrolment_id="e2")
    membership, ended = leave(REJOINED, said(2, "left", MARCH_31), [old, new])
    assert membership == REJOINED
    assert [(e.id, e.ends_on) for e in ended] == [("e1", MARCH_31)]


# --- rejoining -----------------------------------------------------------------------------

def test_a_member_active_again_rejoins_on_the_new_joining_date():
    assert come_back(LEFT, said(3, "active", joined_on=JUNE_15)) == REJOINED


def test_without_a_new_joining_date_the_member_is_back_from_the_day_billing_is_told():
    back = come_back(LEFT, said(3, "suspended", joined_on=date(2025, 1, 1), told_on=JUNE_15))
    assert (back.left_on, back.rejoined_on) == (None, JUNE_15)


def test_back_before_the_leave_took_effect_the_member_was_never_away():
    """Notice for 31 March withdrawn on 1 March: no rejoin date, nothing to keep out."""
    back = come_back(LEFT, said(3, "active", joined_on=None, told_on=date(2026, 3, 1)))
    assert back == CoopMembership("anouk", left_on=None, rejoined_on=None, version=3)


@pytest.mark.parametrize("snapshot", [
    said(2, "active", joined_on=JUNE_15),  # not newer
    said(1, "active", joined_on=JUNE_15),
    said(3, "applicant", joined_on=JUNE_15),  # not a member (again) yet
    said(3, "left", MARCH_31),  # leaving is `leave`'s
])
def test_other_snapshots_do_not_bring_the_member_back(snapshot):
    assert come_back(LEFT, snapshot) == LEFT


def test_a_member_who_never_left_only_has_the_snapshot_followed():
    assert come_back(CoopMembership("anouk"), said(7, "active")) == CoopMembership(
        "anouk", version=7)


# --- what the membership allows --------------------------------------------------------------

def test_cover_starts_from_the_rejoin_date_and_not_after_the_leave_date():
    REJOINED.check_cover_may_start(JUNE_15)
    with pytest.raises(EnrolmentBeforeRejoining) as error:
        REJOINED.check_cover_may_start(JUNE_15 - timedelta(days=1))
    assert error.value.errors[0]["field"] == "starts_on"
    LEFT.check_cover_may_start(MARCH_31)
    with pytest.raises(MemberHasLeft):
        LEFT.check_cover_may_start(MARCH_31 + timedelta(days=1))
    assert LEFT.last_day_covered(None) == MARCH_31
    assert LEFT.last_day_covered(date(2026, 3, 10)) == date(2026, 3, 10)
    assert REJOINED.last_day_covered(None) is None


@pytest.mark.parametrize("starts_on", [date(2026, 3, 1) + timedelta(days=n)
                                       for n in range(0, 150, 7)])
def test_no_enrolment_covers_a_day_the_member_was_away(starts_on):
    """Left 31 March, rejoined 15 June, left again 31 October."""
    away = [MARCH_31 + timedelta(days=n) for n in range(1, (JUNE_15 - MARCH_31).days)]
    membership = CoopMembership("anouk", left_on=date(2026, 10, 31), rejoined_on=JUNE_15)
    try:
        made = Enrolment.opt_in("anouk", POLICY, starts_on, None, [], membership)
    except (EnrolmentBeforeRejoining, MemberHasLeft):
        return
    assert not any(made.in_force_on(day) for day in away)
    assert made.ends_on == date(2026, 10, 31)

from datetime import date
from decimal import Decimal

import pytest

from services.billing.domain.errors import (
    ApprovedHoursAreLocked,
    DayHasAtMost24Hours,
    DayOutsideAssignment,
    HoursMustBePositive,
    HoursMustBeQuarterHours,
    OnlySubmittedHoursCanBeDecided,
    OnlyTheContractedClientApproves,
    OnlyTheContractedMemberWritesHours,
    RejectionNeedsReason,
)
from services.billing.domain.timesheet import APPROVED, REJECTED, SUBMITTED, TimeEntry, parse_hours
from tests.unit.billing.builders import NOW, contract

CONTRACT = contract()
MONDAY = date(2026, 3, 2)
NONE = Decimal(0)


def submit(hours="8", day=MONDAY, other=NONE, member="anouk") -> TimeEntry:
    return TimeEntry.submit(CONTRACT, member, day, hours, other, NOW)


@pytest.mark.parametrize(("given", "hours"), [("8", "8.00"), ("0.25", "0.25"), ("7.5", "7.50"),
                                              (24, "24.00"), ("1.75", "1.75")])
def test_hours_are_quarter_hours(given, hours):
    assert parse_hours(given) == Decimal(hours)


@pytest.mark.parametrize("given", ["0.1", "7.3", "1.125", 7.5, "abc"])
def test_hours_off_the_quarter_are_refused(given):
    with pytest.raises(HoursMustBeQuarterHours) as raised:
        parse_hours(given)
    assert raised.value.errors[0]["field"] == "hours"


@pytest.mark.parametrize("given", ["0", "-1", "-0.25"])
def test_hours_are_never_zero_or_negative(given):
    with pytest.raises(HoursMustBePositive):
        parse_hours(given)


def test_a_member_submits_hours_for_a_day_of_the_assignment():
    entry = submit("7.75")
    assert (entry.day, entry.hours, entry.status) == (MONDAY, Decimal("7.75"), SUBMITTED)
    assert (entry.client_id, entry.project_id) == (CONTRACT.client_id, CONTRACT.project_id)


def test_a_day_outside_the_assignment_is_refused():
    with pytest.raises(DayOutsideAssignment) as raised:
        submit(day=date(2026, 7, 1))
    assert raised.value.errors[0]["field"] == "day"
    assert "2026-03-01 to 2026-06-30" in raised.value.detail


def test_a_day_has_at_most_24_hours_across_assignments():
    submit("8", other=Decimal("16"))  # exactly 24 is fine
    with pytest.raises(DayHasAtMost24Hours) as raised:
        submit("8.25", other=Decimal("16"))
    assert "At most 8 hours are left" in raised.value.errors[0]["message"]


def test_only_the_contracted_member_writes_hours():
    with pytest.raises(OnlyTheContractedMemberWritesHours):
        submit(member="bram")


def test_the_client_of_the_assignment_approves_and_the_hours_are_locked():
    entry = submit()
    entry.approve(CONTRACT.client_id, NOW)
    assert (entry.status, entry.decided_at) == (APPROVED, NOW)
    with pytest.raises(ApprovedHoursAreLocked):
        entry.resubmit(CONTRACT, "anouk", "6", NONE, NOW)
    with pytest.raises(OnlySubmittedHoursCanBeDecided):
        entry.reject(CONTRACT.client_id, "changed my mind", NOW)


def test_another_client_cannot_approve_or_reject():
    entry = submit()
    with pytest.raises(OnlyTheContractedClientApproves):
        entry.approve("client-other", NOW)
    with pytest.raises(OnlyTheContractedClientApproves):
        entry.reject("client-other", "no", NOW)
    assert entry.status == SUBMITTED


def test_a_rejection_needs_a_reason_and_the_member_can_correct():
    entry = submit("9")
    with pytest.raises(RejectionNeedsReason):
        entry.reject(CONTRACT.client_id, "  ", NOW)
    entry.reject(CONTRACT.client_id, "We agreed 8 hours that day", NOW)
    assert (entry.status, entry.rejection_reason) == (REJECTED, "We agreed 8 hours that day")
    assert not entry.counts_towards_day
    entry.resubmit(CONTRACT, "anouk", "8", NONE, NOW)
    assert (entry.status, entry.hours, entry.rejection_reason) == (SUBMITTED, Decimal("8.00"),
                                                                   None)


def test_only_approved_hours_are_invoiced_and_only_once():
    entry = submit()
    with pytest.raises(ValueError):
        entry.mark_invoiced("2026-000001")
    entry.approve(CONTRACT.client_id, NOW)
    entry.mark_invoiced("2026-000001")
    with pytest.raises(ValueError):
        entry.mark_invoiced("2026-000002")

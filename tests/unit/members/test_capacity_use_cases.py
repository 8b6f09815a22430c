"""Capacity: default hours, overrides, unavailability periods, availability for many."""

from decimal import Decimal

import pytest

from services.members.domain import use_cases
from services.members.domain.errors import (
    BeyondPlanningHorizon,
    EndBeforeStart,
    UnavailabilityNotFound,
    UnavailabilityOverlaps,
    UnknownMembers,
)
from services.members.domain.iso_week import IsoWeek, planning_horizon
from tests.unit.members.builders import TODAY, applicant, days, founded_coop, monday_in
from tests.unit.members.fakes import FakeUnitOfWork

D = Decimal
THIS_WEEK = IsoWeek.of(TODAY)


@pytest.fixture
def uow():
    return FakeUnitOfWork()


@pytest.fixture
def member(uow):
    return founded_coop(uow, 1)[0]


def holiday(start, end, reason="Family visit"):
    return {"kind": "holiday", "starts_on": start, "ends_on": end, "reason": reason}


def test_default_hours_and_overrides_are_announced_with_the_weeks_that_changed(uow, member):
    changed = use_cases.change_capacity(uow, member.id, D("32.00"),
                                        {THIS_WEEK.plus(1): D("16.00"), THIS_WEEK.plus(2): D("0")})
    assert changed.capacity.default_weekly_hours == D("32.00")
    assert changed.capacity.overrides == {THIS_WEEK.plus(1): D("16.00"),
                                          THIS_WEEK.plus(2): D("0.00")}
    event = uow.published[-1]
    assert (event.type, event.changed_weeks) == (
        "member_capacity_changed", (THIS_WEEK.plus(1), THIS_WEEK.plus(2)))
    use_cases.change_capacity(uow, member.id, None, {THIS_WEEK.plus(1): None})
    assert uow.stored(member.id).capacity.overrides == {THIS_WEEK.plus(2): D("0.00")}
    assert uow.published[-1].changed_weeks == (THIS_WEEK.plus(1),)


def test_a_capacity_change_that_changes_nothing_is_not_announced(uow, member):
    use_cases.change_capacity(uow, member.id, D("32.00"), {})
    published = len(uow.published)
    use_cases.change_capacity(uow, member.id, D("32.00"), {THIS_WEEK.plus(3): None})
    assert len(uow.published) == published


def test_weeks_more_than_three_years_ahead_are_refused_and_nothing_changes(uow, member):
    too_far = IsoWeek.of(planning_horizon(TODAY) + days(7))
    with pytest.raises(BeyondPlanningHorizon) as raised:
        use_cases.change_capacity(uow, member.id, D("20.00"),
                                  {THIS_WEEK.plus(1): D("8.00"), too_far: D("8.00")})
    assert raised.value.errors[0]["field"] == f"overrides.{too_far}"
    stored = uow.stored(member.id).capacity
    assert (stored.default_weekly_hours, stored.overrides) == (D("0.00"), {})


def test_unavailability_is_announced_with_dates_and_without_its_reason(uow, member):
    period = use_cases.add_unavailability(uow, member.id, {
        "kind": "sick", "starts_on": monday_in(1), "ends_on": monday_in(1) + days(2),
        "reason": "Flu"})
    assert uow.stored(member.id).capacity.unavailability == [period]
    event = uow.published[-1]
    assert (event.type, event.period) == ("member_unavailable", period)


def test_overlapping_unavailability_is_rejected_naming_the_period_in_the_way(uow, member):
    first = use_cases.add_unavailability(uow, member.id,
                                         holiday(monday_in(2), monday_in(2) + days(4)))
    with pytest.raises(UnavailabilityOverlaps) as raised:
        use_cases.add_unavailability(uow, member.id,
                                     holiday(monday_in(2) + days(4), monday_in(3)))
    assert first.id in raised.value.detail
    assert raised.value.errors[0]["field"] == "starts_on"
    assert len(uow.stored(member.id).capacity.unavailability) == 1


def test_periods_that_only_touch_do_not_overlap(uow, member):
    use_cases.add_unavailability(uow, member.id, holiday(monday_in(2), monday_in(2) + days(4)))
    use_cases.add_unavailability(uow, member.id,
                                 holiday(monday_in(2) + days(5), monday_in(3) + days(1)))
    assert len(uow.stored(member.id).capacity.unavailability) == 2


def test_a_period_ends_on_or_after_its_start_and_within_three_years(uow, member):
    with pytest.raises(EndBeforeStart) as raised:
        use_cases.add_unavailability(uow, member.id, holiday(monday_in(2), monday_in(2) - days(1)))
    assert raised.value.errors[0]["field"] == "ends_on"
    with pytest.raises(BeyondPlanningHorizon) as raised:
        use_cases.add_unavailability(uow, member.id, holiday(
            monday_in(2), planning_horizon(TODAY) + days(1)))
    assert raised.value.errors[0]["field"] == "ends_on"
    assert uow.stored(member.id).capacity.unavailability == []


def test_a_sick_leave_that_ends_earlier_keeps_its_id(uow, member):
    period = use_cases.add_unavailability(uow, member.id, {
        "kind": "sick", "starts_on": TODAY - days(3), "ends_on": TODAY + days(10)})
    shorter = use_cases.change_unavailability(uow, member.id, period.id,
                                              {"ends_on": TODAY + days(1)})
    assert (shorter.id, shorter.starts_on, shorter.ends_on) == (
        period.id, TODAY - days(3), TODAY + days(1))
    assert (uow.published[-1].type, uow.published[-1].period) == ("member_unavailable", shorter)
    with pytest.raises(EndBeforeStart):
        use_cases.change_unavailability(uow, member.id, period.id, {"ends_on": TODAY - days(5)})


def test_a_change_may_not_make_periods_overlap(uow, member):
    use_cases.add_unavailability(uow, member.id, holiday(monday_in(1), monday_in(1) + days(2)))
    later = use_cases.add_unavailability(uow, member.id, holiday(monday_in(3), monday_in(3)))
    with pytest.raises(UnavailabilityOverlaps):
        use_cases.change_unavailability(uow, member.id, later.id,
                                        {"starts_on": monday_in(1) + days(1)})


def test_removing_a_period_makes_the_member_available_again(uow, member):
    period = use_cases.add_unavailability(uow, member.id, holiday(monday_in(1), monday_in(1)))
    removed = use_cases.remove_unavailability(uow, member.id, period.id)
    assert removed == period
    assert (uow.published[-1].type, uow.published[-1].period) == ("member_available_again",
                                                                   period)
    with pytest.raises(UnavailabilityNotFound):
        use_cases.remove_unavailability(uow, member.id, period.id)


def test_availability_of_many_members_at_once(uow):
    anouk, mehmet = founded_coop(uow, 2)
    use_cases.change_capacity(uow, anouk.id, D("32.00"), {THIS_WEEK.plus(1): D("20.00")})
    use_cases.change_capacity(uow, mehmet.id, D("40.00"), {})
    use_cases.add_unavailability(uow, mehmet.id, holiday(monday_in(1), monday_in(1) + days(1)))
    result = use_cases.availability(uow, [mehmet.id, anouk.id, mehmet.id], THIS_WEEK,
                                    THIS_WEEK.plus(2))
    assert result.weeks == [THIS_WEEK, THIS_WEEK.plus(1), THIS_WEEK.plus(2)]
    assert result.hours == {mehmet.id: [D("40.00"), D("24.00"), D("40.00")],
                            anouk.id: [D("32.00"), D("20.00"), D("32.00")]}


def test_availability_after_notice_drops_to_zero(uow, member):
    use_cases.change_capacity(uow, member.id, D("30.00"), {})
    use_cases.give_notice(uow, member.id, monday_in(1) + days(2))
    assert use_cases.availability(uow, [member.id], THIS_WEEK.plus(1),
                                  THIS_WEEK.plus(2)).hours[member.id] == [D("18.00"), D("0.00")]


def test_availability_names_unknown_members_and_refuses_far_weeks(uow, member):
    stranger = "4dcd248c-606c-499c-b70f-979a8f067ef3"
    with pytest.raises(UnknownMembers) as raised:
        use_cases.availability(uow, [member.id, stranger], THIS_WEEK, THIS_WEEK)
    assert stranger in raised.value.errors[0]["message"]
    too_far = IsoWeek.of(planning_horizon(TODAY) + days(7))
    with pytest.raises(BeyondPlanningHorizon) as raised:
        use_cases.availability(uow, [member.id], THIS_WEEK, too_far)
    assert raised.value.errors[0]["field"] == "to_week"


def test_applicants_have_capacity_too(uow):
    waiting = applicant(uow, 1)
    use_cases.change_capacity(uow, waiting.id, D("12.50"), {})
    assert use_cases.availability(uow, [waiting.id], THIS_WEEK, THIS_WEEK).hours == {
        waiting.id: [D("12.50")]}

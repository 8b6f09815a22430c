"""Available hours from the read model: the members service's rule, week by week."""

from datetime import date
from decimal import Decimal

from services.matching.domain.availability import available_hours
from services.matching.domain.candidate import MemberCapacity, UnavailablePeriod
from services.matching.domain.proposals.iso_week import IsoWeek, weeks_from

MEMBER = "4dcd248c-606c-499c-b70f-979a8f067ef3"
W48, W49, W50 = IsoWeek(2026, 48), IsoWeek(2026, 49), IsoWeek(2026, 50)  # W48: 23–29 Nov


def capacity(default: str = "32.00", overrides: dict[str, str] | None = None):
    return MemberCapacity(MEMBER, 1, Decimal(default),
                          {IsoWeek.parse(week): Decimal(hours)
                           for week, hours in (overrides or {}).items()})


def period(starts_on: date, ends_on: date, removed: bool = False) -> UnavailablePeriod:
    return UnavailablePeriod(MEMBER, "b7f0b0d6-52c4-4d61-8c58-0d3a1f3f6f4e", 2, starts_on,
                             ends_on, removed)


def hours(capacity, periods=(), left_on=None, weeks=(W48,)) -> list[str]:
    return [str(value) for value in available_hours(capacity, periods, left_on,
                                                    weeks).values()]


def test_a_week_without_override_has_the_default_hours():
    assert hours(capacity("32.00"), weeks=(W48, W49)) == ["32.00", "32.00"]


def test_an_override_replaces_the_default_for_its_week_only():
    assert hours(capacity("32.00", {"2026-W49": "16.00"}), weeks=(W48, W49, W50)) == [
        "32.00", "16.00", "32.00"]


def test_a_member_without_capacity_yet_has_no_hours():
    assert hours(MemberCapacity.none_yet(MEMBER)) == ["0.00"]


def test_a_period_covering_two_working_days_takes_two_fifths():
    tuesday, wednesday = date(2026, 11, 24), date(2026, 11, 25)
    assert hours(capacity("40.00"), [period(tuesday, wednesday)]) == ["24.00"]


def test_a_period_spanning_weeks_reduces_each_week_by_its_own_days():
    thursday, next_tuesday = date(2026, 11, 26), date(2026, 12, 1)
    assert hours(capacity("40.00"), [period(thursday, next_tuesday)],
                 weeks=(W48, W49, W50)) == ["24.00", "24.00", "40.00"]


def test_weekend_days_do_not_reduce_hours():
    saturday, sunday = date(2026, 11, 28), date(2026, 11, 29)
    assert hours(capacity("40.00"), [period(saturday, sunday)]) == ["40.00"]


def test_a_whole_week_away_leaves_no_hours():
    assert hours(capacity("40.00"), [period(date(2026, 11, 20), date(2026, 12, 4))]) == [
        "0.00"]


def test_a_removed_period_plays_no_part():
    monday = date(2026, 11, 23)
    assert hours(capacity("40.00"), [period(monday, monday, removed=True)]) == ["40.00"]


def test_days_after_the_leave_date_count_as_unavailable():
    wednesday = date(2026, 11, 25)
    assert hours(capacity("40.00"), left_on=wednesday, weeks=(W48, W49)) == ["24.00", "0.00"]


def test_a_period_after_the_leave_date_counts_each_day_once():
    wednesday, friday = date(2026, 11, 25), date(2026, 11, 27)
    assert hours(capacity("40.00"), [period(wednesday, friday)], left_on=wednesday) == [
        "16.00"]


def test_hours_are_rounded_to_hundredths():
    monday = date(2026, 11, 23)
    assert hours(capacity("33.33"), [period(monday, monday)]) == ["26.66"]  # 26.664


def test_an_exact_half_is_rounded_up_not_to_even():
    # Hours on the wire have 2 decimals, so a third decimal of 5 never happens there;
    # 0.15625 × 4/5 = 0.125 shows the rule itself (half-even would give 0.12).
    monday = date(2026, 11, 23)
    assert hours(capacity("0.15625"), [period(monday, monday)]) == ["0.13"]


def test_every_week_asked_for_is_answered_in_order():
    weeks = weeks_from(IsoWeek(2026, 52), IsoWeek(2027, 2))
    result = available_hours(capacity("8.00"), [], None, weeks)
    assert list(result) == [IsoWeek(2026, 52), IsoWeek(2026, 53), IsoWeek(2027, 1),
                            IsoWeek(2027, 2)]

"""ISO weeks: parsing, the edges around New Year, week 53, the 3-year horizon."""

from datetime import date

import pytest

from services.members.domain.iso_week import (
    IsoWeek,
    NotAnIsoWeek,
    beyond_horizon,
    planning_horizon,
    weeks_from,
    weeks_in_year,
)


def test_a_week_is_written_yyyy_www():
    week = IsoWeek.parse("2026-W05")
    assert (week.year, week.week, str(week)) == (2026, 5, "2026-W05")


@pytest.mark.parametrize("text", ["2026-5", "2026-W5", "2026W05", "26-W05", "2026-w05",
                                  "2026-W00", "2026-W54", " 2026-W05", "", None, 202605])
def test_anything_else_is_not_a_week(text):
    with pytest.raises(NotAnIsoWeek):
        IsoWeek.parse(text)


def test_week_53_exists_only_in_years_that_have_it():
    assert [weeks_in_year(year) for year in (2020, 2021, 2024, 2025, 2026, 2032)] == [
        53, 52, 52, 52, 53, 53]
    assert str(IsoWeek.parse("2026-W53")) == "2026-W53"
    with pytest.raises(NotAnIsoWeek, match="2025 has ISO weeks 1 to 52"):
        IsoWeek.parse("2025-W53")


def test_week_1_can_start_in_the_previous_calendar_year():
    assert IsoWeek.parse("2026-W01").monday == date(2025, 12, 29)
    assert IsoWeek.of(date(2025, 12, 31)) == IsoWeek(2026, 1)
    assert IsoWeek.parse("2025-W01").monday == date(2024, 12, 30)


def test_the_first_days_of_january_can_belong_to_the_previous_years_last_week():
    assert IsoWeek.of(date(2027, 1, 1)) == IsoWeek(2026, 53)
    assert IsoWeek.of(date(2021, 1, 3)) == IsoWeek(2020, 53)
    assert IsoWeek.parse("2026-W53").sunday == date(2027, 1, 3)


def test_working_days_are_monday_to_friday_even_across_new_year():
    assert IsoWeek(2026, 53).working_days == (
        date(2026, 12, 28), date(2026, 12, 29), date(2026, 12, 30), date(2026, 12, 31),
        date(2027, 1, 1))


def test_weeks_run_in_time_order_across_years():
    assert weeks_from(IsoWeek(2026, 52), IsoWeek(2027, 2)) == [
        IsoWeek(2026, 52), IsoWeek(2026, 53), IsoWeek(2027, 1), IsoWeek(2027, 2)]
    assert weeks_from(IsoWeek(2025, 52), IsoWeek(2026, 1)) == [IsoWeek(2025, 52),
                                                                IsoWeek(2026, 1)]
    assert weeks_from(IsoWeek(2026, 3), IsoWeek(2026, 2)) == []
    assert IsoWeek(2025, 52) < IsoWeek(2026, 1) < IsoWeek(2026, 53) < IsoWeek(2027, 1)
    assert IsoWeek(2026, 52).plus(2) == IsoWeek(2027, 1)


def test_plans_reach_three_years_ahead():
    today = date(2026, 11, 24)
    assert planning_horizon(today) == date(2029, 11, 24)
    assert not beyond_horizon(IsoWeek.of(date(2029, 11, 24)), today)
    assert beyond_horizon(IsoWeek.of(date(2029, 11, 26)), today)


def test_the_horizon_of_a_leap_day_is_the_28th_of_february():
    assert planning_horizon(date(2024, 2, 29)) == date(2027, 2, 28)

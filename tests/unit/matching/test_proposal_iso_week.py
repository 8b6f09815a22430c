from datetime import date

import pytest

from services.matching.domain.proposals.iso_week import (
    IsoWeek,
    NotAnIsoWeek,
    describe_weeks,
    week_ranges,
    weeks_from,
    working_weeks,
)


def weeks(*texts):
    return tuple(IsoWeek.parse(text) for text in texts)


@pytest.mark.parametrize(("day", "week"), [
    (date(2025, 12, 29), "2026-W01"),  # a Monday in December starts next year's week 1
    (date(2027, 1, 3), "2026-W53"),  # a Sunday in January ends last year's week 53
    (date(2027, 1, 4), "2027-W01"),
    (date(2021, 1, 1), "2020-W53"),
])
def test_a_day_belongs_to_the_iso_week_of_its_thursday(day, week):
    assert str(IsoWeek.of(day)) == week


def test_weeks_run_across_new_year_and_week_53():
    assert weeks_from(IsoWeek.parse("2026-W52"), IsoWeek.parse("2027-W02")) == weeks(
        "2026-W52", "2026-W53", "2027-W01", "2027-W02")


def test_a_project_needs_the_weeks_that_hold_its_working_days():
    # Saturday 2 January 2027 (in 2026-W53) to Monday 18 January 2027
    assert working_weeks(date(2027, 1, 2), date(2027, 1, 18)) == weeks(
        "2027-W01", "2027-W02", "2027-W03")
    assert working_weeks(date(2026, 12, 31), date(2027, 1, 5)) == weeks("2026-W53", "2027-W01")
    assert working_weeks(date(2027, 1, 9), date(2027, 1, 10)) == ()  # a weekend only


def test_weeks_are_counted_apart_by_plain_subtraction():
    assert IsoWeek.parse("2027-W01").number - IsoWeek.parse("2026-W52").number == 2
    assert IsoWeek.parse("2027-W01").monday == date(2027, 1, 4)


def test_runs_of_weeks_are_written_as_ranges():
    listed = weeks("2027-W05", "2027-W03", "2027-W04", "2027-W09", "2026-W53")
    assert week_ranges(listed)[0] == (IsoWeek.parse("2026-W53"), IsoWeek.parse("2026-W53"))
    assert describe_weeks(listed) == "2026-W53, 2027-W03–2027-W05, 2027-W09"


@pytest.mark.parametrize("text", ["2027-W54", "2027-W00", "2025-W53", "2027W03", "2027-W3"])
def test_what_is_not_an_iso_week_is_refused(text):
    with pytest.raises(NotAnIsoWeek):
        IsoWeek.parse(text)

"""Available hours per ISO week: the rule, its rounding, and the calendar's edges.

available = (override or default) × (5 − unavailable working days) / 5, half up to 0.01.
"""

import random
from datetime import date, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from services.members.domain.availability import CapacityFacts, availability, prorated
from services.members.domain.iso_week import IsoWeek, weeks_from

D = Decimal


def hours(facts: CapacityFacts, first: str, last: str) -> dict[str, Decimal]:
    result = availability({"m": facts}, IsoWeek.parse(first), IsoWeek.parse(last))
    return {str(week): h for week, h in zip(result.weeks, result.hours["m"], strict=True)}


def test_every_week_has_the_default_hours():
    assert hours(CapacityFacts(D("32.00")), "2026-W10", "2026-W12") == {
        "2026-W10": D("32.00"), "2026-W11": D("32.00"), "2026-W12": D("32.00")}


def test_an_override_replaces_the_default_for_its_week_only():
    facts = CapacityFacts(D("32.00"), {"2026-W11": D("8.00"), "2027-W11": D("1.00")})
    assert list(hours(facts, "2026-W10", "2026-W12").values()) == [
        D("32.00"), D("8.00"), D("32.00")]


def test_each_unavailable_working_day_takes_a_fifth():
    wednesday = date(2026, 3, 11)
    facts = CapacityFacts(D("32.00"), unavailable=((wednesday, wednesday),))
    assert hours(facts, "2026-W11", "2026-W11") == {"2026-W11": D("25.60")}
    thursday_to_monday = ((date(2026, 3, 12), date(2026, 3, 16)),)
    assert list(hours(CapacityFacts(D("32.00"), unavailable=thursday_to_monday),
                      "2026-W11", "2026-W12").values()) == [D("19.20"), D("25.60")]


def test_the_override_is_what_gets_reduced():
    facts = CapacityFacts(D("32.00"), {"2026-W11": D("10.00")},
                          ((date(2026, 3, 9), date(2026, 3, 10)),))
    assert hours(facts, "2026-W11", "2026-W11") == {"2026-W11": D("6.00")}


def test_weekends_do_not_reduce_hours():
    saturday_and_sunday = ((date(2026, 3, 14), date(2026, 3, 15)),)
    assert hours(CapacityFacts(D("32.00"), unavailable=saturday_and_sunday),
                 "2026-W11", "2026-W11") == {"2026-W11": D("32.00")}


def test_hours_are_rounded_half_up_to_hundredths():
    assert prorated(D("33.33"), 1) == D("26.66")  # 26.664
    assert prorated(D("33.33"), 4) == D("6.67")  # 6.666
    assert prorated(D("33.33"), 2) == D("20.00")  # 19.998
    assert prorated(D("0.01"), 2) == D("0.01")  # 0.006
    assert prorated(D("32.00"), 5) == D("0.00")
    assert prorated(D("32.00"), 0) == D("32.00")


def test_a_period_spanning_new_year():
    christmas_to_new_year = ((date(2025, 12, 24), date(2026, 1, 2)),)
    facts = CapacityFacts(D("32.00"), unavailable=christmas_to_new_year)
    assert hours(facts, "2025-W52", "2026-W02") == {
        "2025-W52": D("12.80"),  # Wednesday 24 to Friday 26 December: 3 days off
        "2026-W01": D("0.00"),  # Monday 29 December 2025 to Friday 2 January 2026
        "2026-W02": D("32.00"),
    }


def test_week_1_that_starts_in_the_previous_calendar_year():
    last_days_of_2025 = ((date(2025, 12, 29), date(2025, 12, 31)),)
    facts = CapacityFacts(D("40.00"), {"2026-W01": D("30.00")}, last_days_of_2025)
    assert hours(facts, "2026-W01", "2026-W01") == {"2026-W01": D("12.00")}


def test_week_53_and_the_first_day_of_the_next_year():
    new_years_day_2027 = ((date(2027, 1, 1), date(2027, 1, 1)),)
    facts = CapacityFacts(D("32.00"), {"2026-W53": D("20.00")}, new_years_day_2027)
    assert hours(facts, "2026-W52", "2027-W01") == {
        "2026-W52": D("32.00"), "2026-W53": D("16.00"), "2027-W01": D("32.00")}


def test_weeks_with_a_daylight_saving_switch_still_have_five_working_days():
    amsterdam = ZoneInfo("Europe/Amsterdam")
    for week, sunday in (("2026-W13", date(2026, 3, 29)), ("2026-W43", date(2026, 10, 25))):
        monday = IsoWeek.parse(week).monday
        assert IsoWeek.parse(week).sunday == sunday
        offsets = {_noon(day, amsterdam) for day in (monday, sunday + timedelta(days=1))}
        assert len(offsets) == 2, "the clocks change in this week"
        assert len(IsoWeek.parse(week).working_days) == 5
        whole_week = ((monday, monday + timedelta(days=4)),)
        assert hours(CapacityFacts(D("32.00")), week, week) == {week: D("32.00")}
        assert hours(CapacityFacts(D("32.00"), unavailable=whole_week), week, week) == {
            week: D("0.00")}


def _noon(day: date, zone: ZoneInfo):
    from datetime import datetime, time

    return datetime.combine(day, time(12), zone).utcoffset()


def test_nothing_is_available_after_the_leave_date():
    wednesday = date(2026, 3, 11)
    facts = CapacityFacts(D("30.00"), left_on=wednesday)
    assert list(hours(facts, "2026-W10", "2026-W12").values()) == [
        D("30.00"), D("18.00"), D("0.00")]


def test_a_day_covered_twice_counts_once():
    facts = CapacityFacts(D("30.00"), unavailable=((date(2026, 3, 12), date(2026, 3, 20)),),
                          left_on=date(2026, 3, 11))
    assert hours(facts, "2026-W11", "2026-W11") == {"2026-W11": D("18.00")}


def test_members_keep_the_order_asked_for():
    facts = {"a": CapacityFacts(D("1.00")), "b": CapacityFacts(D("2.00"))}
    result = availability(facts, IsoWeek(2026, 1), IsoWeek(2026, 2), ["b", "a"])
    assert list(result.hours) == ["b", "a"]


def test_the_fast_computation_agrees_with_counting_day_by_day():
    rng = random.Random(2026)
    first, last = IsoWeek(2025, 50), IsoWeek(2027, 3)
    for _ in range(300):
        facts = _random_facts(rng, first.monday)
        expected = _day_by_day(facts, weeks_from(first, last))
        assert availability({"m": facts}, first, last).hours["m"] == expected


def _random_facts(rng: random.Random, start: date) -> CapacityFacts:
    periods, day = [], start - timedelta(days=rng.randint(0, 20))
    for _ in range(rng.randint(0, 6)):
        day += timedelta(days=rng.randint(0, 60))
        end = day + timedelta(days=rng.randint(0, 30))
        periods.append((day, end))
        day = end + timedelta(days=1)
    overrides = {str(IsoWeek.of(start + timedelta(weeks=rng.randint(0, 60)))):
                 D(rng.randint(0, 8000)) / 100 for _ in range(rng.randint(0, 10))}
    left_on = start + timedelta(days=rng.randint(0, 500)) if rng.random() < 0.3 else None
    return CapacityFacts(D(rng.randint(0, 8000)) / 100, overrides, tuple(periods), left_on)


def _day_by_day(facts: CapacityFacts, weeks: list[IsoWeek]) -> list[Decimal]:
    result = []
    for week in weeks:
        off = sum(1 for day in week.working_days
                  if any(start <= day <= end for start, end in facts.unavailable)
                  or (facts.left_on is not None and day > facts.left_on))
        base = facts.overrides.get(str(week), facts.default_weekly_hours)
        result.append(prorated(base, off))
    return result

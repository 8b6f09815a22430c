"""How many hours a candidate can work, week by week, from matching's read model.

The members service's rule, so that both services give the same answer:

    available = week hours × (5 − unavailable working days) / 5

- *week hours* is the override for that week if there is one, else the default;
- *working days* are Monday to Friday of the ISO week; weekends never reduce hours;
- a working day is *unavailable* when a (live) period covers it, both dates
  included, or when it lies after the leave date;
- the result is rounded half up to hundredths of an hour.
"""

from collections.abc import Iterable
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from services.matching.domain.candidate import MemberCapacity, UnavailablePeriod
from services.matching.domain.proposals.iso_week import IsoWeek

WORKING_DAYS = 5
HOURS_QUANTUM = Decimal("0.01")


def available_hours(capacity: MemberCapacity, periods: Iterable[UnavailablePeriod],
                    left_on: date | None, weeks: Iterable[IsoWeek]) -> dict[IsoWeek, Decimal]:
    """Available hours in each of `weeks`; removed periods (tombstones) play no part."""
    spans = [(p.starts_on, p.ends_on) for p in periods if not p.removed]
    whole = {}  # week hours → the same, rounded: most weeks have no day off
    hours = {}
    for week in weeks:
        week_hours = capacity.overrides.get(week, capacity.default_weekly_hours)
        monday = week.monday
        friday = monday + timedelta(days=WORKING_DAYS - 1)
        touching = [(first, last) for first, last in spans
                    if first <= friday and last >= monday]
        if not touching and (left_on is None or left_on >= friday):
            if week_hours not in whole:
                whole[week_hours] = prorated(week_hours, 0)
            hours[week] = whole[week_hours]
            continue
        days_off = sum(1 for day in _working_days(monday)
                       if _unavailable(day, touching, left_on))
        hours[week] = prorated(week_hours, days_off)
    return hours


def prorated(week_hours: Decimal, unavailable_days: int) -> Decimal:
    """`week_hours` reduced for `unavailable_days` of the five working days."""
    share = week_hours * (WORKING_DAYS - min(unavailable_days, WORKING_DAYS)) / WORKING_DAYS
    return share.quantize(HOURS_QUANTUM, rounding=ROUND_HALF_UP)


def _working_days(monday: date) -> list[date]:
    return [monday + timedelta(days=offset) for offset in range(WORKING_DAYS)]


def _unavailable(day: date, spans: list[tuple[date, date]], left_on: date | None) -> bool:
    return (left_on is not None and day > left_on) or any(
        first <= day <= last for first, last in spans)

"""How many hours members can work, week by week.

The rule, for one member and one ISO week:

    available = week hours × (5 − unavailable working days) / 5

- *week hours* is the member's override for that week if there is one, else their
  default hours per week;
- *working days* are Monday to Friday of the ISO week (always five: a week that
  contains a daylight-saving switch or New Year still has five dates Monday–Friday);
- a working day is *unavailable* when an unavailability period covers it (start and
  end dates included) or when it lies after the member's leave date;
- the result is rounded half up to hundredths of an hour (0.01, `ROUND_HALF_UP`).
  Hours have at most 2 decimals, so `hours × k / 5` has at most 3 and the third
  is always even (33.33 × 4/5 = 26.664 → 26.66): no result is ever exactly half
  way, and half-up and Python's default half-even agree.

Weekend days never reduce hours (weekly hours are taken to be spread over the working
days), and public holidays are not subtracted: a member who will not work on one
records it as unavailability.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from services.members.domain.iso_week import IsoWeek, weeks_from

WORKING_DAYS = 5
HOURS_QUANTUM = Decimal("0.01")


def prorated(week_hours: Decimal, unavailable_days: int) -> Decimal:
    """`week_hours` reduced for `unavailable_days` of the five working days."""
    if unavailable_days <= 0:
        return week_hours
    if unavailable_days >= WORKING_DAYS:
        return Decimal("0.00")
    share = week_hours * (WORKING_DAYS - unavailable_days) / WORKING_DAYS
    return share.quantize(HOURS_QUANTUM, rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class CapacityFacts:
    """What availability needs to know about one member, nothing private."""

    default_weekly_hours: Decimal
    overrides: dict[str, Decimal] = field(default_factory=dict)  # "2026-W05" → hours
    unavailable: tuple[tuple[date, date], ...] = ()  # (first day, last day), both included
    left_on: date | None = None


@dataclass(frozen=True)
class Availability:
    weeks: list[IsoWeek]
    hours: dict[str, list[Decimal]]  # member id → hours per week, aligned with `weeks`


def availability(facts: dict[str, CapacityFacts], first: IsoWeek, last: IsoWeek,
                 member_ids: Iterable[str] | None = None) -> Availability:
    """Available hours of each member (in `member_ids` order) for every week first..last."""
    weeks = weeks_from(first, last)
    index = {str(week): position for position, week in enumerate(weeks)}
    first_day = weeks[0].monday.toordinal() if weeks else 0
    reduced = _ProratedCache()
    hours = {}
    for member_id in member_ids if member_ids is not None else facts:
        hours[member_id] = _member_hours(facts[member_id], index, first_day, reduced)
    return Availability(weeks, hours)


class _ProratedCache(dict):
    """(week hours, unavailable days) → prorated hours; the same pairs recur a lot."""

    def __missing__(self, key):
        value = self[key] = prorated(*key)
        return value


def _member_hours(facts: CapacityFacts, index: dict[str, int], first_day: int,
                  reduced: _ProratedCache) -> list[Decimal]:
    hours = [facts.default_weekly_hours] * len(index)
    for week, week_hours in facts.overrides.items():
        position = index.get(week)
        if position is not None:
            hours[position] = week_hours
    if facts.unavailable or facts.left_on is not None:
        for position, days in _unavailable_working_days(facts, first_day, len(index)).items():
            hours[position] = reduced[hours[position], days]
    return hours


def _unavailable_working_days(facts: CapacityFacts, first_day: int, weeks: int) -> dict:
    """Week position → number of unavailable working days, for weeks that have any.

    Days are ordinals; `first_day` is a Monday, so week `w` has its working days
    from `first_day + 7w` to `first_day + 7w + 4`. Spans are merged first, so a day
    covered twice (a period after the leave date) counts once.
    """
    last_day = first_day + 7 * weeks - 1
    spans = [(start.toordinal(), end.toordinal()) for start, end in facts.unavailable]
    if facts.left_on is not None:
        spans.append((facts.left_on.toordinal() + 1, last_day))
    counts: dict[int, int] = {}
    for start, end in _merged(sorted(spans)):
        start = first_day if start < first_day else start
        end = last_day if end > last_day else end
        for week in range((start - first_day) // 7, (end - first_day) // 7 + 1):
            monday = first_day + 7 * week
            friday = monday + WORKING_DAYS - 1
            days = (end if end < friday else friday) - (start if start > monday else monday) + 1
            if days > 0:
                counts[week] = counts.get(week, 0) + days
    return counts


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted (start, end) spans with overlapping or touching ones joined."""
    merged = []
    for start, end in spans:
        if merged and start <= merged[-1][1] + 1:
            if end > merged[-1][1]:
                merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged

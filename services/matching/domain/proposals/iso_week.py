"""ISO 8601 weeks, written `YYYY-Www` (e.g. `2027-W03`): the unit of capacity and of a project.

An ISO week runs Monday to Sunday and belongs to the year that holds its Thursday,
so 2026-W01 starts on Monday 29 December 2025 and 2026 has a week 53. Matching keeps
its own small copy of this value type: services share no code but `infra`.
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

_WEEK = re.compile(r"(\d{4})-W(\d{2})")


class NotAnIsoWeek(ValueError):
    """The text or numbers do not name an ISO week."""


def weeks_in_year(year: int) -> int:
    """52 or 53: 28 December always lies in the last ISO week of its year."""
    return date(year, 12, 28).isocalendar().week


@dataclass(frozen=True, order=True)
class IsoWeek:
    year: int
    week: int
    # Weeks since 0001-W01: makes "how many weeks apart" plain subtraction.
    number: int = field(init=False, repr=False, compare=False, hash=False)

    def __post_init__(self):
        if not 1 <= self.year <= 9998 or not 1 <= self.week <= weeks_in_year(self.year):
            raise NotAnIsoWeek(f"There is no ISO week {self.year}-W{self.week:02d}.")
        monday = date.fromisocalendar(self.year, self.week, 1)
        object.__setattr__(self, "number", (monday.toordinal() - 1) // 7)

    def __hash__(self) -> int:  # weeks are dictionary keys by the million in a proposal
        return self.number

    @classmethod
    def parse(cls, text: str) -> "IsoWeek":
        match = _WEEK.fullmatch(text) if isinstance(text, str) else None
        if match is None:
            raise NotAnIsoWeek(f"An ISO week is written YYYY-Www, e.g. 2027-W03; got {text!r}.")
        return cls(int(match.group(1)), int(match.group(2)))

    @classmethod
    def of(cls, day: date) -> "IsoWeek":
        year, week, _ = day.isocalendar()
        return cls(year, week)

    @property
    def monday(self) -> date:
        return date.fromordinal(self.number * 7 + 1)

    def plus(self, weeks: int) -> "IsoWeek":
        return IsoWeek.of(self.monday + timedelta(weeks=weeks))

    def __str__(self) -> str:
        return f"{self.year:04d}-W{self.week:02d}"


def weeks_from(first: IsoWeek, last: IsoWeek) -> tuple[IsoWeek, ...]:
    """Every week from `first` to `last`, both included (empty if `last` is earlier)."""
    return tuple(first.plus(offset) for offset in range(max(last.number - first.number + 1, 0)))


def working_weeks(starts_on: date, ends_on: date) -> tuple[IsoWeek, ...]:
    """The ISO weeks that hold at least one working day (Monday–Friday) of the span.

    A project starting on a Saturday does not need anyone's hours in that weekend's week.
    """
    first, last = starts_on, ends_on
    while first <= last and first.weekday() >= 5:
        first += timedelta(days=1)
    while last >= first and last.weekday() >= 5:
        last -= timedelta(days=1)
    if first > last:
        return ()
    return weeks_from(IsoWeek.of(first), IsoWeek.of(last))


def week_ranges(weeks: Iterable[IsoWeek]) -> list[tuple[IsoWeek, IsoWeek]]:
    """Consecutive runs of `weeks`, sorted: W03, W04, W05, W09 → [(W03, W05), (W09, W09)]."""
    runs: list[tuple[IsoWeek, IsoWeek]] = []
    for week in sorted(set(weeks)):
        if runs and week.number == runs[-1][1].number + 1:
            runs[-1] = (runs[-1][0], week)
        else:
            runs.append((week, week))
    return runs


def describe_weeks(weeks: Iterable[IsoWeek]) -> str:
    """`2027-W03–2027-W05, 2027-W09`: weeks as a reader wants them."""
    return ", ".join(str(first) if first == last else f"{first}–{last}"
                     for first, last in week_ranges(weeks))

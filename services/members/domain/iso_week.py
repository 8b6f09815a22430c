"""ISO 8601 weeks, written `YYYY-Www` (e.g. `2026-W05`): the unit of a member's capacity.

An ISO week runs Monday to Sunday and belongs to the year that holds its Thursday.
So week 1 can start in late December (2026-W01 starts on Monday 29 December 2025),
the last days of December can belong to week 1 of the next year, and a year has
53 weeks when it starts on a Thursday, or on a Wednesday in a leap year (2020,
2026, 2032). Weeks are compared and sorted in time order.
"""

import re
from dataclasses import dataclass
from datetime import date, timedelta

PLANNING_HORIZON_YEARS = 3

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

    def __post_init__(self):
        if not 1 <= self.year <= 9998:
            raise NotAnIsoWeek(f"Year {self.year} is out of range.")
        last = weeks_in_year(self.year)
        if not 1 <= self.week <= last:
            raise NotAnIsoWeek(
                f"{self.year} has ISO weeks 1 to {last}; there is no week {self.week}."
            )

    @classmethod
    def parse(cls, text: str) -> "IsoWeek":
        match = _WEEK.fullmatch(text) if isinstance(text, str) else None
        if match is None:
            raise NotAnIsoWeek(f"An ISO week is written YYYY-Www, e.g. 2026-W05; got {text!r}.")
        return cls(int(match.group(1)), int(match.group(2)))

    @classmethod
    def of(cls, day: date) -> "IsoWeek":
        """The ISO week that contains `day`."""
        year, week, _ = day.isocalendar()
        return cls(year, week)

    @property
    def monday(self) -> date:
        return date.fromisocalendar(self.year, self.week, 1)

    @property
    def sunday(self) -> date:
        return self.monday + timedelta(days=6)

    @property
    def working_days(self) -> tuple[date, ...]:
        """Monday to Friday of this week."""
        monday = self.monday
        return tuple(monday + timedelta(days=offset) for offset in range(5))

    def plus(self, weeks: int) -> "IsoWeek":
        return IsoWeek.of(self.monday + timedelta(weeks=weeks))

    def __str__(self) -> str:
        return f"{self.year:04d}-W{self.week:02d}"


def weeks_from(first: IsoWeek, last: IsoWeek) -> list[IsoWeek]:
    """Every week from `first` to `last`, both included (empty if `last` is earlier)."""
    count = (last.monday - first.monday).days // 7 + 1
    return [first.plus(offset) for offset in range(max(count, 0))]


def planning_horizon(today: date) -> date:
    """The last day anything may be planned for: three years after `today`.

    29 February becomes 28 February when the target year is not a leap year.
    """
    year = today.year + PLANNING_HORIZON_YEARS
    try:
        return today.replace(year=year)
    except ValueError:
        return today.replace(year=year, day=28)


def beyond_horizon(week: IsoWeek, today: date) -> bool:
    """Whether `week` starts after the planning horizon (weeks more than 3 years ahead)."""
    return week.monday > planning_horizon(today)

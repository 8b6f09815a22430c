"""Calendar months and quarters: the periods invoices, payouts and VAT returns cover."""

import calendar
import re
from dataclasses import dataclass
from datetime import date

from services.billing.domain.errors import UnknownMonth


@dataclass(frozen=True, order=True)
class Month:
    year: int
    month: int

    def __post_init__(self):
        if not 1 <= self.month <= 12 or not 2000 <= self.year <= 9999:
            raise UnknownMonth(f"{self.year}-{self.month}")

    @classmethod
    def parse(cls, text: str) -> "Month":
        """`"2026-03"` → March 2026."""
        match = re.fullmatch(r"(\d{4})-(\d{2})", str(text))
        if not match:
            raise UnknownMonth(text)
        return cls(int(match[1]), int(match[2]))

    @classmethod
    def of(cls, day: date) -> "Month":
        return cls(day.year, day.month)

    @property
    def first_day(self) -> date:
        return date(self.year, self.month, 1)

    @property
    def last_day(self) -> date:
        return date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])

    @property
    def quarter(self) -> "Quarter":
        return Quarter(self.year, (self.month - 1) // 3 + 1)

    def plus(self, months: int) -> "Month":
        index = self.year * 12 + self.month - 1 + months
        return Month(index // 12, index % 12 + 1)

    def contains(self, day: date) -> bool:
        return (day.year, day.month) == (self.year, self.month)

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"


@dataclass(frozen=True, order=True)
class Quarter:
    year: int
    quarter: int

    def __post_init__(self):
        if not 1 <= self.quarter <= 4:
            raise UnknownMonth(f"{self.year}-Q{self.quarter}")

    @property
    def months(self) -> tuple[Month, Month, Month]:
        first = (self.quarter - 1) * 3 + 1
        return tuple(Month(self.year, m) for m in range(first, first + 3))

    @property
    def first_day(self) -> date:
        return self.months[0].first_day

    @property
    def last_day(self) -> date:
        return self.months[-1].last_day

    def contains(self, day: date) -> bool:
        return self.first_day <= day <= self.last_day

    def __str__(self) -> str:
        return f"{self.year}-Q{self.quarter}"


def add_months(day: date, months: int) -> date:
    """The same day `months` later; the 31st becomes the month's last day (31 Jan + 1 = 28 Feb)."""
    target = Month.of(day).plus(months)
    return date(target.year, target.month, min(day.day, target.last_day.day))

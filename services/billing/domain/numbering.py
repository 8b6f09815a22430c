"""Invoice numbers: `2026-000123`, one gapless series per calendar year.

Dutch law (art. 35a Wet OB) asks for a unique number in one or more unbroken
series. The coop keeps *one* series per year, shared by invoices and credit
notes, taken from the year of the issue date: 2026-000001, 2026-000002, …; on
1 January a new series starts at 000001. A number is never skipped and never
used twice; an issued document is never deleted (a credit note corrects it).

The rule is pure: `NumberSeries(year, last_used).next()` gives the number and the
series after it. Concurrency is the adapter's job. **Contract for the adapter:**

1. Keep one row per year (`year`, `last_used`). Allocate inside the *same*
   database transaction that inserts the invoice or credit note.
2. Lock the row first (PostgreSQL: `INSERT … ON CONFLICT DO NOTHING` for the
   year, then `SELECT … FOR UPDATE`), so concurrent runs queue behind each
   other; a rollback then gives the number back, and no gap appears.
3. Allocate only after every check has passed (VAT, mandatory fields), so that
   nothing but a database failure can abort the transaction after allocation.
4. A unique constraint on the number is the safety net.
"""

import re
from dataclasses import dataclass
from datetime import date

from services.billing.domain.errors import InvoiceNumberOutOfSequence

_FORMAT = re.compile(r"(\d{4})-(\d{6})")


@dataclass(frozen=True, order=True)
class InvoiceNumber:
    year: int
    sequence: int

    def __post_init__(self):
        if not 1 <= self.sequence <= 999_999:
            raise ValueError(f"invoice sequence {self.sequence} is outside 1…999999")

    @classmethod
    def parse(cls, text: str) -> "InvoiceNumber":
        match = _FORMAT.fullmatch(text)
        if not match:
            raise ValueError(f"{text!r} is not an invoice number like 2026-000123")
        return cls(int(match[1]), int(match[2]))

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.sequence:06d}"


@dataclass(frozen=True)
class NumberSeries:
    """The numbers of one year, given the last one used (0: none yet)."""

    year: int
    last_used: int = 0

    @classmethod
    def for_issue_date(cls, issue_date: date, last_used: int) -> "NumberSeries":
        return cls(issue_date.year, last_used)

    def next(self) -> tuple[InvoiceNumber, "NumberSeries"]:
        number = InvoiceNumber(self.year, self.last_used + 1)
        return number, NumberSeries(self.year, number.sequence)

    def take(self, count: int) -> tuple[list[InvoiceNumber], "NumberSeries"]:
        """`count` consecutive numbers at once (a monthly run)."""
        numbers = [InvoiceNumber(self.year, self.last_used + i) for i in range(1, count + 1)]
        return numbers, NumberSeries(self.year, self.last_used + count)

    def check_next(self, number: InvoiceNumber) -> None:
        """For an adapter that reads numbers back: `number` must be exactly the next one."""
        expected, _ = self.next()
        if number != expected:
            raise InvoiceNumberOutOfSequence(str(expected), str(number))


def is_gapless(numbers) -> bool:
    """Whether `numbers` (InvoiceNumber) are, per year, exactly 1…n without gaps or repeats."""
    by_year: dict[int, list[int]] = {}
    for number in numbers:
        by_year.setdefault(number.year, []).append(number.sequence)
    return all(sorted(seqs) == list(range(1, len(seqs) + 1)) for seqs in by_year.values())

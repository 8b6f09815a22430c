import threading
from datetime import date

import pytest

from services.billing.domain.errors import InvoiceNumberOutOfSequence
from services.billing.domain.numbering import InvoiceNumber, NumberSeries, is_gapless


def test_numbers_read_year_dash_six_digits():
    assert str(InvoiceNumber(2026, 123)) == "2026-000123"
    assert InvoiceNumber.parse("2026-000123") == InvoiceNumber(2026, 123)
    with pytest.raises(ValueError):
        InvoiceNumber.parse("2026-123")


def test_a_series_gives_the_next_number_and_a_new_series():
    series = NumberSeries(2026, last_used=122)
    number, after = series.next()
    assert str(number) == "2026-000123"
    assert after == NumberSeries(2026, 123)
    assert series == NumberSeries(2026, 122)  # unchanged: adopt `after` only on success


def test_each_year_starts_again_at_one():
    number, _ = NumberSeries.for_issue_date(date(2027, 1, 1), last_used=0).next()
    assert str(number) == "2027-000001"


def test_a_run_takes_consecutive_numbers():
    numbers, after = NumberSeries(2026, 7).take(3)
    assert [str(n) for n in numbers] == ["2026-000008", "2026-000009", "2026-000010"]
    assert after.last_used == 10


def test_a_number_that_is_not_the_next_one_is_refused():
    with pytest.raises(InvoiceNumberOutOfSequence):
        NumberSeries(2026, 5).check_next(InvoiceNumber(2026, 7))


def test_gaps_and_duplicates_are_detected():
    assert is_gapless([InvoiceNumber(2026, 2), InvoiceNumber(2026, 1), InvoiceNumber(2027, 1)])
    assert not is_gapless([InvoiceNumber(2026, 1), InvoiceNumber(2026, 3)])
    assert not is_gapless([InvoiceNumber(2026, 1), InvoiceNumber(2026, 1)])


class LockedSeriesRow:
    """What the adapter keeps: one row per year, locked while a transaction allocates."""

    def __init__(self):
        self.last_used = 0
        self.lock = threading.Lock()
        self.issued = []

    def run(self, invoices: int, fail_on: int | None = None):
        with self.lock:  # SELECT … FOR UPDATE
            series = NumberSeries(2026, self.last_used)
            taken = []
            for i in range(invoices):
                number, candidate = series.next()
                if i == fail_on:
                    continue  # a check failed before the number was adopted
                series = candidate
                taken.append(number)
            self.last_used = series.last_used  # commit
            self.issued.extend(taken)


def test_concurrent_runs_that_hold_the_row_lock_leave_no_gap_and_no_duplicate():
    row = LockedSeriesRow()
    start = threading.Barrier(4)

    def run(fail_on):
        start.wait()
        for _ in range(50):
            row.run(3, fail_on)

    threads = [threading.Thread(target=run, args=(f,)) for f in (None, 1, None, 0)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(row.issued) == 50 * (3 + 2 + 3 + 2)
    assert is_gapless(row.issued)

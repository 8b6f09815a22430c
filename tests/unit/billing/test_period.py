from datetime import date

import pytest

from services.billing.domain.errors import UnknownMonth
from services.billing.domain.period import Month, Quarter, add_months


def test_a_month_knows_its_days_and_quarter():
    february = Month.parse("2028-02")
    assert (february.first_day, february.last_day) == (date(2028, 2, 1), date(2028, 2, 29))
    assert february.quarter == Quarter(2028, 1)
    assert str(Month(2026, 3)) == "2026-03"


@pytest.mark.parametrize("text", ["2026-13", "2026-3", "march", "2026-00"])
def test_a_malformed_month_is_invalid(text):
    with pytest.raises(UnknownMonth):
        Month.parse(text)


def test_months_roll_over_years():
    assert Month(2026, 11).plus(3) == Month(2027, 2)
    assert Month(2026, 1).plus(-1) == Month(2025, 12)


def test_adding_months_keeps_the_day_or_takes_the_last_one():
    assert add_months(date(2026, 3, 10), 1) == date(2026, 4, 10)
    assert add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)


def test_a_quarter_has_three_months():
    q2 = Quarter(2026, 2)
    assert [str(m) for m in q2.months] == ["2026-04", "2026-05", "2026-06"]
    assert q2.contains(date(2026, 6, 30)) and not q2.contains(date(2026, 7, 1))

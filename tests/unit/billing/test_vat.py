from dataclasses import dataclass
from decimal import Decimal

import pytest

from services.billing.domain.errors import UnknownVatRate
from services.billing.domain.vat import (
    REVERSE_CHARGE,
    STANDARD,
    ZERO_RATED,
    parse_vat_rate,
    vat_breakdown,
    vat_on,
)


@dataclass(frozen=True)
class Line:
    net: Decimal
    vat_category: str = STANDARD
    vat_rate: Decimal = Decimal("21")


def d(text: str) -> Decimal:
    return Decimal(text)


@pytest.mark.parametrize(("taxable", "rate", "vat"), [
    ("12.50", "21", "2.63"),  # 2.625 → 2.63 (half-even would say 2.62)
    ("0.50", "9", "0.05"),  # 0.045 → 0.05 (half-even: 0.04)
    ("0.50", "21", "0.11"),  # 0.105 → 0.11
    ("0.02", "21", "0.00"),  # 0.0042 → 0.00
    ("1000.00", "21", "210.00"),
    ("100.00", "0", "0.00"),
])
def test_vat_on_a_rate_total_is_rounded_half_up(taxable, rate, vat):
    assert vat_on(d(taxable), d(rate)) == d(vat)


def test_vat_is_computed_once_per_rate_not_summed_per_line():
    # ten lines of €0.50 at 21 %: per line 0.105 → 0.11, summed 1.10;
    # on the rate's total: 10 × 0.50 = 5.00 × 21 % = 1.05. The invoice says 1.05.
    lines = [Line(d("0.50")) for _ in range(10)]
    (subtotal,) = vat_breakdown(lines)
    assert subtotal.taxable_amount == d("5.00")
    assert subtotal.vat_amount == d("1.05")
    assert sum(vat_on(line.net, line.vat_rate) for line in lines) == d("1.10")


def test_the_breakdown_has_a_subtotal_per_rate_highest_first():
    # 21 %: 100.00 + 12.50 = 112.50 → 23.625 → 23.63; 9 %: 0.50 → 0.045 → 0.05; 0 %: 40.00 → 0
    lines = [Line(d("100.00")), Line(d("0.50"), vat_rate=d("9")), Line(d("12.50")),
             Line(d("40.00"), ZERO_RATED, d("0"))]
    breakdown = vat_breakdown(lines)
    assert [(s.category, s.rate, s.taxable_amount, s.vat_amount) for s in breakdown] == [
        (STANDARD, d("21"), d("112.50"), d("23.63")),
        (STANDARD, d("9"), d("0.50"), d("0.05")),
        (ZERO_RATED, d("0"), d("40.00"), d("0.00")),
    ]


def test_reverse_charged_lines_carry_no_vat():
    (subtotal,) = vat_breakdown([Line(d("850.00"), REVERSE_CHARGE, d("0"))])
    assert (subtotal.taxable_amount, subtotal.vat_amount) == (d("850.00"), d("0.00"))


@pytest.mark.parametrize("rate", ["21", 9, "0", "21.0", Decimal("9.00")])
def test_the_dutch_rates_are_known(rate):
    assert parse_vat_rate(rate) in (d("21"), d("9"), d("0"))


@pytest.mark.parametrize("rate", ["19", "6", "-21", "twenty-one", 21.0, "NaN"])
def test_other_rates_are_unknown(rate):
    with pytest.raises(UnknownVatRate) as raised:
        parse_vat_rate(rate)
    assert raised.value.errors[0]["field"] == "vat_rate"
    assert "21%, 9%, 0%" in raised.value.detail

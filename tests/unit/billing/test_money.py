from decimal import Decimal

import pytest

from services.billing.domain.errors import AmountMustBeCents, AmountMustNotBeNegative
from services.billing.domain.money import parse_amount, percent_of, round_to_cent, split_pro_rata


@pytest.mark.parametrize(("value", "rounded"), [
    ("0.005", "0.01"),  # half-up; Python's default half-even would give 0.00
    ("0.015", "0.02"),
    ("0.025", "0.03"),  # half-even: 0.02
    ("0.125", "0.13"),  # half-even: 0.12
    ("0.0049999", "0.00"),
    ("2.675", "2.68"),  # exact in Decimal (the float 2.675 is 2.67499…)
    ("-0.005", "-0.01"),  # half away from zero for negatives
])
def test_rounding_is_half_up_to_the_cent(value, rounded):
    assert round_to_cent(Decimal(value)) == Decimal(rounded)


def test_rounding_refuses_floats():
    with pytest.raises(TypeError):
        round_to_cent(0.005)


def test_a_percentage_is_rounded_once_half_up():
    # 5 % of 100.10 = 5.005 → 5.01
    assert percent_of(Decimal("100.10"), Decimal("5")) == Decimal("5.01")
    # 21 % of 0.50 = 0.105 → 0.11
    assert percent_of(Decimal("0.50"), Decimal("21")) == Decimal("0.11")


@pytest.mark.parametrize("value", ["85.00", "85", 85, Decimal("85.5"), "0.01"])
def test_amounts_with_at_most_two_decimals_are_accepted_unrounded(value):
    assert parse_amount(value, "hourly_rate") == Decimal(str(value)).quantize(Decimal("0.01"))


@pytest.mark.parametrize("value", ["85.001", "0.005", 85.0, "eighty", "NaN", "Infinity", True,
                                   None])
def test_more_than_two_decimals_floats_and_non_numbers_are_refused(value):
    with pytest.raises(AmountMustBeCents) as raised:
        parse_amount(value, "amount")
    assert raised.value.errors[0]["field"] == "amount"


def test_negative_amounts_are_refused_unless_allowed():
    with pytest.raises(AmountMustNotBeNegative):
        parse_amount("-1.00", "amount")
    assert parse_amount("-1.00", "amount", allow_negative=True) == Decimal("-1.00")


def test_a_pro_rata_split_loses_and_creates_no_cent():
    # €100.00 over three equal weights: 33.33 each and one cent left → to the first
    shares = split_pro_rata(Decimal("100.00"), {"a": Decimal(1), "b": Decimal(1),
                                                "c": Decimal(1)})
    assert shares == {"a": Decimal("33.34"), "b": Decimal("33.33"), "c": Decimal("33.33")}
    assert sum(shares.values()) == Decimal("100.00")


def test_a_pro_rata_split_gives_the_left_over_cents_to_the_largest_remainders():
    # 10.00 over 1,000 / 1,500 / 2,500 (5,000): 2.00 / 3.00 / 5.00 exactly
    assert split_pro_rata(Decimal("10.00"), {"a": Decimal(1000), "b": Decimal(1500),
                                             "c": Decimal(2500)}) == {
        "a": Decimal("2.00"), "b": Decimal("3.00"), "c": Decimal("5.00")}
    # 0.05 over 2 / 1: exact 0.0333 / 0.0167 cents ×100 = 3.33 / 1.67 → 3 / 1, +1 to b (.67)
    assert split_pro_rata(Decimal("0.05"), {"a": Decimal(2), "b": Decimal(1)}) == {
        "a": Decimal("0.03"), "b": Decimal("0.02")}

"""Money: euro amounts as `Decimal`, never float, rounded half-up to the cent.

Every amount in billing is EUR. Amounts that come in (rates, payments) must already
be whole cents: they are checked, never rounded, so nobody's money is silently
changed. Amounts that are computed (hours × rate, VAT, fee percentages) are
rounded once, *half-up* to the cent, as EN 16931 (BR-CO-17) and the Dutch tax
authority do. Python's own default is half-even ("banker's rounding"), which
would turn €0.125 into €0.12: `round_to_cent` never does.
"""

from collections.abc import Hashable, Mapping
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import TypeVar

from services.billing.domain.errors import AmountMustBeCents, AmountMustNotBeNegative

CURRENCY = "EUR"
CENT = Decimal("0.01")
ZERO = Decimal("0.00")
HUNDRED = Decimal(100)

K = TypeVar("K", bound=Hashable)


def round_to_cent(value: Decimal) -> Decimal:
    """`value` rounded half-up to whole cents: 0.005 → 0.01, 0.004999 → 0.00, −0.005 → −0.01."""
    if not isinstance(value, Decimal):
        raise TypeError(f"money is Decimal, not {type(value).__name__}")
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def percent_of(amount: Decimal, percent: Decimal) -> Decimal:
    """`percent` % of `amount`, rounded half-up once: 5 % of 100.10 = 5.005 → 5.01."""
    return round_to_cent(amount * percent / HUNDRED)


def is_whole_cents(value: Decimal) -> bool:
    return value.is_finite() and value == value.quantize(CENT)


def parse_amount(value, field: str, *, allow_negative: bool = False) -> Decimal:
    """An amount from outside (a person, an event), checked and never rounded.

    Accepts `Decimal`, `int` or a decimal string such as `"85.00"`; refuses floats
    (0.1 + 0.2 is not 0.3 in binary), more than 2 decimals, and — unless
    `allow_negative` — amounts below zero. Returns the amount with 2 decimals.
    """
    if isinstance(value, bool | float):
        raise AmountMustBeCents(field, value)
    try:
        amount = Decimal(value) if isinstance(value, int | str) else value
    except InvalidOperation:
        raise AmountMustBeCents(field, value) from None
    if not isinstance(amount, Decimal) or not is_whole_cents(amount):
        raise AmountMustBeCents(field, value)
    if amount < 0 and not allow_negative:
        raise AmountMustNotBeNegative(field, amount)
    return amount.quantize(CENT)


def total(amounts) -> Decimal:
    """The exact sum of `amounts` (no rounding), as 2-decimal money."""
    return sum(amounts, ZERO)


def split_pro_rata(amount: Decimal, weights: Mapping[K, Decimal]) -> dict[K, Decimal]:
    """Share `amount` over `weights` in whole cents that add up to exactly `amount`.

    Largest-remainder method: each key first gets its share rounded *down* to the
    cent; the cents left over go one by one to the largest remainders (ties: in
    the order of `weights`). Used where a sum must be divided without losing or
    creating a cent, e.g. pro-rating solidarity benefits over the fund's balance.
    """
    if amount < 0 or not is_whole_cents(amount):
        raise ValueError(f"can only split a non-negative cent amount, not {amount}")
    weight_total = sum(weights.values(), Decimal(0))
    if weight_total <= 0:
        return {key: ZERO for key in weights}
    cents = int(amount / CENT)
    exact = {key: Decimal(cents) * weight / weight_total for key, weight in weights.items()}
    shares = {key: int(value) for key, value in exact.items()}  # int() truncates toward 0
    left_over = cents - sum(shares.values())
    by_remainder = sorted(weights, key=lambda key: exact[key] - shares[key], reverse=True)
    for key in by_remainder[:left_over]:
        shares[key] += 1
    return {key: Decimal(share) * CENT for key, share in shares.items()}

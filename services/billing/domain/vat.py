"""Dutch VAT rates, EN 16931 VAT categories, and VAT computed once per rate.

The rates are 21 % (standard, the default), 9 % (reduced) and 0 %; nothing else
is accepted. VAT is *never* summed from rounded line amounts: for each
(category, rate) the line nets are added up exactly and the VAT is computed once
on that total and rounded half-up to the cent (EN 16931 BR-CO-17, DESIGN.md).
Per-line rounding can differ from this by several cents on an invoice with many
small lines; the rate total is the amount the law and the e-invoice validators
check.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from services.billing.domain.errors import UnknownVatRate
from services.billing.domain.money import HUNDRED, ZERO, round_to_cent, total

STANDARD_RATE = Decimal("21")
REDUCED_RATE = Decimal("9")
ZERO_RATE = Decimal("0")
DUTCH_RATES = (STANDARD_RATE, REDUCED_RATE, ZERO_RATE)

# EN 16931 VAT category codes (UNCL 5305 subset) and what they mean on the invoice.
STANDARD = "S"  # Dutch VAT charged at 21 % or 9 %
ZERO_RATED = "Z"  # Dutch VAT at 0 %
REVERSE_CHARGE = "AE"  # "btw verlegd": the EU business client accounts for the VAT
OUTSIDE_SCOPE = "O"  # services outside the scope of (Dutch) VAT: client outside the EU
CATEGORY_NAMES = {
    STANDARD: "Standard rate",
    ZERO_RATED: "Zero rated",
    REVERSE_CHARGE: "Reverse charge",
    OUTSIDE_SCOPE: "Not subject to VAT",
}


def parse_vat_rate(value) -> Decimal:
    """A Dutch VAT rate from input: 21, 9 or 0 (as number or string); `UnknownVatRate` else."""
    if isinstance(value, float | bool):
        raise UnknownVatRate(value, DUTCH_RATES)
    try:
        rate = Decimal(str(value))
    except InvalidOperation:
        raise UnknownVatRate(value, DUTCH_RATES) from None
    if not rate.is_finite() or rate not in DUTCH_RATES:
        raise UnknownVatRate(value, DUTCH_RATES)
    return next(r for r in DUTCH_RATES if r == rate)


def domestic_category(rate: Decimal) -> str:
    return ZERO_RATED if rate == ZERO_RATE else STANDARD


@dataclass(frozen=True)
class VatSubtotal:
    """One line of the VAT breakdown: all lines with the same category and rate."""

    category: str
    rate: Decimal
    taxable_amount: Decimal
    vat_amount: Decimal


def vat_on(taxable_amount: Decimal, rate: Decimal) -> Decimal:
    """VAT on a rate's total, half-up: 21 % of 0.05 = 0.0105 → 0.01; 21 % of 0.50 = 0.105 → 0.11."""
    return round_to_cent(taxable_amount * rate / HUNDRED)


def vat_breakdown(lines: Iterable) -> tuple[VatSubtotal, ...]:
    """The VAT subtotals of `lines` (anything with `net`, `vat_category`, `vat_rate`).

    Ordered by rate, highest first, then category.
    """
    groups: dict[tuple[str, Decimal], list[Decimal]] = {}
    for line in lines:
        groups.setdefault((line.vat_category, line.vat_rate), []).append(line.net)
    subtotals = []
    for (category, rate), nets in groups.items():
        taxable = total(nets)
        vat = vat_on(taxable, rate) if category in (STANDARD, ZERO_RATED) else ZERO
        subtotals.append(VatSubtotal(category, rate, taxable, vat))
    return tuple(sorted(subtotals, key=lambda s: (-s.rate, s.category)))

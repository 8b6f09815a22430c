"""VAT on what the coop buys from partner coops: their members' approved hours on external
contracts (coop A, `external_work.py`), which the lending coop invoices us for.

A service to a business is supplied where the business is established (art. 44 Directive
2006/112/EC): we are in the Netherlands, so Dutch VAT is due on every such purchase. Who
pays it to the Belastingdienst follows where the partner coop is established (its
`billing.country` in the partner registry, `partner_parties.py`):

- `NL`: the partner charges Dutch VAT on its invoice; we pay it with the invoice and
  deduct it (5b: `pay_partner_coop`'s `vat`, `partner_payments.py`). Not a box-4 purchase.
- another EU member state: the partner invoices without VAT, reverse charge (art. 196
  Directive; "btw verlegd"): we owe the Dutch VAT ourselves, **box 4b** ("leveringen/
  diensten uit landen binnen de EU"), and deduct the same VAT as input VAT in 5b.
- outside the EU: likewise reverse-charged to us (art. 12 lid 3 Wet OB 1968): **box 4a**
  ("leveringen/diensten uit landen buiten de EU"), also deducted in 5b.
- a partner the registry has no billing details of: billing cannot tell; its purchases are
  listed apart (`PartnerWithoutCountry`) for the operator to give its details, and are in
  no box.

**When.** A purchase is booked when our client approves the hours: the posting
`external_hours_approved` credits `partner_coop_payables:<partner>` with the hours at the
partner rate (the day billing knows the service was rendered; the partner invoices the same
hours at month end). A quarter holds the purchases booked in it (their reversals count
negative; payments to the partner are not purchases), so hours approved later never change
a quarter's figures: they are a later quarter's. (The partner's country is read from the
registry as it is now: billing details given or changed later place a quarter's purchases
anew.)

**Rounding** (as for output VAT, `vat.py`: VAT on a total, never summed from rounded
pieces): per partner coop and quarter, the base is the exact sum of its purchases (each in
cents already: hours × partner rate, half-up per open unit, `external_work.py`) and the VAT
is `base × 21 %` rounded half-up to the cent once; a box holds the sum of its partners'
bases and VATs. E.g. bases 0.50 and 0.50 of two partners: VAT 0.11 + 0.11 = 0.22 (not 0.21
of 1.00).
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from services.billing.domain.accounts import PARTNER_COOP_PAYABLES, code_of
from services.billing.domain.money import ZERO
from services.billing.domain.period import Quarter
from services.billing.domain.posting import Posting
from services.billing.domain.vat import STANDARD_RATE, vat_on
from services.billing.domain.vat_treatment import EU_MEMBER_STATES, NETHERLANDS

# The postings that book (or undo) a purchase from a partner coop.
PURCHASE_KINDS = frozenset({"external_hours_approved", "external_hours_approved_reversed"})

FROM_THE_NETHERLANDS = "domestic"  # Dutch VAT on the partner's invoice (5b by payment)
FROM_THE_EU = "4b"
FROM_OUTSIDE_THE_EU = "4a"


@dataclass(frozen=True)
class PartnerPurchase:
    """What one posting booked as bought from one partner coop (negative: a reversal)."""

    partner_id: str
    booked_on: date
    taxable: Decimal


@dataclass(frozen=True)
class ReverseChargedPurchases:
    """One partner coop's purchases in a quarter, and the Dutch VAT we owe on them."""

    partner_id: str
    country: str
    box: str  # FROM_THE_EU or FROM_OUTSIDE_THE_EU
    taxable: Decimal
    vat: Decimal


@dataclass(frozen=True)
class PartnerWithoutCountry:
    """Purchases from a partner coop billing has no billing details of (no country)."""

    partner_id: str
    taxable: Decimal


def purchases_from_partners(postings: Iterable[Posting]) -> list[PartnerPurchase]:
    """The purchases `postings` book: per purchase posting and partner payable account,
    credit − debit (what we came to owe the partner for its members' hours)."""
    found = []
    for posting in postings:
        if posting.kind not in PURCHASE_KINDS:
            continue
        owed: dict[str, Decimal] = {}
        for entry in posting.entries:
            if code_of(entry.account) == PARTNER_COOP_PAYABLES:
                partner_id = entry.account.split(":", 1)[1]
                owed[partner_id] = owed.get(partner_id, ZERO) + entry.credit - entry.debit
        found += [PartnerPurchase(partner_id, posting.booked_on, amount)
                  for partner_id, amount in owed.items() if amount]
    return found


def purchase_origin(country: str) -> str:
    """Which box a purchase from a partner established in `country` belongs to."""
    if country == NETHERLANDS:
        return FROM_THE_NETHERLANDS
    if country in EU_MEMBER_STATES:
        return FROM_THE_EU
    return FROM_OUTSIDE_THE_EU


def reverse_charged_purchases(
        purchases: Iterable[PartnerPurchase], quarter: Quarter,
        countries: Mapping[str, str | None],
) -> tuple[list[ReverseChargedPurchases], list[PartnerWithoutCountry]]:
    """The quarter's purchases from partner coops outside the Netherlands, per partner with
    the VAT we owe on them (boxes 4a and 4b), and those of partners whose country billing
    does not know (`countries`: partner id → country, None or absent: unknown). Partners in
    the order of their first purchase in the quarter."""
    bases: dict[str, Decimal] = {}
    for purchase in purchases:
        if quarter.contains(purchase.booked_on):
            bases[purchase.partner_id] = bases.get(purchase.partner_id, ZERO) + purchase.taxable
    charged, unknown = [], []
    for partner_id, base in bases.items():
        if not base:
            continue
        country = countries.get(partner_id)
        if country is None:
            unknown.append(PartnerWithoutCountry(partner_id, base))
            continue
        origin = purchase_origin(country)
        if origin != FROM_THE_NETHERLANDS:
            charged.append(ReverseChargedPurchases(partner_id, country, origin, base,
                                                   vat_on(base, STANDARD_RATE)))
    return charged, unknown

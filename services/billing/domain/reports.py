"""Reports as pure functions over issued documents and ledger postings.

**Quarterly VAT return summary** (`vat_return`), by the boxes of the Dutch return
(aangifte omzetbelasting), from the invoices and credit notes *issued* in the
quarter (the coop accounts for VAT on invoice date; credit notes count negative):

    1a  supplies at 21 %: taxable amount and VAT
    1b  supplies at 9 %: taxable amount and VAT
    1e  supplies at 0 % or not taxed in NL (domestic 0 %, clients outside the EU)
    3b  services to businesses in other EU countries (reverse charge) — and the
        same amounts per client VAT id for the ICP listing (opgaaf ICP)
    4a  services from partner coops outside the EU, reverse-charged to us: the base and
        the Dutch VAT (21 %) we owe on it
    4b  services from partner coops in other EU countries, reverse-charged to us ("btw
        verlegd"): the base and the Dutch VAT (21 %) we owe on it — both from the
        purchases booked in the quarter (approved external hours at the partner rate),
        the VAT per partner half-up to the cent (`purchase_vat.py`)
    5b  input VAT (voorbelasting, `input_vat`): the Dutch VAT we paid on Dutch partner
        coops' invoices (`partner_payments.py`), in the quarter of the payment, as the
        ledger books it (Dr vat_payable on the payment's day), plus the VAT of 4a and 4b,
        which is deductible as soon as it is due

`vat_due` = the VAT of 1a, 1b, 4a and 4b − input VAT: what the quarter moved on
`vat_payable` (4a and 4b are owed and deducted in the same return, so for the fully taxable
coop they net to nothing there and the ledger books neither). Purchases from a partner coop
billing has no billing details of cannot be put in a box: `purchases_without_country` lists
them (partner id → base) until the operator gives the partner's country.

**A member's annual statement** (`member_annual_statement`): what was invoiced for
the member's work in a year (net, coop fee, development fund, their share), and
what moved on their account (benefits, deposits, payouts), with opening and
closing balances — what a member needs for their own income-tax return.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from services.billing.domain.accounts import SOLIDARITY_FUND, payable_to
from services.billing.domain.invoice import Invoice
from services.billing.domain.member_share import MemberShare
from services.billing.domain.money import ZERO
from services.billing.domain.period import Quarter
from services.billing.domain.posting import Posting
from services.billing.domain.purchase_vat import (
    FROM_THE_EU,
    PartnerPurchase,
    reverse_charged_purchases,
)
from services.billing.domain.vat import (
    OUTSIDE_SCOPE,
    REDUCED_RATE,
    REVERSE_CHARGE,
    STANDARD,
    STANDARD_RATE,
    ZERO_RATED,
)


@dataclass
class VatBox:
    taxable: Decimal = ZERO
    vat: Decimal = ZERO


@dataclass
class VatReturn:
    quarter: Quarter
    box_1a: VatBox = field(default_factory=VatBox)  # 21 %
    box_1b: VatBox = field(default_factory=VatBox)  # 9 %
    box_1e: VatBox = field(default_factory=VatBox)  # 0 % / not taxed in NL
    box_3b: VatBox = field(default_factory=VatBox)  # EU B2B services, reverse charge
    box_4a: VatBox = field(default_factory=VatBox)  # bought outside the EU, reverse charge
    box_4b: VatBox = field(default_factory=VatBox)  # bought in other EU countries, idem
    icp_listing: dict[str, Decimal] = field(default_factory=dict)  # client VAT id → net
    input_vat: Decimal = ZERO  # 5b: VAT paid on Dutch partners' invoices + 4a and 4b's VAT
    purchases_without_country: dict[str, Decimal] = field(default_factory=dict)  # partner → base

    @property
    def vat_due(self) -> Decimal:
        return (self.box_1a.vat + self.box_1b.vat + self.box_4a.vat + self.box_4b.vat
                - self.input_vat)


def vat_return(documents: Iterable[Invoice], quarter: Quarter,
               partner_payments: Iterable = (),
               purchases: Iterable[PartnerPurchase] = (),
               partner_countries: Mapping[str, str | None] | None = None) -> VatReturn:
    """The return of the documents issued, the partner payments (`PartnerPayment`:
    `paid_on`, `vat`) paid and the purchases from partner coops booked in `quarter`
    (`partner_countries`: partner id → the country it is established in)."""
    report = VatReturn(quarter)
    paid_vat = sum((p.vat for p in partner_payments if quarter.contains(p.paid_on)), ZERO)
    charged, unknown = reverse_charged_purchases(purchases, quarter, partner_countries or {})
    for partner in charged:
        box = report.box_4b if partner.box == FROM_THE_EU else report.box_4a
        box.taxable += partner.taxable
        box.vat += partner.vat
    report.purchases_without_country = {p.partner_id: p.taxable for p in unknown}
    report.input_vat = paid_vat + report.box_4a.vat + report.box_4b.vat
    for document in documents:
        if not quarter.contains(document.issue_date):
            continue
        sign = -1 if document.is_credit_note else 1
        for subtotal in document.vat_subtotals:
            box = _box(report, subtotal.category, subtotal.rate)
            box.taxable += sign * subtotal.taxable_amount
            box.vat += sign * subtotal.vat_amount
            if subtotal.category == REVERSE_CHARGE:
                vat_id = document.customer.vat_id or ""
                report.icp_listing[vat_id] = (report.icp_listing.get(vat_id, ZERO)
                                              + sign * subtotal.taxable_amount)
    report.icp_listing = dict(sorted(report.icp_listing.items()))
    return report


def _box(report: VatReturn, category: str, rate: Decimal) -> VatBox:
    if category == STANDARD and rate == STANDARD_RATE:
        return report.box_1a
    if category == STANDARD and rate == REDUCED_RATE:
        return report.box_1b
    if category in (ZERO_RATED, OUTSIDE_SCOPE):
        return report.box_1e
    if category == REVERSE_CHARGE:
        return report.box_3b
    raise ValueError(f"no VAT return box for category {category} at {rate}%")


@dataclass(frozen=True)
class AnnualStatement:
    member_id: str
    year: int
    invoiced: MemberShare  # net, coop fee, development fund, member share (credit notes off)
    opening_balance: Decimal  # what the coop owed the member on 1 January
    earned: Decimal  # shares of approved hours booked in the year, less credit notes
    benefits: Decimal
    deposits: Decimal
    payouts: Decimal
    other: Decimal  # reversals and corrections
    closing_balance: Decimal


def member_annual_statement(member_id: str, year: int, documents: Iterable[Invoice],
                            postings: Iterable[Posting]) -> AnnualStatement:
    invoiced = MemberShare.nothing()
    for document in documents:
        if document.issue_date.year != year:
            continue
        share = document.shares_by_member().get(member_id)
        if share is not None:
            invoiced = invoiced - share if document.is_credit_note else invoiced + share
    account = payable_to(member_id)
    opening = earned = benefits = deposits = payouts = other = ZERO
    first_day = date(year, 1, 1)
    for posting in postings:
        for entry in posting.entries:
            if entry.account != account:
                continue
            owed_change = entry.credit - entry.debit
            if posting.booked_on < first_day:
                opening += owed_change
            elif posting.booked_on.year == year:
                if posting.kind in ("hours_approved", "credit_note_issued"):
                    earned += owed_change
                elif posting.kind == "benefit_granted":
                    benefits += owed_change
                elif posting.kind == "payout":
                    deposit = sum((e.credit for e in posting.entries
                                   if e.account == SOLIDARITY_FUND), ZERO)
                    deposits += deposit
                    payouts += -owed_change - deposit
                else:
                    other += owed_change
    closing = opening + earned + benefits - deposits - payouts + other
    return AnnualStatement(member_id, year, invoiced, opening, earned, benefits, deposits,
                           payouts, other, closing)

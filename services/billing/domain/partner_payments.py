"""Coop A pays the partner coops whose members worked for its clients.

Approved external hours credit `partner_coop_payables:<partner>` (`external_work.py`); a
payment to the partner coop (its invoice to us, `reference`) debits it again:

    partner paid      Dr partner_coop_payables:<partner> (amount)     Cr bank (amount + vat)
                      Dr vat_payable (vat: the Dutch VAT on the partner's invoice, deductible
                                      input VAT; 0 under reverse charge or outside NL)

`amount` is the net we owed (the partner invoiced its hours at the partner rate); a Dutch
partner's invoice also carries 21 % VAT, which we pay with it and deduct (`vat`).

Rules:
- `AmountMustBePositive`; at most 2 decimals (the schema); `vat` is 0 or more;
- `PaymentDateInTheFuture`: money leaves the bank on a day that has come;
- `PaymentNeedsReference`: what it pays (e.g. the partner's invoice number);
- `VatOnlyOnADutchPartnersInvoice`: `vat` above 0 only to a partner coop established in
  the Netherlands (`billing.country` NL in the partner registry). A partner elsewhere
  invoices under reverse charge, with no Dutch VAT: we owe and deduct that VAT ourselves in
  the return (boxes 4a/4b, `purchase_vat.py`), so paying it too would deduct it twice. A
  partner billing has no billing details of cannot be told apart: give them first;
- `PaymentExceedsPartnerPayable` (409): never pay a partner more than the ledger says we
  owe it (the open payable, read under the ledger lock): an over-payment would be a
  claim on the partner, which the books of external work do not hold.

What we owe each partner is the ledger's (`PartnerBalance`): approved external hours at
the partner rate (credits), paid (debits), open (the difference).
"""

import uuid
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from infra.errors import Conflict, Invalid
from infra.errors import field_error as _field
from services.billing.domain.accounts import BANK, VAT_PAYABLE, partner_coop_payable
from services.billing.domain.errors import AmountMustBePositive
from services.billing.domain.money import parse_amount
from services.billing.domain.posting import Posting, credit, debit, make_posting
from services.billing.domain.vat_treatment import NETHERLANDS


class PaymentExceedsPartnerPayable(Conflict):
    def __init__(self, partner: str, amount: Decimal, open_payable: Decimal):
        super().__init__(
            f"A payment of €{amount} to partner coop {partner} is more than the "
            f"€{open_payable} we owe it for approved external hours.",
            _field("amount", f"At most €{open_payable} is owed."))


class PaymentNeedsReference(Invalid):
    def __init__(self):
        super().__init__("Say what the payment pays, e.g. the partner coop's invoice number.",
                         _field("reference", "Give the partner's invoice number or a text."))


class PaymentDateInTheFuture(Invalid):
    def __init__(self, paid_on: date, today: date):
        super().__init__(f"A payment on {paid_on} has not happened yet (today is {today}).",
                         _field("paid_on", f"Give a day on or before {today}."))


class VatOnlyOnADutchPartnersInvoice(Invalid):
    def __init__(self, partner: str, country: str | None):
        why = (f"is established in {country}: it invoices us under reverse charge, and we "
               "account for that VAT in the VAT return (box 4a or 4b)" if country else
               "has no billing details here, so billing cannot tell whether its invoice "
               "carries Dutch VAT: give them in the partner registry first")
        super().__init__(f"Partner coop {partner} {why}.",
                         _field("vat", "Only a partner coop established in the Netherlands "
                                       "charges Dutch VAT: give 0.00."))


@dataclass(frozen=True)
class PartnerPayment:
    partner_id: str
    amount: Decimal
    paid_on: date
    reference: str  # e.g. the partner coop's invoice number
    vat: Decimal = Decimal("0.00")  # input VAT paid with it (a Dutch partner's invoice)
    id: str = field(default_factory=lambda: str(uuid.uuid4()))
    posting_id: str | None = None
    recorded_at: datetime | None = None


def partner_payment(partner_id: str, amount, paid_on: date, reference: str,
                    today: date, vat=Decimal("0.00")) -> PartnerPayment:
    """A payment as asked, checked on its own (the payable is checked by the use case)."""
    value, tax = parse_amount(amount, "amount"), parse_amount(vat, "vat")
    if value <= 0:
        raise AmountMustBePositive("amount", value)
    if not reference.strip():
        raise PaymentNeedsReference()
    if paid_on > today:
        raise PaymentDateInTheFuture(paid_on, today)
    return PartnerPayment(partner_id, value, paid_on, reference, tax)


def check_within_payable(payment: PartnerPayment, open_payable: Decimal,
                         partner_name: str | None = None) -> None:
    if payment.amount > open_payable:
        who = f"{partner_name} ({payment.partner_id})" if partner_name else payment.partner_id
        raise PaymentExceedsPartnerPayable(who, payment.amount, open_payable)


def check_vat_fits_partner(payment: PartnerPayment, country: str | None,
                           partner_name: str | None = None) -> None:
    """`country`: where the partner coop is established (None: billing does not know)."""
    if payment.vat and country != NETHERLANDS:
        who = f"{partner_name} ({payment.partner_id})" if partner_name else payment.partner_id
        raise VatOnlyOnADutchPartnersInvoice(who, country)


def partner_paid(causation_id: str, payment: PartnerPayment,
                 partner_name: str | None = None) -> Posting:
    """Dr partner_coop_payables:<partner>, vat_payable (input VAT)  Cr bank."""
    who = partner_name or payment.partner_id
    return make_posting(causation_id, "partner_paid", payment.paid_on,
                        f"Payment to partner coop {who}: {payment.reference}"[:200],
                        [debit(partner_coop_payable(payment.partner_id), payment.amount),
                         debit(VAT_PAYABLE, payment.vat),
                         credit(BANK, payment.amount + payment.vat)],
                        reference="partner_payment")


@dataclass(frozen=True)
class PartnerBalance:
    """What we owe one partner coop, from its payable account (credit-normal)."""

    partner_id: str
    name: str | None
    approved_cost: Decimal  # Σ credits: approved external hours at the partner rate
    paid: Decimal  # Σ debits: payments to the partner

    @property
    def open_payable(self) -> Decimal:
        return self.approved_cost - self.paid

"""Coop A pays its partner coops for external work (rules in `partner_payments.py`)."""

from dataclasses import replace
from datetime import date
from decimal import Decimal

from services.billing.domain.accounts import partner_coop_payable
from services.billing.domain.partner_payments import (
    PartnerPayment,
    check_vat_fits_partner,
    check_within_payable,
    partner_paid,
    partner_payment,
)
from services.billing.domain.ports import UnitOfWork
from services.billing.domain.use_cases._support import credit_normal, now, post


def pay_partner_coop(uow: UnitOfWork, partner_id: str, amount, paid_on: date, reference: str,
                     command_id: str, today: date | None = None,
                     vat=Decimal("0.00")) -> PartnerPayment:
    """Record that we paid a partner coop (e.g. its invoice `reference`): Dr its payable
    (`amount`) and vat_payable (`vat`, input VAT on a Dutch partner's invoice), Cr bank, and
    the payment, in one transaction. Run under the ledger lock (a serialised
    unit of work), so two payments cannot both fit the same open payable.
    `PaymentExceedsPartnerPayable` when it is more than we owe the partner (also one we
    owe nothing); `VatOnlyOnADutchPartnersInvoice`; `PaymentDateInTheFuture`;
    `AmountMustBePositive`."""
    asked = partner_payment(partner_id, amount, paid_on, reference, today or now().date(), vat)
    with uow:
        partner = uow.partner_coops.get(partner_id)
        name = partner.name if partner else None
        check_vat_fits_partner(asked, partner.country if partner else None, name)
        check_within_payable(asked, credit_normal(uow, partner_coop_payable(partner_id)), name)
        posting = post(uow, partner_paid(command_id, asked, name))
        payment = replace(asked, id=command_id, posting_id=posting.id, recorded_at=now())
        uow.partner_payments.add(payment)
        uow.commit()
        return payment

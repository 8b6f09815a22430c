"""Reports read from issued documents and postings (`reports.py` computes them)."""

from datetime import date

from services.billing.domain.accounts import payable_to
from services.billing.domain.period import Quarter
from services.billing.domain.ports import UnitOfWork
from services.billing.domain.purchase_vat import PURCHASE_KINDS, purchases_from_partners
from services.billing.domain.reports import (
    AnnualStatement,
    VatReturn,
    member_annual_statement,
    vat_return,
)


def get_vat_return(uow: UnitOfWork, quarter: Quarter) -> VatReturn:
    """The quarter's VAT return summary (operators): output VAT of the documents issued,
    the VAT reverse-charged to us on partner coops' work booked in the quarter (4a, 4b:
    the partner's country from the partner registry) and input VAT (5b)."""
    first, last = quarter.first_day, quarter.last_day
    with uow:
        purchases = purchases_from_partners(uow.ledger.postings_booked_between(
            first, last, PURCHASE_KINDS))
        partners = {partner_id: uow.partner_coops.get(partner_id)
                    for partner_id in {p.partner_id for p in purchases}}
        countries = {pid: partner.country if partner else None
                     for pid, partner in partners.items()}
        return vat_return(uow.invoices.issued_between(first, last), quarter,
                          uow.partner_payments.paid_between(first, last), purchases, countries)


def get_member_annual_statement(uow: UnitOfWork, member_id: str, year: int) -> AnnualStatement:
    """What a member needs for their income-tax return (the member, operators)."""
    with uow:
        documents = uow.invoices.issued_between(date(year, 1, 1), date(year, 12, 31))
        postings = uow.ledger.postings(payable_to(member_id))
        return member_annual_statement(member_id, year, documents, postings)

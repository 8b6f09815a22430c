"""Reports read from issued documents and postings (`reports.py` computes them)."""

from datetime import date

from services.billing.domain.accounts import payable_to
from services.billing.domain.period import Quarter
from services.billing.domain.ports import UnitOfWork
from services.billing.domain.reports import (
    AnnualStatement,
    VatReturn,
    member_annual_statement,
    vat_return,
)


def get_vat_return(uow: UnitOfWork, quarter: Quarter) -> VatReturn:
    """The quarter's VAT return summary (operators): output VAT of the documents issued,
    input VAT of the partner coops' invoices paid."""
    with uow:
        return vat_return(uow.invoices.issued_between(quarter.first_day, quarter.last_day),
                          quarter, uow.partner_payments.paid_between(quarter.first_day,
                                                                     quarter.last_day))


def get_member_annual_statement(uow: UnitOfWork, member_id: str, year: int) -> AnnualStatement:
    """What a member needs for their income-tax return (the member, operators)."""
    with uow:
        documents = uow.invoices.issued_between(date(year, 1, 1), date(year, 12, 31))
        postings = uow.ledger.postings(payable_to(member_id))
        return member_annual_statement(member_id, year, documents, postings)

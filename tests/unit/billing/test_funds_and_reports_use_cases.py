"""Money into the funds, and the reports read through the unit of work."""

from datetime import date
from decimal import Decimal

import pytest

from services.billing.domain import use_cases
from services.billing.domain.accounts import BANK, GUARANTEE_FUND
from services.billing.domain.errors import (
    AmountMustBePositive,
    NotAFund,
    NotAFundSource,
    UnknownAccount,
)
from services.billing.domain.period import Quarter
from tests.unit.billing.builders import SETTINGS
from tests.unit.billing.story import MARCH, a_coop, command, work

D = Decimal


def test_a_contribution_fills_a_fund_once_per_command():
    uow = a_coop(guarantee_fund="0.00")
    once = command()
    use_cases.contribute_to_fund(uow, GUARANTEE_FUND, "2500.00", date(2026, 1, 2), once)
    use_cases.contribute_to_fund(uow, GUARANTEE_FUND, "2500.00", date(2026, 1, 2), once)
    assert -uow.ledger.balance(GUARANTEE_FUND) == D("2500.00")
    assert uow.ledger.balance(BANK) == D("2500.00")


@pytest.mark.parametrize(("fund", "amount", "source", "error"), [
    ("bank", "10.00", "bank", NotAFund),
    (GUARANTEE_FUND, "10.00", "vat_payable", NotAFundSource),
    (GUARANTEE_FUND, "0.00", "bank", AmountMustBePositive),
])
def test_a_contribution_goes_into_a_fund_from_the_bank_or_the_fee(fund, amount, source, error):
    uow = a_coop()
    postings = len(uow.ledger.postings())
    with pytest.raises(error):
        use_cases.contribute_to_fund(uow, fund, amount, date(2026, 1, 2), command(), source)
    assert len(uow.ledger.postings()) == postings


def test_a_statement_of_an_account_the_ledger_cannot_have_is_invalid():
    with pytest.raises(UnknownAccount) as raised:
        use_cases.get_account_statement(a_coop(), "petty_cash")
    assert raised.value.errors[0]["field"] == "account"


def test_the_vat_return_and_the_annual_statement_read_the_issued_documents():
    uow = a_coop()
    work(uow, "anouk", {2: "10"})
    use_cases.run_monthly_invoicing(uow, MARCH, date(2026, 4, 1), command(), SETTINGS)
    report = use_cases.get_vat_return(uow, Quarter(2026, 2))
    assert (report.box_1a.taxable, report.box_1a.vat) == (D("850.00"), D("178.50"))
    statement = use_cases.get_member_annual_statement(uow, "anouk", 2026)
    assert statement.invoiced.member == D("799.00")
    assert statement.closing_balance == D("799.00")

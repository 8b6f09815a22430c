"""The ledger: the trial balance, account statements within the caller's scope, and money
paid into the coop's funds."""

from datetime import date
from decimal import Decimal

from services.billing.domain.accounts import (
    BANK,
    COOP_FEE_REVENUE,
    DEVELOPMENT_FUND,
    GUARANTEE_FUND,
    SOLIDARITY_FUND,
    is_known,
    payable_to,
)
from services.billing.domain.errors import (
    AmountMustBePositive,
    NotAFund,
    NotAFundSource,
    UnknownAccount,
)
from services.billing.domain.journal import StatementLine, account_statement, trial_balance
from services.billing.domain.money import parse_amount
from services.billing.domain.ports import UnitOfWork
from services.billing.domain.posting import Posting
from services.billing.domain.postings import fund_contribution
from services.billing.domain.use_cases._support import post

FUNDS = (GUARANTEE_FUND, SOLIDARITY_FUND, DEVELOPMENT_FUND)
SOURCES = (BANK, COOP_FEE_REVENUE)


def get_trial_balance(uow: UnitOfWork) -> dict[str, Decimal]:
    """Operators only (the gateway scopes it)."""
    with uow:
        return trial_balance(uow.ledger.postings())


def get_account_statement(uow: UnitOfWork, account: str, start: date | None = None,
                          end: date | None = None) -> list[StatementLine]:
    """Operators: any account; `UnknownAccount` for a name the ledger cannot have."""
    if not is_known(account):
        raise UnknownAccount(account)
    with uow:
        return account_statement(uow.ledger.postings(account), account, start, end)


def get_member_statement(uow: UnitOfWork, member_id: str, start: date | None = None,
                         end: date | None = None) -> list[StatementLine]:
    """A member's own account: what the coop owes them, and why it changed."""
    return get_account_statement(uow, payable_to(member_id), start, end)


def contribute_to_fund(uow: UnitOfWork, fund: str, amount, booked_on: date, command_id: str,
                       source: str = BANK, why: str = "Contribution") -> Posting:
    """Money into a fund: paid into the bank, or allocated from the coop's fee revenue.

    This is how the guarantee fund gets the money it advances to members before
    clients pay (`guarantee.py`). The same `command_id` twice posts once.
    """
    if fund not in FUNDS:
        raise NotAFund(fund, FUNDS)
    if source not in SOURCES:
        raise NotAFundSource(source, SOURCES)
    value = parse_amount(amount, "amount")
    if value <= 0:
        raise AmountMustBePositive("amount", value)
    with uow:
        posting = post(uow, fund_contribution(command_id, booked_on, fund, value, source, why),
                       development={None: value} if fund == DEVELOPMENT_FUND else None)
        uow.commit()
        return posting


__all__ = ["contribute_to_fund", "get_account_statement", "get_member_statement",
           "get_trial_balance"]

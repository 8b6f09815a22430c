"""A small coop in memory, driven through the use cases (shared by the use-case tests)."""

import uuid
from datetime import date
from decimal import Decimal

from services.billing.domain import use_cases
from services.billing.domain.accounts import GUARANTEE_FUND, SOLIDARITY_FUND
from services.billing.domain.period import Month
from services.billing.domain.posting import credit, debit, make_posting
from tests.unit.billing.builders import (
    DUTCH_CLIENT,
    GERMAN_CLIENT,
    MEMBER_IBANS,
    SETTINGS,
    assignment,
)
from tests.unit.billing.fakes import FakeUnitOfWork

MARCH = Month(2026, 3)


def event(data: dict | None = None) -> dict:
    return {"id": str(uuid.uuid4()), "data": data or {}}


def command() -> str:
    return str(uuid.uuid4())


def a_coop(guarantee_fund="10000.00", solidarity_fund="0.00") -> FakeUnitOfWork:
    """Two clients, three members with contracts, funds with money in them."""
    uow = FakeUnitOfWork()
    for client in (DUTCH_CLIENT, GERMAN_CLIENT):
        use_cases.record_client(uow, event(), client)
    for member, name in (("anouk", "Anouk de Vries"), ("bram", "Bram Jansen"),
                         ("chris", "Chris Müller")):
        uow.add_payee(member, name, MEMBER_IBANS[member])
    use_cases.record_assignment(uow, event(assignment("anouk", DUTCH_CLIENT, "85.00")), SETTINGS)
    use_cases.record_assignment(uow, event(assignment("bram", DUTCH_CLIENT, "85.33")), SETTINGS)
    use_cases.record_assignment(uow, event(assignment("chris", GERMAN_CLIENT, "100.00")),
                                SETTINGS)
    fund(uow, GUARANTEE_FUND, guarantee_fund)
    fund(uow, SOLIDARITY_FUND, solidarity_fund)
    return uow


def fund(uow, account: str, amount: str) -> None:
    posting = make_posting(command(), "fund_contribution", date(2026, 1, 1), "Opening",
                           [debit("bank", Decimal(amount)), credit(account, Decimal(amount))])
    if posting:
        with uow:
            uow.ledger.append(posting)
            uow.commit()


def contract_id(member: str, client=DUTCH_CLIENT) -> str:
    return f"c-{member}-{client.id}-project-1"


def work(uow, member: str, days: dict[int, str], client=DUTCH_CLIENT, approve=True):
    """`member` writes hours on March `days`; the client approves them."""
    entries = use_cases.submit_hours(uow, member, contract_id(member, client),
                                     {date(2026, 3, d): h for d, h in days.items()})
    if approve:
        use_cases.approve_hours(uow, client.id, [e.id for e in entries], command())
    return entries

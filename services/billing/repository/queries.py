"""Read-only lists for the RPC contract: pages in creation order, filtered by scope.

Reading needs no domain rules, so these query the tables directly (the use cases
never call them). Every list is a keyset page over a `seq` column (infra.pagination).
"""

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from infra.pagination import Page, keyset_page
from services.billing.domain.accounts import MEMBER_PAYABLES
from services.billing.domain.invoice import CREDIT_NOTE, INVOICE, Invoice
from services.billing.domain.payout import PayoutBatch
from services.billing.domain.receivable import Receivable
from services.billing.domain.timesheet import TimeEntry
from services.billing.models import (
    contracts,
    invoices,
    ledger_entries,
    payout_batches,
    payout_lines,
    receivables,
    solidarity_memberships,
    time_entries,
)
from services.billing.repository.contracts import contract_from_row
from services.billing.repository.invoices import SqlInvoiceRepository
from services.billing.repository.payouts import load_batches
from services.billing.repository.receivables import load_receivables
from services.billing.repository.sql import cents
from services.billing.repository.time_entries import FIELDS as ENTRY_FIELDS

KINDS = {"invoice": INVOICE, "credit_note": CREDIT_NOTE}


class BillingQueries:
    def __init__(self, session: Session):
        self.session = session

    def contracts(self, limit: int, cursor: str | None, member_id: str | None = None,
                  client_id: str | None = None) -> Page:
        query = select(contracts).where(*_equal(contracts, member_id=member_id,
                                                client_id=client_id))
        return keyset_page(self.session, query, contracts.c.seq, limit, cursor,
                           contract_from_row)

    def time_entries(self, limit: int, cursor: str | None, member_id: str | None = None,
                     client_id: str | None = None, contract_id: str | None = None,
                     status: str | None = None, first_day: date | None = None,
                     last_day: date | None = None) -> Page:
        where = _equal(time_entries, member_id=member_id, client_id=client_id,
                       contract_id=contract_id, status=status)
        if first_day is not None:
            where.append(time_entries.c.day.between(first_day, last_day))
        query = select(time_entries).where(*where)
        return keyset_page(self.session, query, time_entries.c.seq, limit, cursor,
                           lambda row: TimeEntry(*(getattr(row, f) for f in ENTRY_FIELDS)))

    def invoices(self, limit: int, cursor: str | None, client_id: str | None = None,
                 project_id: str | None = None, kind: str | None = None) -> Page:
        """Invoice rows (no lines) with their receivable (None for a credit note)."""
        where = _equal(invoices, client_id=client_id, project_id=project_id)
        if kind is not None:
            where.append(invoices.c.type_code == KINDS[kind])
        page = keyset_page(self.session, select(invoices).where(*where), invoices.c.seq, limit,
                           cursor, lambda row: row)
        numbers = [row.number for row in page.items]
        rows = self.session.execute(select(receivables)
                                    .where(receivables.c.invoice_number.in_(numbers))).all()
        by_number = {r.invoice_number: r for r in load_receivables(self.session, rows)}
        return Page([(row, by_number.get(row.number)) for row in page.items], page.next_cursor)

    def member_payouts(self, member_id: str, limit: int, cursor: str | None) -> Page:
        query = (select(payout_batches.c.seq, payout_batches.c.id.label("batch_id"),
                        payout_batches.c.execution_date, payout_lines.c.amount,
                        payout_lines.c.deposit)
                 .join(payout_lines, payout_lines.c.batch_id == payout_batches.c.id)
                 .where(payout_lines.c.member_id == member_id))
        return keyset_page(self.session, query, payout_batches.c.seq, limit, cursor,
                           lambda row: row._asdict())

    def members_to_pay(self) -> list[str]:
        """Members a payout batch may pay: a payable balance other than zero, or a
        solidarity deposit to take."""
        account = ledger_entries.c.account
        owed = (select(account).where(account.startswith(f"{MEMBER_PAYABLES}:", autoescape=True))
                .group_by(account)
                .having(cents(ledger_entries.c.debit) != cents(ledger_entries.c.credit)))
        members = {row.account.split(":", 1)[1] for row in self.session.execute(owed)}
        members.update(self.session.execute(select(solidarity_memberships.c.member_id)).scalars())
        return sorted(members)

    def invoice(self, number: str) -> tuple[Invoice, Receivable | None] | None:
        """An invoice or credit note with its receivable, read without locking."""
        found = SqlInvoiceRepository(self.session).get(number)
        if found is None:
            return None
        rows = self.session.execute(select(receivables)
                                    .where(receivables.c.invoice_number == number)).all()
        owed = load_receivables(self.session, rows)
        return found, (owed[0] if owed else None)

    def payout_batch(self, batch_id: str) -> PayoutBatch | None:
        found = load_batches(self.session, payout_batches.c.id == batch_id)
        return found[0] if found else None


def _equal(table, **values) -> list:
    return [table.c[name] == value for name, value in values.items() if value is not None]

"""Named locks: one row per name in `locks`, read `SELECT … FOR UPDATE` until commit.

The row is made first with an insert that ignores conflicts, so the first use of a
name needs no migration and two first users do not race. On PostgreSQL the lock
holds until the transaction ends (commit or rollback); SQLite ignores `FOR UPDATE`
but lets one writer in at a time anyway, and a nameko worker never yields the
eventlet hub in the middle of a SQLite transaction (no I/O but the database).

Locks in use, always taken in this order within a transaction:

- `ledger`: every use case that computes postings from balances (approvals, the
  monthly run, credit notes, payments, payouts, benefits, contributions) runs
  under it, so balances cannot change between being read and being posted on;
  and so do solidarity claims, which the benefit run changes. See
  `BillingUnitOfWork.serialised`.
- `payouts`: a payout batch is computed and written by one transaction at a time.
- the year's row in `number_series` (repository/numbers.py).
- time entries and receivables read `FOR UPDATE` by the monthly run and payments.
"""

from sqlalchemy import select
from sqlalchemy.orm import Session

from services.billing.models import locks
from services.billing.repository.sql import insert_ignoring_conflict

LEDGER = "ledger"
PAYOUTS = "payouts"


class NamedLocks:
    def __init__(self, session: Session):
        self.session = session
        self.held: set[str] = set()

    def acquire(self, name: str) -> None:
        """Hold `name` until the transaction ends (taking it twice is a no-op)."""
        if name in self.held:
            return
        insert_ignoring_conflict(self.session, locks, {"name": name})
        self.session.execute(select(locks.c.name).where(locks.c.name == name).with_for_update())
        self.held.add(name)

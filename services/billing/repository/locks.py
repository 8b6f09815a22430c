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

from sqlalchemy.orm import Session

from infra import locks as infra_locks
from services.billing.models import locks

LEDGER = "ledger"
PAYOUTS = "payouts"


class NamedLocks(infra_locks.NamedLocks):
    """`infra.locks.NamedLocks` on billing's `locks` table."""

    def __init__(self, session: Session):
        super().__init__(session, locks)

"""Payout batches, their lines and what waits, and the solidarity deposits taken.

Batches are serialised: `get` (the first thing `create_payout_batch` does) takes the
`payouts` lock, so a second batch is computed only after the first committed, and
asking again for the same batch id finds the first one. Unique on the batch id.
"""

from collections import defaultdict
from datetime import UTC, datetime

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from services.billing.domain.payout import PayoutBatch, PayoutLine, Waiting
from services.billing.domain.period import Month
from services.billing.models import (
    payout_batches,
    payout_lines,
    payout_waiting,
    solidarity_deposits,
)
from services.billing.repository.locks import PAYOUTS, NamedLocks
from services.billing.repository.sql import conflict_on_duplicate

_LINE_FIELDS = ("member_id", "name", "iban", "amount", "deposit", "advance", "end_to_end_id",
                "premium")
_WAITING_FIELDS = ("member_id", "amount", "rule", "reason")


class SqlPayoutRepository:
    def __init__(self, session: Session, locks: NamedLocks):
        self.session = session
        self.locks = locks

    def get(self, batch_id: str) -> PayoutBatch | None:
        self.locks.acquire(PAYOUTS)
        found = load_batches(self.session, payout_batches.c.id == batch_id)
        return found[0] if found else None

    def add(self, batch: PayoutBatch) -> None:
        self.locks.acquire(PAYOUTS)
        with conflict_on_duplicate(f"Payout batch {batch.id} exists already."):
            self.session.execute(insert(payout_batches).values(
                id=batch.id, execution_date=batch.execution_date, total=batch.total,
                created_at=datetime.now(UTC)))
        if batch.lines:
            self.session.execute(insert(payout_lines), [
                {"batch_id": batch.id, "position": position,
                 **{name: getattr(line, name) for name in _LINE_FIELDS}}
                for position, line in enumerate(batch.lines)])
        if batch.waiting:
            self.session.execute(insert(payout_waiting), [
                {"batch_id": batch.id, "position": position,
                 **{name: getattr(waiting, name) for name in _WAITING_FIELDS}}
                for position, waiting in enumerate(batch.waiting)])

    def deposited(self, member_id: str, month: Month) -> bool:
        query = select(solidarity_deposits.c.batch_id).where(
            solidarity_deposits.c.member_id == member_id,
            solidarity_deposits.c.month == str(month))
        return self.session.execute(query).first() is not None

    def record_deposit(self, member_id: str, month: Month, batch_id: str) -> None:
        with conflict_on_duplicate(f"The deposit of {month} was taken already."):
            self.session.execute(insert(solidarity_deposits).values(
                member_id=member_id, month=str(month), batch_id=batch_id))


def load_batches(session: Session, *where) -> list[PayoutBatch]:
    batches = session.execute(select(payout_batches).where(*where)
                              .order_by(payout_batches.c.seq)).all()
    ids = [row.id for row in batches]
    lines, waiting = defaultdict(list), defaultdict(list)
    if ids:
        for row in session.execute(select(payout_lines).where(payout_lines.c.batch_id.in_(ids))
                                   .order_by(payout_lines.c.batch_id, payout_lines.c.position)):
            lines[row.batch_id].append(
                PayoutLine(**{name: getattr(row, name) for name in _LINE_FIELDS}))
        for row in session.execute(select(payout_waiting)
                                   .where(payout_waiting.c.batch_id.in_(ids))
                                   .order_by(payout_waiting.c.batch_id,
                                             payout_waiting.c.position)):
            waiting[row.batch_id].append(
                Waiting(**{name: getattr(row, name) for name in _WAITING_FIELDS}))
    return [PayoutBatch(row.id, row.execution_date, tuple(lines[row.id]), tuple(waiting[row.id]))
            for row in batches]

"""Coop A's payments to partner coops, and what it owes each partner (from the ledger)."""

from datetime import UTC, date, datetime

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from infra.pagination import Page, decode_cursor, encode_cursor, keyset_page
from services.billing.domain.accounts import PARTNER_COOP_PAYABLES
from services.billing.domain.partner_payments import PartnerBalance, PartnerPayment
from services.billing.models import (
    ledger_entries,
    partner_coops,
    partner_payments,
    partner_placements,
)
from services.billing.repository.sql import cents, conflict_on_duplicate, euros

_FIELDS = ("id", "partner_id", "amount", "vat", "paid_on", "reference", "posting_id",
           "recorded_at")
_PREFIX = f"{PARTNER_COOP_PAYABLES}:"


class SqlPartnerPaymentRepository:
    def __init__(self, session: Session):
        self.session = session

    def add(self, payment: PartnerPayment) -> None:
        values = {name: getattr(payment, name) for name in _FIELDS}
        values["recorded_at"] = values["recorded_at"] or datetime.now(UTC)
        with conflict_on_duplicate(f"Partner payment {payment.id} was recorded meanwhile."):
            self.session.execute(insert(partner_payments), values)

    def paid_between(self, first_day: date, last_day: date) -> list[PartnerPayment]:
        rows = self.session.execute(select(partner_payments).where(
            partner_payments.c.paid_on.between(first_day, last_day))
            .order_by(partner_payments.c.seq))
        return [PartnerPayment(**{n: getattr(row, n) for n in _FIELDS}) for row in rows]


class PartnerPaymentQueries:
    """Read-only pages for the operators."""

    def __init__(self, session: Session):
        self.session = session

    def payments(self, limit: int, cursor: str | None,
                 partner_id: str | None = None) -> Page:
        query = select(partner_payments)
        if partner_id is not None:
            query = query.where(partner_payments.c.partner_id == partner_id)
        return keyset_page(self.session, query, partner_payments.c.seq, limit, cursor,
                           lambda row: PartnerPayment(**{n: getattr(row, n) for n in _FIELDS}))

    def balances(self, limit: int, cursor: str | None,
                 partner_id: str | None = None) -> Page:
        """Per partner payable account, in the order the accounts were first posted to (the
        cursor is that first posting's number, so new partners come last)."""
        first = func.min(ledger_entries.c.posting_seq).label("first_seq")
        query = (select(ledger_entries.c.account, first, cents(ledger_entries.c.debit),
                        cents(ledger_entries.c.credit))
                 .where(ledger_entries.c.account.startswith(_PREFIX, autoescape=True))
                 .group_by(ledger_entries.c.account).order_by(first).limit(limit + 1))
        if partner_id is not None:
            query = query.where(ledger_entries.c.account == _PREFIX + partner_id)
        if cursor is not None:
            query = query.having(first > decode_cursor(cursor))
        rows = self.session.execute(query).all()
        more, rows = len(rows) > limit, rows[:limit]
        ids = [row[0].removeprefix(_PREFIX) for row in rows]
        names = self._names(ids)
        items = [PartnerBalance(pid, names.get(pid), euros(credits), euros(debits))
                 for pid, (_, _, debits, credits) in zip(ids, rows, strict=True)]
        return Page(items, encode_cursor(rows[-1][1]) if more else None)

    def _names(self, ids: list[str]) -> dict[str, str]:
        """The registry's name, else the name matching placed the partner's member with."""
        if not ids:
            return {}
        names = dict(self.session.execute(
            select(partner_placements.c.partner_id, func.max(partner_placements.c.partner_name))
            .where(partner_placements.c.partner_id.in_(ids))
            .group_by(partner_placements.c.partner_id)).all())
        names.update(self.session.execute(
            select(partner_coops.c.id, partner_coops.c.name)
            .where(partner_coops.c.id.in_(ids))).all())
        return {k: v for k, v in names.items() if v}

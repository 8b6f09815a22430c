"""The double-entry ledger in SQL: postings and their entries, append-only.

A posting's key is unique on (causation_id, reference), so replaying the command or
event that caused it adds nothing (`journal.py`). Balances are summed in whole
cents by the database (exact on SQLite and PostgreSQL alike); postings are read in
posting order with one joined query, so a statement never sees half a posting.
"""

from collections.abc import Iterable
from datetime import UTC, date, datetime
from decimal import Decimal

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from services.billing.domain.posting import Entry, Posting
from services.billing.models import ledger_entries, postings
from services.billing.repository.sql import cents, conflict_on_duplicate, euros

_POSTING_FIELDS = ("id", "causation_id", "reference", "kind", "booked_on", "description",
                   "reverses")


class SqlLedgerRepository:
    def __init__(self, session: Session):
        self.session = session

    def by_key(self, key: str) -> Posting | None:
        causation_id, _, reference = key.rpartition("#")
        found = self._postings(postings.c.causation_id == causation_id,
                               postings.c.reference == reference)
        return found[0] if found else None

    def append(self, posting: Posting) -> None:
        values = {name: getattr(posting, name) for name in _POSTING_FIELDS}
        with conflict_on_duplicate(f"Posting {posting.key} exists already."):
            seq = self.session.execute(
                insert(postings), {**values, "recorded_at": datetime.now(UTC)}
            ).inserted_primary_key[0]
        self.session.execute(insert(ledger_entries), [
            {"posting_seq": seq, "line": line, "account": entry.account, "debit": entry.debit,
             "credit": entry.credit} for line, entry in enumerate(posting.entries)])

    def balance(self, account: str) -> Decimal:
        debits, credits_ = self.session.execute(
            select(cents(ledger_entries.c.debit), cents(ledger_entries.c.credit))
            .where(ledger_entries.c.account == account)).one()
        return euros(debits) - euros(credits_)

    def balances(self, prefix: str) -> dict[str, Decimal]:
        query = (select(ledger_entries.c.account, cents(ledger_entries.c.debit),
                        cents(ledger_entries.c.credit))
                 .where(ledger_entries.c.account.startswith(prefix, autoescape=True))
                 .group_by(ledger_entries.c.account).order_by(ledger_entries.c.account))
        return {account: euros(debits) - euros(credits_)
                for account, debits, credits_ in self.session.execute(query)}

    def postings(self, account: str | None = None) -> list[Posting]:
        if account is None:
            return self._postings()
        with_entry = select(ledger_entries.c.posting_seq).where(
            ledger_entries.c.account == account)
        return self._postings(postings.c.seq.in_(with_entry))

    def postings_booked_between(self, first_day: date, last_day: date,
                                kinds: Iterable[str]) -> list[Posting]:
        return self._postings(postings.c.booked_on.between(first_day, last_day),
                              postings.c.kind.in_(sorted(set(kinds))))

    def _postings(self, *where) -> list[Posting]:
        query = (select(postings, ledger_entries.c.account, ledger_entries.c.debit,
                        ledger_entries.c.credit)
                 .join(ledger_entries, ledger_entries.c.posting_seq == postings.c.seq)
                 .where(*where).order_by(postings.c.seq, ledger_entries.c.line))
        found: dict[int, tuple[dict, list[Entry]]] = {}
        for row in self.session.execute(query):
            if row.seq not in found:
                found[row.seq] = ({name: getattr(row, name) for name in _POSTING_FIELDS}, [])
            found[row.seq][1].append(Entry(row.account, row.debit, row.credit))
        return [Posting(entries=tuple(entries), **fields) for fields, entries in found.values()]

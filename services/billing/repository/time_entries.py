"""Time entries stored in SQL.

Every save is checked against the version the entry had when it was read (optimistic
locking, per object: two reads of one row in a transaction are two objects), so a
member correcting hours while the client approves them never overwrites the other:
one of the two gets a `Conflict` and nothing of theirs is stored.

`approved_uninvoiced` reads `FOR UPDATE` in id order, as the monthly run needs
(see ports.py): a second run waits for the first and then finds the hours invoiced.
"""

from collections.abc import Iterable
from datetime import date

from sqlalchemy import bindparam, insert, select, update
from sqlalchemy.orm import Session

from services.billing.domain.period import Month
from services.billing.domain.timesheet import APPROVED, TimeEntry
from services.billing.models import time_entries
from services.billing.repository.sql import ChangedMeanwhile, conflict_on_duplicate

FIELDS = ("id", "contract_id", "member_id", "client_id", "project_id", "day", "hours",
          "status", "submitted_at", "decided_at", "rejection_reason", "invoice_number")
_COLUMNS = [getattr(time_entries.c, name) for name in FIELDS]
# built once: the values are parameters, so SQLAlchemy compiles the statement once
_SAVE = update(time_entries).where(time_entries.c.id == bindparam("saved_id"),
                                   time_entries.c.version == bindparam("read_version"))


def entry_values(entry: TimeEntry) -> dict:
    return {name: getattr(entry, name) for name in FIELDS}


class SqlTimeEntryRepository:
    def __init__(self, session: Session):
        self.session = session
        self._read: dict[int, tuple[TimeEntry, int]] = {}  # id(object) → (object, version)

    def add(self, entry: TimeEntry) -> None:
        with conflict_on_duplicate(f"Hours for {entry.day} on this contract were written "
                                   "meanwhile; try again."):
            self.session.execute(insert(time_entries), {**entry_values(entry), "version": 1})
        self._read[id(entry)] = (entry, 1)

    def get(self, entry_id: str) -> TimeEntry | None:
        found = self._select(time_entries.c.id == entry_id)
        return found[0] if found else None

    def save(self, entry: TimeEntry) -> None:
        _, version = self._read[id(entry)]
        changed = self.session.execute(_SAVE, {**entry_values(entry), "version": version + 1,
                                               "saved_id": entry.id,
                                               "read_version": version}).rowcount
        if changed != 1:
            raise ChangedMeanwhile(f"The hours of {entry.day} were changed by someone else "
                                   "meanwhile; read them again and retry.")
        self._read[id(entry)] = (entry, version + 1)

    def for_contract_day(self, contract_id: str, day: date) -> TimeEntry | None:
        found = self._select(time_entries.c.contract_id == contract_id, time_entries.c.day == day)
        return found[0] if found else None

    def for_member_day(self, member_id: str, day: date) -> list[TimeEntry]:
        return self._select(time_entries.c.member_id == member_id, time_entries.c.day == day)

    def for_contract_month(self, contract_id: str, month: Month) -> list[TimeEntry]:
        return self._select(time_entries.c.contract_id == contract_id,
                            time_entries.c.day.between(month.first_day, month.last_day))

    def approved_uninvoiced(self, month: Month | None = None,
                            member_ids: Iterable[str] | None = None) -> list[TimeEntry]:
        where = [time_entries.c.status == APPROVED, time_entries.c.invoice_number.is_(None)]
        if month is not None:
            where.append(time_entries.c.day.between(month.first_day, month.last_day))
        if member_ids is not None:
            where.append(time_entries.c.member_id.in_(sorted(set(member_ids))))
        return self._select(*where, for_update=True)

    def _select(self, *where, for_update: bool = False) -> list[TimeEntry]:
        query = (select(*_COLUMNS, time_entries.c.version).where(*where)
                 .order_by(time_entries.c.id))
        if for_update:
            query = query.with_for_update()
        entries = []
        for row in self.session.execute(query):
            entry = TimeEntry(*row[:len(FIELDS)])
            self._read[id(entry)] = (entry, row.version)
            entries.append(entry)
        return entries

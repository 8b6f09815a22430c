"""Rows of an aggregate's table, written back only if nobody changed them meanwhile.

Every such table has `id` and `version`. Reading remembers the version; `update`
writes only where the version is still the one read (and raises it by one), so two
workers changing the same object at once cannot both succeed: the second gets a
`Conflict` and nothing of its transaction is kept.
"""

from decimal import Decimal

from sqlalchemy import Table, insert, update
from sqlalchemy.orm import Session

from infra.errors import Conflict
from infra.pagination import Page, keyset_page

CENT = Decimal("0.01")


def money(value) -> Decimal:
    """An amount read back exactly (SQLite returns NUMERIC through a float)."""
    return Decimal(str(value)).quantize(CENT)


class VersionedRows:
    def __init__(self, session: Session, table: Table, what: str):
        self.session = session
        self.table = table
        self.what = what
        self._versions: dict[str, int] = {}

    def insert(self, values: dict) -> None:
        self.session.execute(insert(self.table).values(**values, version=1))
        self._versions[values["id"]] = 1

    def one(self, query):
        row = self.session.execute(query).first()
        if row is not None:
            self._versions[row.id] = row.version
        return row

    def all(self, query) -> list:
        rows = self.session.execute(query).all()
        for row in rows:
            self._versions[row.id] = row.version
        return rows

    def by_id(self, identifier: str):
        return self.one(self.table.select().where(self.table.c.id == identifier))

    def update(self, values: dict) -> None:
        identifier = values["id"]
        read = self._versions[identifier]
        result = self.session.execute(
            update(self.table)
            .where(self.table.c.id == identifier, self.table.c.version == read)
            .values(**values, version=read + 1))
        if result.rowcount != 1:
            raise Conflict(f"The {self.what} {identifier} was changed by someone else; "
                           "try again.")
        self._versions[identifier] = read + 1

    def page(self, query, limit: int, cursor: str | None, to_item) -> Page:
        return keyset_page(self.session, query, self.table.c.seq, limit, cursor, to_item)

"""Named locks: one row per name, read `SELECT … FOR UPDATE` until the transaction ends.

The row is made first with an insert that ignores conflicts, so the first use of a
name needs no migration and two first users do not race. PostgreSQL holds the row
lock until commit or rollback; SQLite ignores `FOR UPDATE` but lets one writer in at
a time, and a nameko worker never yields the eventlet hub inside a SQLite
transaction (no I/O but the database).
"""

from sqlalchemy import Column, MetaData, String, Table, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session


def locks_table(metadata: MetaData) -> Table:
    return Table("locks", metadata, Column("name", String(40), primary_key=True))


def insert_ignoring_conflict(session: Session, table: Table, values: dict) -> None:
    """`INSERT … ON CONFLICT DO NOTHING`: make sure a row exists without racing for it."""
    dialect = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
    session.execute(dialect.insert(table).values(values).on_conflict_do_nothing())


class NamedLocks:
    def __init__(self, session: Session, table: Table):
        self.session = session
        self.table = table
        self.held: set[str] = set()

    def acquire(self, name: str) -> None:
        """Hold `name` until the transaction ends (taking it twice is a no-op)."""
        if name in self.held:
            return
        insert_ignoring_conflict(self.session, self.table, {"name": name})
        self.session.execute(select(self.table.c.name).where(self.table.c.name == name)
                             .with_for_update())
        self.held.add(name)

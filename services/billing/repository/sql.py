"""SQL helpers the billing repositories share, the same on SQLite and PostgreSQL."""

import contextlib
from decimal import Decimal

from sqlalchemy import func
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from infra.errors import Conflict

CENT = Decimal("0.01")


class ChangedMeanwhile(Conflict):
    """Someone else wrote the same thing between our read and our write: read again, retry."""


def insert_ignoring_conflict(session: Session, table, values: dict) -> None:
    """`INSERT … ON CONFLICT DO NOTHING`: make sure a row exists without racing for it."""
    dialect = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
    session.execute(dialect.insert(table).values(values).on_conflict_do_nothing())


def cents(column):
    """Σ of a money column in whole cents: exact on PostgreSQL (numeric) and on SQLite,
    which stores REAL, where `ROUND(x * 100)` is an exact integer before it is summed."""
    return func.coalesce(func.sum(func.round(column * 100)), 0)


def euros(cent_total) -> Decimal:
    return (Decimal(int(cent_total)) * CENT).quantize(CENT)


@contextlib.contextmanager
def conflict_on_duplicate(message: str):
    """Turn a unique-constraint violation into `ChangedMeanwhile` (409) instead of a 500."""
    try:
        yield
    except IntegrityError as error:
        raise ChangedMeanwhile(message) from error

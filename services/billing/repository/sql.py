"""SQL helpers the billing repositories share, the same on SQLite and PostgreSQL."""

import contextlib
from decimal import Decimal

from sqlalchemy import func
from sqlalchemy.exc import IntegrityError

from infra.errors import Conflict

CENT = Decimal("0.01")


class ChangedMeanwhile(Conflict):
    """Someone else wrote the same thing between our read and our write: read again, retry."""



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

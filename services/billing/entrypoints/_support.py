"""What the entrypoints share: ids of the objects RPCs act on, the clock, command ids.

The id of the object an RPC acts on gives that object's `NotFound` when it cannot
be an id at all; ids inside payloads are checked by the schemas (`Invalid`).
"""

import uuid
from datetime import UTC, date, datetime

from services.billing.domain.errors import (
    ClaimNotFound,
    ContractNotFound,
    InvoiceNotFound,
    MemberNotFound,
    PayoutBatchNotFound,
)
from services.billing.domain.period import Month
from services.billing.schemas.fields import invoice_number, resource_id


def today() -> date:
    return datetime.now(UTC).date()


def new_command_id() -> str:
    """The causation id of the postings one call makes."""
    return str(uuid.uuid4())


def contract(value) -> str:
    return resource_id(value, ContractNotFound)


def claim(value) -> str:
    return resource_id(value, ClaimNotFound)


def batch(value) -> str:
    return resource_id(value, PayoutBatchNotFound)


def member(value) -> str:
    return resource_id(value, MemberNotFound)


def invoice(value) -> str:
    return invoice_number(value, InvoiceNotFound)


def month_days(text: str) -> tuple[date, date]:
    month = Month.parse(text)
    return month.first_day, month.last_day

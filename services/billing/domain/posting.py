"""A posting: one balanced set of ledger entries, caused by one event or command.

Rules (checked when a `Posting` is made, so an unbalanced one cannot exist):
- `PostingMustBalance`: the debits equal the credits *exactly* (Decimal, no
  tolerance);
- `PostingIsMalformed`: at least two entries; each entry is a debit *or* a
  credit, positive, in whole cents, on a known account; a causation id.

A posting is never edited or deleted; `reversal` makes the posting that undoes it
(debits and credits swapped), which is posted like any other. Its `key`
(`causation_id` + `reference`) makes posting idempotent (see `journal.py`): the
event or command that caused it, and what in it (e.g. which invoice of a run).
"""

import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from services.billing.domain.accounts import is_known
from services.billing.domain.errors import PostingIsMalformed, PostingMustBalance
from services.billing.domain.money import ZERO, is_whole_cents, total


@dataclass(frozen=True)
class Entry:
    account: str
    debit: Decimal = ZERO
    credit: Decimal = ZERO

    @property
    def amount(self) -> Decimal:
        """Signed: debit − credit."""
        return self.debit - self.credit


def debit(account: str, amount: Decimal) -> Entry:
    return Entry(account, debit=amount)


def credit(account: str, amount: Decimal) -> Entry:
    return Entry(account, credit=amount)


@dataclass(frozen=True)
class Posting:
    causation_id: str  # the id of the event or command that caused this posting
    kind: str  # e.g. "invoice_issued", "payout"
    booked_on: date
    description: str
    entries: tuple[Entry, ...]
    reference: str = ""  # what within the cause, e.g. an invoice number
    reverses: str | None = None  # the id of the posting this one reverses
    id: str = field(default_factory=lambda: str(uuid.uuid4()))

    def __post_init__(self):
        if not self.causation_id:
            raise PostingIsMalformed("it needs the id of the event or command that caused it")
        if len(self.entries) < 2:
            raise PostingIsMalformed("it needs at least two entries")
        for entry in self.entries:
            _check_entry(entry)
        debits, credits = self.debits, self.credits
        if debits != credits:
            raise PostingMustBalance(debits, credits)

    @property
    def key(self) -> str:
        return f"{self.causation_id}#{self.reference}"

    @property
    def debits(self) -> Decimal:
        return total(e.debit for e in self.entries)

    @property
    def credits(self) -> Decimal:
        return total(e.credit for e in self.entries)

    def reversal(self, causation_id: str, booked_on: date, why: str) -> "Posting":
        return Posting(
            causation_id=causation_id, kind=f"{self.kind}_reversed", booked_on=booked_on,
            description=f"Reversal of {self.id}: {why}",
            entries=tuple(Entry(e.account, e.credit, e.debit) for e in self.entries),
            reference=self.reference, reverses=self.id,
        )


def make_posting(causation_id: str, kind: str, booked_on: date, description: str,
                 entries: Iterable[Entry], reference: str = "") -> Posting | None:
    """A posting of the non-zero entries, merged per account and side; None if nothing is left.

    Builders compute amounts that may be zero (no VAT under reverse charge, no
    development fund at 0 %); this leaves those out.
    """
    merged: dict[tuple[str, bool], Decimal] = {}
    for entry in entries:
        if entry.debit < 0 or entry.credit < 0:  # a negative amount is the other side
            entry = Entry(entry.account, -entry.credit, -entry.debit)
        for is_debit, amount in ((True, entry.debit), (False, entry.credit)):
            if amount:
                merged[(entry.account, is_debit)] = merged.get((entry.account, is_debit),
                                                               ZERO) + amount
    kept = tuple(debit(a, v) if is_debit else credit(a, v)
                 for (a, is_debit), v in merged.items() if v)
    if not kept:
        return None
    return Posting(causation_id, kind, booked_on, description, kept, reference)


def _check_entry(entry: Entry) -> None:
    if not is_known(entry.account):
        raise PostingIsMalformed(f"{entry.account!r} is not an account")
    for amount in (entry.debit, entry.credit):
        if not isinstance(amount, Decimal) or not is_whole_cents(amount) or amount < 0:
            raise PostingIsMalformed(f"{amount!r} on {entry.account} is not a cent amount ≥ 0")
    if (entry.debit > 0) == (entry.credit > 0):
        raise PostingIsMalformed(f"an entry on {entry.account} is a debit or a credit, not both")

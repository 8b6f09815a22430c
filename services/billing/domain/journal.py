"""The journal: the append-only list of postings, and what is read from it.

- `Journal.post` appends a posting, *idempotent on its key*: posting the same
  cause again returns the posting already there and adds nothing. An
  adapter keeps this with a unique constraint on (causation_id, reference) in the
  same transaction as the state change that caused the posting.
- Nothing is ever edited or removed; `Journal.reverse` appends the reversal.
- `trial_balance`: the balance (debit − credit) of every account. Because every
  posting balances, the balances always add up to exactly zero.
- `account_statement`: one account's entries in order, with a running balance;
  `account_prefix` (e.g. `member_payables:<id>`) is what a member may see.

These functions take any iterable of postings, so an adapter can feed them rows
read from its tables in posting order.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from services.billing.domain.accounts import code_of, normal_balance
from services.billing.domain.errors import PostingAlreadyReversed, PostingNotFound
from services.billing.domain.money import ZERO
from services.billing.domain.posting import Posting


class Journal:
    """An in-memory journal (the domain's model of it, and the test fakes' store)."""

    def __init__(self, postings: Iterable[Posting] = ()):
        self._postings: list[Posting] = []
        self._by_key: dict[str, Posting] = {}
        for posting in postings:
            self.post(posting)

    def post(self, posting: Posting | None) -> Posting | None:
        if posting is None:
            return None
        first = self._by_key.get(posting.key)
        if first is not None:
            return first
        self._postings.append(posting)
        self._by_key[posting.key] = posting
        return posting

    def reverse(self, posting_id: str, causation_id: str, booked_on: date, why: str) -> Posting:
        original = next((p for p in self._postings if p.id == posting_id), None)
        if original is None:
            raise PostingNotFound(posting_id)
        already = next((p for p in self._postings if p.reverses == posting_id), None)
        if already is not None:
            if already.causation_id == causation_id:
                return already
            raise PostingAlreadyReversed(posting_id)
        return self.post(original.reversal(causation_id, booked_on, why))

    def by_key(self, key: str) -> Posting | None:
        return self._by_key.get(key)

    def __iter__(self):
        return iter(list(self._postings))

    def __len__(self) -> int:
        return len(self._postings)

    def balance(self, account: str) -> Decimal:
        return account_balance(self._postings, account)


def account_balance(postings: Iterable[Posting], account: str) -> Decimal:
    """debit − credit of exactly this account."""
    return sum((e.amount for p in postings for e in p.entries if e.account == account), ZERO)


def trial_balance(postings: Iterable[Posting]) -> dict[str, Decimal]:
    """Every account's balance (debit − credit), sorted by account; the values sum to 0."""
    balances: dict[str, Decimal] = {}
    for posting in postings:
        for entry in posting.entries:
            balances[entry.account] = balances.get(entry.account, ZERO) + entry.amount
    return dict(sorted(balances.items()))


def balances_by_code(postings: Iterable[Posting]) -> dict[str, Decimal]:
    """The trial balance with sub-accounts added up into their code (all member payables…)."""
    totals: dict[str, Decimal] = {}
    for account, balance in trial_balance(postings).items():
        totals[code_of(account)] = totals.get(code_of(account), ZERO) + balance
    return dict(sorted(totals.items()))


@dataclass(frozen=True)
class StatementLine:
    booked_on: date
    posting_id: str
    kind: str
    description: str
    debit: Decimal
    credit: Decimal
    balance: Decimal  # running, as people read it for this account (see `normal_balance`)


def account_statement(postings: Iterable[Posting], account: str,
                      start: date | None = None, end: date | None = None) -> list[StatementLine]:
    """The entries on `account` in posting order, with a running balance.

    Entries before `start` count towards the opening balance but are not listed.
    """
    running = ZERO
    lines = []
    for posting in postings:
        for entry in posting.entries:
            if entry.account != account:
                continue
            running += normal_balance(account, entry.amount)
            if (start and posting.booked_on < start) or (end and posting.booked_on > end):
                continue
            lines.append(StatementLine(posting.booked_on, posting.id, posting.kind,
                                       posting.description, entry.debit, entry.credit, running))
    return lines

"""What billing's use cases need from storage; adapters and test fakes provide it.

The whole of one use case runs in one `with uow:` and ends in `uow.commit()`; a
use case that raises leaves nothing behind. What the SQL adapter must guarantee
beyond plain CRUD is said on each method (locks, unique keys).
"""

from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from typing import Protocol

from services.billing.domain.contract import Contract
from services.billing.domain.external_work import PartnerPlacement
from services.billing.domain.invoice import Invoice
from services.billing.domain.numbering import NumberSeries
from services.billing.domain.parties import ClientParty, CoopParty, MemberName
from services.billing.domain.partner_parties import PartnerCoop
from services.billing.domain.payout import PayoutBatch
from services.billing.domain.period import Month
from services.billing.domain.posting import Posting
from services.billing.domain.receivable import Receivable
from services.billing.domain.solidarity import SolidarityClaim, SolidarityMembership
from services.billing.domain.timesheet import TimeEntry


class Payee(Protocol):
    member_id: str
    name: str
    iban: str


class ClientRepository(Protocol):
    def get(self, client_id: str) -> ClientParty | None: ...

    def put(self, client: ClientParty) -> None:
        """Insert or replace (only when `client.version` is newer than the stored one)."""


class MemberNameRepository(Protocol):
    def get(self, member_id: str) -> MemberName | None: ...

    def put(self, member: MemberName) -> None:
        """Insert or replace (only when `member.version` is newer than the stored one)."""

    def names(self, member_ids: Iterable[str]) -> dict[str, str]:
        """member id → name, for those of `member_ids` billing knows a name of."""


class PayeeRepository(Protocol):
    def get(self, member_id: str) -> Payee | None:
        """Name and IBAN for payouts (private: from the members service, never in events)."""


class ContractRepository(Protocol):
    def get(self, contract_id: str) -> Contract | None: ...

    def add(self, contract: Contract) -> None:
        """Unique on `contract.id` (the assignment id)."""

    def save(self, contract: Contract) -> None:
        """Store the contract's end (`ended_on`, `end_reason`): nothing else changes."""

    def many(self, contract_ids: Iterable[str]) -> dict[str, Contract]: ...


class TimeEntryRepository(Protocol):
    def add(self, entry: TimeEntry) -> None:
        """Unique on (contract_id, day)."""

    def get(self, entry_id: str) -> TimeEntry | None: ...

    def save(self, entry: TimeEntry) -> None: ...

    def for_contract_day(self, contract_id: str, day: date) -> TimeEntry | None: ...

    def for_member_day(self, member_id: str, day: date) -> list[TimeEntry]: ...

    def for_contract_month(self, contract_id: str, month: Month) -> list[TimeEntry]: ...

    def approved_uninvoiced(self, month: Month | None = None,
                            member_ids: Iterable[str] | None = None) -> list[TimeEntry]:
        """Approved entries without an invoice number, in `month` and of `member_ids`
        when given. The monthly run reads these `FOR UPDATE`, so two concurrent runs
        cannot invoice the same hours."""


class InvoiceRepository(Protocol):
    def add(self, invoice: Invoice) -> None:
        """Insert only: issued documents are never updated or deleted. Unique on number."""

    def get(self, number: str) -> Invoice | None: ...

    def credit_notes_for(self, number: str) -> list[Invoice]: ...

    def unsettled_for_members(self, member_ids: Iterable[str]) -> list[Invoice]:
        """Invoices (not credit notes) with a line for one of `member_ids` whose receivable
        is not settled."""

    def issued_between(self, first_day: date, last_day: date) -> list[Invoice]:
        """Invoices and credit notes issued in the period (reports)."""


class ReceivableRepository(Protocol):
    def add(self, receivable: Receivable) -> None: ...

    def get(self, invoice_number: str) -> Receivable | None:
        """Read `FOR UPDATE`: payments on one invoice are registered one at a time."""

    def save(self, receivable: Receivable) -> None: ...


class NumberSeriesRepository(Protocol):
    def lock(self, year: int) -> NumberSeries:
        """The year's series, its row locked until commit (created at 0 if missing).

        This lock is what makes numbers gapless under concurrent runs: see `numbering.py`."""

    def save(self, series: NumberSeries) -> None: ...


class LedgerRepository(Protocol):
    def by_key(self, key: str) -> Posting | None: ...

    def append(self, posting: Posting) -> None:
        """Insert only, unique on `posting.key` (causation id + reference)."""

    def balance(self, account: str) -> Decimal:
        """debit − credit of exactly this account."""

    def balances(self, prefix: str) -> dict[str, Decimal]:
        """debit − credit of every account starting with `prefix` (e.g. `member_payables:`)."""

    def postings(self, account: str | None = None) -> list[Posting]:
        """All postings in posting order, or those with an entry on `account`."""

    def postings_booked_between(self, first_day: date, last_day: date,
                                kinds: Iterable[str]) -> list[Posting]:
        """The postings of these `kinds` booked from `first_day` to `last_day`, in posting
        order (reports)."""


class SolidarityRepository(Protocol):
    def membership(self, member_id: str) -> SolidarityMembership | None: ...

    def put_membership(self, membership: SolidarityMembership) -> None: ...

    def memberships(self) -> list[SolidarityMembership]: ...

    def add_claim(self, claim: SolidarityClaim) -> None: ...

    def claim(self, claim_id: str) -> SolidarityClaim | None: ...

    def save_claim(self, claim: SolidarityClaim) -> None: ...

    def claims_of(self, member_id: str) -> list[SolidarityClaim]: ...

    def open_claims(self) -> list[SolidarityClaim]: ...


class PayoutRepository(Protocol):
    def get(self, batch_id: str) -> PayoutBatch | None: ...

    def add(self, batch: PayoutBatch) -> None:
        """Unique on `batch.id`; creating a batch holds a lock (e.g. an advisory lock)
        so that two batches are never computed at the same time."""

    def deposited(self, member_id: str, month: Month) -> bool:
        """Whether the member's solidarity deposit for `month` was taken already."""

    def record_deposit(self, member_id: str, month: Month, batch_id: str) -> None: ...


class InsuranceRepository(Protocol):
    """Policies, enrolments, premium charges and what billing knows of members' leaving and
    rejoining (see `insurance_*.py`). Enrolments and memberships are written under the
    ledger lock, so the overlap check needs no lock of its own."""

    def add_policy(self, policy) -> None: ...

    def get_policy(self, policy_id: str): ...

    def save_policy(self, policy) -> None: ...

    def policies(self, policy_ids: Iterable[str]) -> dict: ...

    def add_enrolment(self, enrolment) -> None: ...

    def get_enrolment(self, enrolment_id: str): ...

    def save_enrolment(self, enrolment) -> None:
        """Store the enrolment's end: nothing else changes."""

    def enrolments_of(self, member_id: str) -> list: ...

    def enrolments_of_members(self, member_ids: Iterable[str]) -> list: ...

    def enrolments_starting_by(self, day: date) -> list:
        """Enrolments (not cancelled) that start on or before `day`."""

    def charges(self, enrolment_ids: Iterable[str]) -> list:
        """Every premium charge of these enrolments."""

    def put_charges(self, charges: Iterable) -> None:
        """Insert or replace, unique on (enrolment id, month)."""

    def membership(self, member_id: str):
        """The member's `CoopMembership` (leave and rejoin dates; None: nothing known)."""

    def put_membership(self, membership) -> None:
        """Insert or replace the member's `CoopMembership`."""


class PartnerCoopRepository(Protocol):
    def get(self, partner_id: str) -> PartnerCoop | None: ...

    def put(self, partner: PartnerCoop) -> None:
        """Insert or replace (only when `partner.version` is newer than the stored one)."""


class PartnerPlacementRepository(Protocol):
    def add(self, placement: PartnerPlacement) -> None:
        """Unique on `placement.contract_id` (the contract must exist)."""

    def get(self, contract_id: str) -> PartnerPlacement | None: ...

    def lent(self, placement_id: str) -> list[PartnerPlacement]:
        """Our lent placements with this (partner-given) placement id, any partner."""

    def many(self, contract_ids: Iterable[str]) -> dict[str, PartnerPlacement]:
        """contract id → placement, for those of `contract_ids` that are inter-coop."""

    def note_rate_mismatch(self, mismatch) -> None:
        """Keep a `RateMismatch` on its (lent) placement: the last one seen wins."""


class PartnerPaymentRepository(Protocol):
    def add(self, payment) -> None:
        """Insert only (a `PartnerPayment`), unique on its id, in the transaction of its
        posting."""

    def paid_between(self, first_day: date, last_day: date) -> list:
        """The `PartnerPayment`s paid (`paid_on`) from `first_day` to `last_day`."""


class UnitOfWork(Protocol):
    coop: CoopParty
    clients: ClientRepository
    members: MemberNameRepository
    payees: PayeeRepository
    contracts: ContractRepository
    entries: TimeEntryRepository
    invoices: InvoiceRepository
    receivables: ReceivableRepository
    numbers: NumberSeriesRepository
    ledger: LedgerRepository
    solidarity: SolidarityRepository
    payouts: PayoutRepository
    partner_coops: PartnerCoopRepository
    partner_placements: PartnerPlacementRepository
    partner_payments: PartnerPaymentRepository
    insurance: InsuranceRepository

    def __enter__(self) -> "UnitOfWork": ...

    def __exit__(self, *exc_info) -> None: ...

    def publish(self, event) -> None: ...

    def already_handled(self, event: dict) -> bool: ...

    def mark_handled(self, event: dict) -> None: ...

    def commit(self) -> None: ...

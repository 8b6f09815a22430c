"""In-memory stand-ins for billing's storage (no mocks, no database).

`FakeUnitOfWork` behaves like a transaction: each `with uow:` works on a copy of
what was committed, and only `commit()` keeps the changes and the events. A use
case that raises halfway therefore leaves nothing behind, as with the database.
The number series "lock" is a plain read here; the row lock is the adapter's.
"""

import copy
from dataclasses import dataclass, field
from decimal import Decimal

from services.billing.domain.numbering import NumberSeries
from services.billing.domain.period import Month
from tests.unit.billing.builders import COOP


@dataclass
class State:
    clients: dict = field(default_factory=dict)
    members: dict = field(default_factory=dict)  # member id → MemberName
    payees: dict = field(default_factory=dict)
    contracts: dict = field(default_factory=dict)
    entries: dict = field(default_factory=dict)  # id → TimeEntry, in insertion order
    invoices: dict = field(default_factory=dict)  # number → Invoice
    receivables: dict = field(default_factory=dict)
    series: dict = field(default_factory=dict)  # year → last used
    postings: list = field(default_factory=list)
    memberships: dict = field(default_factory=dict)
    claims: dict = field(default_factory=dict)
    batches: dict = field(default_factory=dict)
    deposits: set = field(default_factory=set)
    policies: dict = field(default_factory=dict)
    enrolments: dict = field(default_factory=dict)
    charges: dict = field(default_factory=dict)  # (enrolment id, "YYYY-MM") → PremiumCharge
    insurance_memberships: dict = field(default_factory=dict)  # member id → CoopMembership
    handled: set = field(default_factory=set)
    partner_coops: dict = field(default_factory=dict)  # partner id → PartnerCoop
    partner_placements: dict = field(default_factory=dict)  # contract id → PartnerPlacement
    rate_mismatches: dict = field(default_factory=dict)  # contract id → last RateMismatch
    partner_payments: list = field(default_factory=list)  # PartnerPayment, in order


@dataclass(frozen=True)
class Payee:
    member_id: str
    name: str
    iban: str


class _Repo:
    def __init__(self, uow):
        self.uow = uow

    @property
    def s(self) -> State:
        return self.uow.state


class FakeClients(_Repo):
    def get(self, client_id):
        return self.s.clients.get(client_id)

    def put(self, client):
        self.s.clients[client.id] = client


class FakeMembers(_Repo):
    def get(self, member_id):
        return self.s.members.get(member_id)

    def put(self, member):
        current = self.s.members.get(member.member_id)
        if current is None or member.version > current.version:
            self.s.members[member.member_id] = member

    def names(self, member_ids):
        return {m: self.s.members[m].name for m in member_ids
                if m in self.s.members and self.s.members[m].name}


class FakePayees(_Repo):
    def get(self, member_id):
        return self.s.payees.get(member_id)


class FakeContracts(_Repo):
    def get(self, contract_id):
        return self.s.contracts.get(contract_id)

    def add(self, contract):
        assert contract.id not in self.s.contracts
        self.s.contracts[contract.id] = contract

    def save(self, contract):
        assert contract.id in self.s.contracts
        self.s.contracts[contract.id] = contract

    def many(self, contract_ids):
        return {i: self.s.contracts[i] for i in contract_ids}


class FakeEntries(_Repo):
    def add(self, entry):
        assert self.for_contract_day(entry.contract_id, entry.day) is None
        self.s.entries[entry.id] = entry

    def get(self, entry_id):
        return self.s.entries.get(entry_id)

    def save(self, entry):
        assert self.s.entries.get(entry.id) is entry

    def for_contract_day(self, contract_id, day):
        return next((e for e in self.s.entries.values()
                     if e.contract_id == contract_id and e.day == day), None)

    def for_member_day(self, member_id, day):
        return [e for e in self.s.entries.values() if e.member_id == member_id and e.day == day]

    def for_contract_month(self, contract_id, month):
        return [e for e in self.s.entries.values()
                if e.contract_id == contract_id and month.contains(e.day)]

    def approved_uninvoiced(self, month=None, member_ids=None):
        wanted = None if member_ids is None else set(member_ids)
        return [e for e in self.s.entries.values()
                if e.status == "approved" and e.invoice_number is None
                and (month is None or Month.of(e.day) == month)
                and (wanted is None or e.member_id in wanted)]


class FakeInvoices(_Repo):
    def add(self, invoice):
        assert invoice.number not in self.s.invoices, "numbers are unique"
        self.s.invoices[invoice.number] = invoice

    def get(self, number):
        return self.s.invoices.get(number)

    def credit_notes_for(self, number):
        return [i for i in self.s.invoices.values() if i.credited_invoice == number]

    def unsettled_for_members(self, member_ids):
        wanted = set(member_ids)
        return [i for i in self.s.invoices.values() if not i.is_credit_note
                and not self.s.receivables[i.number].is_settled
                and wanted & set(i.member_ids)]

    def issued_between(self, first_day, last_day):
        return [i for i in self.s.invoices.values() if first_day <= i.issue_date <= last_day]


class FakeReceivables(_Repo):
    def add(self, receivable):
        self.s.receivables[receivable.invoice_number] = receivable

    def get(self, number):
        return self.s.receivables.get(number)

    def save(self, receivable):
        assert self.s.receivables[receivable.invoice_number] is receivable


class FakeNumbers(_Repo):
    def lock(self, year):
        return NumberSeries(year, self.s.series.get(year, 0))

    def save(self, series):
        assert series.last_used >= self.s.series.get(series.year, 0), "numbers never go back"
        self.s.series[series.year] = series.last_used


class FakeLedger(_Repo):
    def by_key(self, key):
        return next((p for p in self.s.postings if p.key == key), None)

    def append(self, posting):
        assert self.by_key(posting.key) is None, "unique on key"
        self.s.postings.append(posting)

    def balance(self, account):
        return sum((e.amount for p in self.s.postings for e in p.entries
                    if e.account == account), _zero())

    def balances(self, prefix):
        balances = {}
        for p in self.s.postings:
            for e in p.entries:
                if e.account.startswith(prefix):
                    balances[e.account] = balances.get(e.account, _zero()) + e.amount
        return balances

    def postings(self, account=None):
        return [p for p in self.s.postings
                if account is None or any(e.account == account for e in p.entries)]

    def postings_booked_between(self, first_day, last_day, kinds):
        return [p for p in self.s.postings
                if first_day <= p.booked_on <= last_day and p.kind in set(kinds)]


class FakeSolidarity(_Repo):
    def membership(self, member_id):
        return self.s.memberships.get(member_id)

    def put_membership(self, membership):
        self.s.memberships[membership.member_id] = membership

    def memberships(self):
        return list(self.s.memberships.values())

    def add_claim(self, claim):
        self.s.claims[claim.id] = claim

    def claim(self, claim_id):
        return self.s.claims.get(claim_id)

    def save_claim(self, claim):
        assert self.s.claims[claim.id] is claim

    def claims_of(self, member_id):
        return [c for c in self.s.claims.values() if c.member_id == member_id]

    def open_claims(self):
        return list(self.s.claims.values())  # months_due() says what is left to pay


class FakePayouts(_Repo):
    def get(self, batch_id):
        return self.s.batches.get(batch_id)

    def add(self, batch):
        self.s.batches[batch.id] = batch

    def deposited(self, member_id, month):
        return (member_id, month) in self.s.deposits

    def record_deposit(self, member_id, month, batch_id):
        self.s.deposits.add((member_id, month))


class FakeInsurance(_Repo):
    def add_policy(self, policy):
        assert policy.id not in self.s.policies
        self.s.policies[policy.id] = policy

    def get_policy(self, policy_id):
        return self.s.policies.get(policy_id)

    def save_policy(self, policy):
        assert policy.id in self.s.policies
        self.s.policies[policy.id] = policy

    def policies(self, policy_ids):
        return {i: self.s.policies[i] for i in policy_ids}

    def add_enrolment(self, enrolment):
        assert enrolment.id not in self.s.enrolments
        self.s.enrolments[enrolment.id] = enrolment

    def get_enrolment(self, enrolment_id):
        return self.s.enrolments.get(enrolment_id)

    def save_enrolment(self, enrolment):
        assert enrolment.id in self.s.enrolments
        self.s.enrolments[enrolment.id] = enrolment

    def enrolments_of(self, member_id):
        return [e for e in self.s.enrolments.values() if e.member_id == member_id]

    def enrolments_of_members(self, member_ids):
        wanted = set(member_ids)
        return [e for e in self.s.enrolments.values() if e.member_id in wanted]

    def enrolments_starting_by(self, day):
        return [e for e in self.s.enrolments.values() if e.starts_on <= day and not e.cancelled]

    def charges(self, enrolment_ids):
        wanted = set(enrolment_ids)
        return [c for c in self.s.charges.values() if c.enrolment_id in wanted]

    def put_charges(self, charges):
        for charge in charges:
            self.s.charges[(charge.enrolment_id, str(charge.month))] = charge

    def membership(self, member_id):
        return self.s.insurance_memberships.get(member_id)

    def put_membership(self, membership):
        self.s.insurance_memberships[membership.member_id] = membership


def _zero():
    return Decimal("0.00")


class FakePartnerCoops(_Repo):
    def get(self, partner_id):
        return self.s.partner_coops.get(partner_id)

    def put(self, partner):
        current = self.s.partner_coops.get(partner.id)
        if current is None or partner.version > current.version:
            self.s.partner_coops[partner.id] = partner


class FakePartnerPlacements(_Repo):
    def add(self, placement):
        assert placement.contract_id in self.s.contracts
        assert placement.contract_id not in self.s.partner_placements
        self.s.partner_placements[placement.contract_id] = placement

    def get(self, contract_id):
        return self.s.partner_placements.get(contract_id)

    def lent(self, placement_id):
        return [p for p in self.s.partner_placements.values()
                if p.kind == "lent" and p.placement_id == placement_id]

    def many(self, contract_ids):
        return {c: self.s.partner_placements[c] for c in contract_ids
                if c in self.s.partner_placements}

    def note_rate_mismatch(self, mismatch):
        assert mismatch.contract_id in self.s.partner_placements
        self.s.rate_mismatches[mismatch.contract_id] = mismatch


class FakePartnerPayments(_Repo):
    def add(self, payment):
        assert payment.id not in {p.id for p in self.s.partner_payments}, "unique on id"
        self.s.partner_payments.append(payment)

    def paid_between(self, first_day, last_day):
        return [p for p in self.s.partner_payments if first_day <= p.paid_on <= last_day]


class FakeUnitOfWork:
    """Events reach `published` only on commit, as the outbox would have them."""

    def __init__(self, coop=COOP):
        self.coop = coop
        self.committed = State()
        self.state = self.committed
        self.published = []
        self.commits = 0
        self._pending = []
        self.clients = FakeClients(self)
        self.members = FakeMembers(self)
        self.payees = FakePayees(self)
        self.contracts = FakeContracts(self)
        self.entries = FakeEntries(self)
        self.invoices = FakeInvoices(self)
        self.receivables = FakeReceivables(self)
        self.numbers = FakeNumbers(self)
        self.ledger = FakeLedger(self)
        self.solidarity = FakeSolidarity(self)
        self.payouts = FakePayouts(self)
        self.insurance = FakeInsurance(self)
        self.partner_coops = FakePartnerCoops(self)
        self.partner_placements = FakePartnerPlacements(self)
        self.partner_payments = FakePartnerPayments(self)

    def __enter__(self):
        self.state = copy.deepcopy(self.committed)
        self._pending = []
        return self

    def __exit__(self, *exc_info):
        self.state = self.committed
        self._pending = []

    def publish(self, event):
        self._pending.append(event)

    def already_handled(self, event):
        return str(event["id"]) in self.state.handled

    def mark_handled(self, event):
        self.state.handled.add(str(event["id"]))

    def commit(self):
        self.committed = self.state
        self.published.extend(self._pending)
        self._pending = []
        self.commits += 1

    # setup helpers for tests (outside any transaction)
    def add_payee(self, member_id, name, iban):
        self.committed.payees[member_id] = Payee(member_id, name, iban)

    def add_client(self, client):
        self.committed.clients[client.id] = client

    def published_types(self):
        return [e.type for e in self.published]

"""Billing's transaction: its repositories, the coop's party, outbox and inbox.

`serialised()` gives a unit of work that takes the `ledger` lock as its first
statement (repository/locks.py): the service uses it for every use case that reads
balances and posts on them, so no two of those interleave on PostgreSQL (SQLite
lets one writer in at a time anyway). `with_payees()` gives one that knows the
payees fetched from the members service before the transaction.
"""

from collections.abc import Mapping

from infra.db import Database, SqlUnitOfWork
from services.billing.domain.parties import CoopParty
from services.billing.domain.ports import Payee
from services.billing.models import metadata
from services.billing.repository import (
    LEDGER,
    BillingQueries,
    InterCoopQueries,
    NamedLocks,
    PrefetchedPayees,
    SqlClientRepository,
    SqlContractRepository,
    SqlInvoiceRepository,
    SqlLedgerRepository,
    SqlMemberNameRepository,
    SqlNumberSeriesRepository,
    SqlPartnerCoopRepository,
    SqlPartnerPlacementRepository,
    SqlPayoutRepository,
    SqlReceivableRepository,
    SqlSolidarityRepository,
    SqlTimeEntryRepository,
)
from services.billing.repository.insurance import SqlInsuranceRepository
from services.billing.repository.partner_payments import (
    PartnerPaymentQueries,
    SqlPartnerPaymentRepository,
)
from services.billing.schemas.events import EVENT_SCHEMAS
from services.billing.schemas.insurance import INSURANCE_EVENT_SCHEMAS
from services.billing.schemas.inter_coop import INTER_COOP_EVENT_SCHEMAS
from services.billing.settings import load_settings


class BillingUnitOfWork(SqlUnitOfWork):
    metadata = metadata
    source = "billing"
    event_schemas = {**EVENT_SCHEMAS, **INSURANCE_EVENT_SCHEMAS, **INTER_COOP_EVENT_SCHEMAS}

    def __init__(self, session_factory, on_commit=lambda: None, coop: CoopParty | None = None,
                 payees: Mapping[str, Payee] | None = None, serialised: bool = False):
        super().__init__(session_factory, on_commit)
        self.coop = coop or load_settings().coop
        self._payees = dict(payees or {})
        self._serialised = serialised

    def serialised(self) -> "BillingUnitOfWork":
        return self._copy(serialised=True)

    def with_payees(self, payees: Mapping[str, Payee]) -> "BillingUnitOfWork":
        return self._copy(payees=payees)

    def _copy(self, **changes) -> "BillingUnitOfWork":
        options = {"coop": self.coop, "payees": self._payees, "serialised": self._serialised,
                   **changes}
        return BillingUnitOfWork(self._session_factory, self._on_commit, **options)

    def _open(self, session):
        self.locks = NamedLocks(session)
        if self._serialised:
            self.locks.acquire(LEDGER)
        self.clients = SqlClientRepository(session)
        self.members = SqlMemberNameRepository(session)
        self.payees = PrefetchedPayees(self._payees)
        self.contracts = SqlContractRepository(session)
        self.entries = SqlTimeEntryRepository(session)
        self.invoices = SqlInvoiceRepository(session)
        self.receivables = SqlReceivableRepository(session)
        self.numbers = SqlNumberSeriesRepository(session)
        self.ledger = SqlLedgerRepository(session)
        self.solidarity = SqlSolidarityRepository(session)
        self.payouts = SqlPayoutRepository(session, self.locks)
        self.queries = BillingQueries(session)
        self.partner_coops = SqlPartnerCoopRepository(session)
        self.partner_placements = SqlPartnerPlacementRepository(session)
        self.inter_coop_queries = InterCoopQueries(session)
        self.partner_payments = SqlPartnerPaymentRepository(session)
        self.partner_payment_queries = PartnerPaymentQueries(session)
        self.insurance = SqlInsuranceRepository(session)


class BillingDatabase(Database):
    """`infra.db.Database` giving units of work that know the coop's party from the
    service's configuration (COOP_* in the nameko config or the environment)."""

    def __init__(self, poll_interval: float = 1.0):
        super().__init__(BillingUnitOfWork, poll_interval)

    def setup(self):
        super().setup()
        self.coop = load_settings(self.container.config).coop

    def get_dependency(self, worker_ctx):
        return BillingUnitOfWork(self.session_factory, on_commit=self.wake_relay, coop=self.coop)

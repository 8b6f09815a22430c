"""Persistence of the billing service: the only package that speaks SQL (with models.py).

One module per port of `domain/ports.py`; `locks.py` says which locks exist and in
which order they are taken; `queries.py` holds the read-only lists of the RPC API.
"""

from services.billing.repository.contracts import SqlContractRepository
from services.billing.repository.inter_coop import (
    InterCoopQueries,
    SqlPartnerCoopRepository,
    SqlPartnerPlacementRepository,
)
from services.billing.repository.invoices import SqlInvoiceRepository
from services.billing.repository.ledger import SqlLedgerRepository
from services.billing.repository.locks import LEDGER, NamedLocks
from services.billing.repository.numbers import SqlNumberSeriesRepository
from services.billing.repository.parties import (
    PrefetchedPayees,
    SqlClientRepository,
    SqlMemberNameRepository,
)
from services.billing.repository.payouts import SqlPayoutRepository
from services.billing.repository.queries import BillingQueries
from services.billing.repository.receivables import SqlReceivableRepository
from services.billing.repository.solidarity import SqlSolidarityRepository
from services.billing.repository.time_entries import SqlTimeEntryRepository

__all__ = [
    "LEDGER", "BillingQueries", "InterCoopQueries", "SqlPartnerCoopRepository",
    "SqlPartnerPlacementRepository", "NamedLocks", "PrefetchedPayees", "SqlClientRepository",
    "SqlContractRepository", "SqlInvoiceRepository", "SqlLedgerRepository",
    "SqlMemberNameRepository",
    "SqlNumberSeriesRepository", "SqlPayoutRepository", "SqlReceivableRepository",
    "SqlSolidarityRepository", "SqlTimeEntryRepository",
]

"""The billing nameko service: translation between RPC/events and the use cases, nothing more.

One family of entrypoints per module in `entrypoints/`. The RPC contract (arguments,
results, errors, who may call what) is described in services/billing/README.md.
"""

from infra import config
from infra.logging import WorkerLog
from infra.rpc import BoundedRpcProxy, rpc
from services.billing.entrypoints.hours import HoursEntrypoints
from services.billing.entrypoints.insurance import InsuranceEntrypoints
from services.billing.entrypoints.invoicing import InvoicingEntrypoints
from services.billing.entrypoints.ledger import LedgerEntrypoints
from services.billing.entrypoints.listening import ListeningEntrypoints
from services.billing.entrypoints.partners import PartnerBillingEntrypoints
from services.billing.entrypoints.payouts import PayoutEntrypoints
from services.billing.entrypoints.solidarity import SolidarityEntrypoints
from services.billing.settings import Settings
from services.billing.unit_of_work import BillingDatabase


class BillingService(HoursEntrypoints, InvoicingEntrypoints, LedgerEntrypoints,
                     PayoutEntrypoints, SolidarityEntrypoints, ListeningEntrypoints,
                     InsuranceEntrypoints, PartnerBillingEntrypoints):
    name = "billing"

    uow = BillingDatabase()
    settings = Settings()
    members = BoundedRpcProxy("members", timeout=config.rpc_timeout())
    worker_log = WorkerLog()

    @rpc
    def ping(self):
        return "pong"

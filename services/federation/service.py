"""The federation nameko service: this coop's bridge to partner coops.

Translation between RPC, partners' messages and the use cases, nothing more; one family
of entrypoints per module in `entrypoints/`. The contract (RPC, wire format, rejection
rules, events) is described in services/federation/README.md.
"""

from infra.db import Database
from infra.logging import WorkerLog
from infra.rpc import rpc
from services.federation.configuration import Settings
from services.federation.entrypoints.exchange import ExchangeEntrypoints
from services.federation.entrypoints.flows import FlowEntrypoints
from services.federation.entrypoints.housekeeping import HousekeepingEntrypoints
from services.federation.entrypoints.partners import PartnerEntrypoints
from services.federation.outbound import PartnerOutbox
from services.federation.signing_key import SigningKeys
from services.federation.unit_of_work import FederationUnitOfWork


class FederationService(PartnerEntrypoints, ExchangeEntrypoints, FlowEntrypoints,
                        HousekeepingEntrypoints):
    name = "federation"

    uow = Database(FederationUnitOfWork)
    settings = Settings()
    signing_keys = SigningKeys()
    partner_outbox = PartnerOutbox()
    worker_log = WorkerLog()

    @rpc
    def ping(self):
        return "pong"

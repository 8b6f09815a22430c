"""The matching nameko service: translation between RPC/events and the use cases.

One family of entrypoints per module in `entrypoints/`; the RPC contract is described
in services/matching/README.md.
"""

from infra import config
from infra.db import Database
from infra.logging import WorkerLog
from infra.rpc import BoundedRpcProxy, rpc
from services.matching.entrypoints.clients import ClientEntrypoints
from services.matching.entrypoints.coop import CoopEntrypoints
from services.matching.entrypoints.federation import FederationFlowEntrypoints
from services.matching.entrypoints.figures import FigureEntrypoints
from services.matching.entrypoints.leads import LeadEntrypoints
from services.matching.entrypoints.member_events import MemberEventEntrypoints
from services.matching.entrypoints.projects import ProjectEntrypoints
from services.matching.entrypoints.relationships import RelationshipEntrypoints
from services.matching.retention import LeadContactRetention
from services.matching.unit_of_work import MatchingUnitOfWork


class MatchingService(ClientEntrypoints, MemberEventEntrypoints, ProjectEntrypoints,
                      CoopEntrypoints, LeadEntrypoints, RelationshipEntrypoints,
                      FigureEntrypoints, FederationFlowEntrypoints):
    name = "matching"

    uow = Database(MatchingUnitOfWork)
    members = BoundedRpcProxy("members", timeout=config.rpc_timeout())  # the skill taxonomy
    worker_log = WorkerLog()
    lead_contact_retention = LeadContactRetention()

    @rpc
    def ping(self):
        return "pong"

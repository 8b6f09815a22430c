"""The matching nameko service: translation between RPC/events and the use cases.

One family of entrypoints per module in `entrypoints/`.
"""

from infra.db import Database
from infra.logging import WorkerLog
from infra.rpc import rpc
from services.matching.entrypoints.clients import ClientEntrypoints
from services.matching.entrypoints.member_events import MemberEventEntrypoints
from services.matching.unit_of_work import MatchingUnitOfWork


class MatchingService(ClientEntrypoints, MemberEventEntrypoints):
    name = "matching"

    uow = Database(MatchingUnitOfWork)
    worker_log = WorkerLog()

    @rpc
    def ping(self):
        return "pong"

"""The matching nameko service: translation between RPC/events and the use cases."""

from infra.db import Database
from infra.events import EnvelopeSchema
from infra.handlers import event_handler
from infra.logging import WorkerLog
from infra.rpc import rpc
from infra.schemas import Page
from services.matching.domain import use_cases
from services.matching.domain.candidate import Candidate
from services.matching.schemas import (
    CandidateSchema,
    ClientDetailsSchema,
    ClientPageSchema,
    ClientSchema,
    MemberSnapshotSchema,
    client_changes_schema,
)
from services.matching.unit_of_work import MatchingUnitOfWork


class MatchingService:
    name = "matching"

    uow = Database(MatchingUnitOfWork)
    worker_log = WorkerLog()

    @rpc
    def ping(self):
        return "pong"

    @rpc
    def create_client(self, details):
        client = use_cases.create_client(self.uow, ClientDetailsSchema().load(details))
        return ClientSchema().dump(client)

    @rpc
    def get_client(self, client_id):
        return ClientSchema().dump(use_cases.get_client(self.uow, str(client_id)))

    @rpc
    def list_clients(self, query=None):
        page = Page().load(query or {})
        return ClientPageSchema().dump(use_cases.list_clients(self.uow, **page))

    @rpc
    def update_client(self, client_id, changes):
        changes = client_changes_schema.load(changes)
        client = use_cases.update_client(self.uow, str(client_id), changes)
        return ClientSchema().dump(client)

    @rpc
    def get_candidate(self, member_id):
        return CandidateSchema().dump(use_cases.get_candidate(self.uow, str(member_id)))

    @event_handler("members", "member_created")
    def on_member_created(self, event):
        self._record_member(event)

    @event_handler("members", "member_updated")
    def on_member_updated(self, event):
        self._record_member(event)

    def _record_member(self, event):
        event = EnvelopeSchema().load(event)
        snapshot = MemberSnapshotSchema().load(event["data"])
        candidate = Candidate(**{**snapshot, "member_id": str(snapshot["member_id"])})
        use_cases.record_member_snapshot(self.uow, event, candidate)

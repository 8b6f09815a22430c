"""The candidate read model: what matching keeps from members' events."""

from infra.events import EnvelopeSchema
from infra.handlers import event_handler
from infra.rpc import rpc
from services.matching.domain import use_cases
from services.matching.domain.candidate import Candidate
from services.matching.schemas import CandidateSchema, MemberSnapshotSchema


class MemberEventEntrypoints:
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

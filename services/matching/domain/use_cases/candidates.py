"""The candidate read model, kept from members' events; each event applied at most once."""

from services.matching.domain.candidate import Candidate, newer
from services.matching.domain.errors import CandidateNotFound
from services.matching.domain.ports import UnitOfWork


def record_member_snapshot(uow: UnitOfWork, event: dict, snapshot: Candidate) -> bool:
    """Keep `snapshot` from `event` if it is news; returns whether anything changed."""
    with uow:
        if uow.already_handled(event):
            return False
        changed = newer(uow.candidates.get(snapshot.member_id), snapshot)
        if changed:
            uow.candidates.put(snapshot)
        uow.mark_handled(event)
        uow.commit()
        return changed


def get_candidate(uow: UnitOfWork, member_id: str) -> Candidate:
    with uow:
        candidate = uow.candidates.get(member_id)
        if candidate is None:
            raise CandidateNotFound(member_id)
        return candidate

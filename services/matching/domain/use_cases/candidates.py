"""The candidate read model, kept from members' events; each event applied at most once.

Every `record_*` use case returns whether the read model changed: False for a
redelivered event and for one older than what matching already knows.
"""

from dataclasses import replace
from decimal import Decimal

from services.matching.domain.availability import available_hours
from services.matching.domain.candidate import (
    Candidate,
    MemberCapacity,
    UnavailablePeriod,
    newer,
)
from services.matching.domain.errors import CandidateNotFound
from services.matching.domain.ports import UnitOfWork
from services.matching.domain.proposals.iso_week import IsoWeek, weeks_from


def record_member_snapshot(uow: UnitOfWork, event: dict, snapshot: Candidate) -> bool:
    """Keep `snapshot` from `event` if it is news; returns whether anything changed."""
    return _keep_if_newer(uow, event, snapshot,
                          stored=lambda: uow.candidates.get(snapshot.member_id),
                          store=lambda: uow.candidates.put(snapshot))


def record_capacity(uow: UnitOfWork, event: dict, capacity: MemberCapacity) -> bool:
    """Keep the member's default hours and overrides from `member_capacity_changed`."""
    return _keep_if_newer(uow, event, capacity,
                          stored=lambda: uow.candidates.capacity(capacity.member_id),
                          store=lambda: uow.candidates.put_capacity(capacity))


def record_unavailability(uow: UnitOfWork, event: dict, period: UnavailablePeriod) -> bool:
    """Add a period from `member_unavailable`, or replace the one with its id."""
    return _record_period(uow, event, replace(period, removed=False))


def record_availability_again(uow: UnitOfWork, event: dict, period: UnavailablePeriod) -> bool:
    """Remove a period on `member_available_again`, keeping it as a tombstone."""
    return _record_period(uow, event, replace(period, removed=True))


def _record_period(uow: UnitOfWork, event: dict, period: UnavailablePeriod) -> bool:
    return _keep_if_newer(uow, event, period,
                          stored=lambda: uow.candidates.period(period.unavailability_id),
                          store=lambda: uow.candidates.put_period(period))


def _keep_if_newer(uow: UnitOfWork, event: dict, incoming, stored, store) -> bool:
    """Once per event: `store()` `incoming` if it is newer than `stored()` (by version).

    Both run inside the transaction: the repositories exist only while it is open.
    """
    with uow:
        if uow.already_handled(event):
            return False
        changed = newer(stored(), incoming)
        if changed:
            store()
        uow.mark_handled(event)
        uow.commit()
        return changed


def get_candidate(uow: UnitOfWork, member_id: str) -> Candidate:
    with uow:
        candidate = uow.candidates.get(member_id)
        if candidate is None:
            raise CandidateNotFound(member_id)
        return candidate


def candidate_availability(uow: UnitOfWork, member_id: str, from_week: IsoWeek,
                           to_week: IsoWeek) -> dict[IsoWeek, Decimal]:
    """Available hours per week from `from_week` to `to_week`, as the read model has them."""
    with uow:
        record = uow.candidates.records([member_id]).get(member_id)
        if record is None:
            raise CandidateNotFound(member_id)
        return available_hours(record.capacity, record.periods, record.candidate.left_on,
                               weeks_from(from_week, to_week))

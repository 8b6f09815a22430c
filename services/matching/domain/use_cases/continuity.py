"""The continuity guarantee, run after a members' event changed who can work when.

Applied once per event (its own inbox key next to the read model's), under the
`bookings` lock, so a stand-in is never booked twice and never double-booked.
A lent member's period of unavailability (added, changed or removed) is told to the
partner coop that borrowed them (`tell_partners_of_unavailability`), once per event
too (an inbox key of its own).
"""

import uuid
from datetime import UTC, date, datetime, timedelta

from services.matching.domain.availability import available_hours
from services.matching.domain.continuity import apply, running_team, weeks_out
from services.matching.domain.events import AssignmentEnded
from services.matching.domain.federation_events import LendingEnded, LendingInterrupted
from services.matching.domain.lending import interruption, interruption_id
from services.matching.domain.ports import UnitOfWork
from services.matching.domain.proposals import IsoWeek, substitute
from services.matching.domain.use_cases.bookings import booked_for
from services.matching.domain.use_cases.proposals import BOOKINGS, pool_for


def continuity_key(event: dict) -> dict:
    """The inbox entry that says the guarantee ran for `event`: an id derived from its id."""
    return {**event, "id": uuid.uuid5(uuid.NAMESPACE_URL, f"urn:continuity:{event['id']}"),
            "type": f"{event['type']}/continuity"}


def interruption_key(event: dict) -> dict:
    """The inbox entry that says the partners were told of `event`'s period."""
    return {**event, "id": uuid.uuid5(uuid.NAMESPACE_URL, f"urn:interruption:{event['id']}"),
            "type": f"{event['type']}/lending_interrupted"}


def tell_partners_of_unavailability(uow: UnitOfWork, event: dict, member_id: str,
                                    unavailability_id: str) -> list:
    """On `member_unavailable` and `member_available_again`: each partner that borrows the
    member on days of the period hears the days (`lending_interrupted`), again under the
    same interruption id when the period changed, and an empty interruption when it was
    removed or no longer overlaps. The period as the read model holds it now (newest
    version wins; a removed one is a tombstone), so a late, older event tells nothing
    wrong. The lendings stay. Returns the interruptions told."""
    done = interruption_key(event)
    with uow:
        if uow.already_handled(done):
            return []
        uow.locks.acquire(BOOKINGS)  # one member's events in order: the last one tells
        period = uow.candidates.period(unavailability_id)
        if period is not None and (period.removed or period.member_id != member_id):
            period = None
        told = []
        for lending in uow.lendings.active_for([member_id]):
            before = uow.lendings.interruption(interruption_id(lending.id, unavailability_id))
            news = interruption(lending, unavailability_id, period, before)
            if news is not None:
                uow.lendings.save_interruption(news)
                uow.publish(LendingInterrupted(lending, news))
                told.append(news)
        uow.mark_handled(done)
        uow.commit()
        return told


def keep_seats_covered(uow: UnitOfWork, event: dict, member_id: str, today: date) -> list:
    """Cover the seats `member_id` can no longer fill; returns the changes booked."""
    done = continuity_key(event)
    with uow:
        if uow.already_handled(done):
            return []
        uow.locks.acquire(BOOKINGS)
        changes = []
        record = uow.candidates.records([member_id]).get(member_id)
        # what they held before any of it ends: the weeks they no longer cover
        held = booked_for(uow, [member_id]).get(member_id, {})
        if record is not None and record.candidate.left_on is not None:
            _end_work_after_leaving(uow, member_id, record.candidate.left_on)
        seats = uow.seats.held_by(member_id)
        if record is not None and seats:
            by_project: dict[str, list] = {}
            for seat in seats:
                by_project.setdefault(seat.project_id, []).append(seat)
            for project_id in sorted(by_project):
                changes += _cover_project(uow, project_id, member_id, record, held, today)
        uow.mark_handled(done)
        uow.commit()
        return changes


def _end_work_after_leaving(uow: UnitOfWork, member_id: str, left_on: date) -> None:
    """A member who leaves the coop works on no assignment, and for no partner coop,
    after the leave date (the partner is told of a lending that ends)."""
    for assignment in uow.assignments.confirmed_for([member_id]):
        if assignment.ends_on > left_on and assignment.end(left_on, "The member left the coop."):
            uow.assignments.save(assignment)
            uow.publish(AssignmentEnded(assignment))
    for lending in uow.lendings.active_for([member_id]):
        if lending.ends_on > left_on:
            ended = lending.ended_on(max(left_on, lending.starts_on - timedelta(days=1)))
            uow.lendings.save(ended)
            uow.publish(LendingEnded(ended))


def _cover_project(uow: UnitOfWork, project_id: str, member_id: str, record, held, today):
    project = uow.projects.get(project_id)
    if project is None or not project.is_staffed:
        return []
    seats = uow.seats.for_project(project_id)
    team = running_team(project, seats, uow.assignments.for_project(project_id),
                        IsoWeek.of(today), uow.placements.for_project(project_id))
    mine = [seat for seat in team.seats if member_id in (seat.primary, seat.backup)]
    weeks = sorted({week for seat in mine for week in seat.weeks})
    backing_up: dict[IsoWeek, object] = {}
    for seat in mine:
        if seat.backup == member_id:
            for week in seat.weeks:
                backing_up[week] = min(backing_up.get(week, seat.role.hours_per_week),
                                       seat.role.hours_per_week)
    available = available_hours(record.capacity, record.periods, record.candidate.left_on,
                                tuple(weeks))
    out = weeks_out(record.candidate.status, available, held, backing_up, weeks)
    if not out:
        return []
    all_weeks = project.as_solver_input().weeks
    pool = pool_for(uow, {seat.role.skill for seat in mine}, all_weeks)
    substitution = substitute(team, member_id, out, pool, uow.settings.get())
    involved = {member_id} | {getattr(c, "stand_in", None) or getattr(c, "member_id", None)
                              for c in substitution.changes} - {None}
    names = {mid: r.candidate.name for mid, r in uow.candidates.records(sorted(involved)).items()}
    outcome = apply(substitution, project, {seat.id: seat for seat in seats},
                    {profile.member_id: profile for profile in pool}, names,
                    datetime.now(UTC))
    for assignment in outcome.assignments:
        uow.assignments.add(assignment)
    for seat in outcome.seats:
        uow.seats.save(seat)
    for entry in outcome.timeline:
        uow.timeline.add(entry)
    for event in outcome.events:
        uow.publish(event)
    return list(substitution.changes)

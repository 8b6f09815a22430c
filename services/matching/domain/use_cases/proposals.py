"""Team proposals and their acceptance.

Proposing reads the whole candidate pool for the project's skills from matching's own
read model (no call to the members service) plus the coop's bookings and check-in
history. Accepting runs under the `bookings` lock: the stale check and the booking of
every primary's hours happen in one transaction, so two acceptances racing for the
same hours cannot both pass, and a failed acceptance books nothing.
"""

from datetime import UTC, date, datetime

from services.matching.domain.assignments import work_histories
from services.matching.domain.errors import (
    NoSuchTeamOption,
    ProposalForOlderProjectVersion,
    ProposalNoLongerOpen,
    ProposalNotFound,
    ProposedTeamHasGaps,
)
from services.matching.domain.events import AssignmentConfirmed, ProposalAccepted, TeamProposed
from services.matching.domain.ports import UnitOfWork
from services.matching.domain.proposals import propose_team
from services.matching.domain.staffing import check_option_still_fits, staff, team_pool
from services.matching.domain.team_proposals import ACCEPTED, OPEN, SUPERSEDED, Proposal
from services.matching.domain.timeline import TimelineEntry
from services.matching.domain.use_cases.bookings import booked_for
from services.matching.domain.use_cases.projects import find_project

BOOKINGS = "bookings"  # the named lock every change of booked hours takes


def _now() -> datetime:
    return datetime.now(UTC)


def pool_for(uow: UnitOfWork, skills, weeks):
    """The solver's candidates with these skills, as they are now."""
    records = uow.candidates.pool(skills)
    member_ids = [record.candidate.member_id for record in records]
    return _profiles(uow, records, member_ids, weeks, with_history=True)


def _profiles(uow: UnitOfWork, records, member_ids, weeks, with_history: bool):
    booked = booked_for(uow, member_ids)
    histories = {}
    if with_history:
        past = uow.assignments.all_for(member_ids)
        ratings = uow.meetings.client_ratings({a.project_id for a in past})
        histories = work_histories(past, ratings)
    return team_pool(records, booked, histories, weeks)


def propose(uow: UnitOfWork, project_id: str, scope: str | None = None,
            mode: str = "auto") -> Proposal:
    with uow:
        project = find_project(uow, project_id, scope)
        now = _now()
        project.move("propose", now)
        solver_input = project.as_solver_input()
        pool = pool_for(uow, {role.skill for role in project.roles}, solver_input.weeks)
        result = propose_team(solver_input, pool, uow.settings.get(), mode)
        for earlier in uow.proposals.for_project(project.id, status=OPEN):
            earlier.status = SUPERSEDED
            uow.proposals.save(earlier)
        proposal = Proposal.of(result, [role.id for role in project.roles], project.version,
                               project.client_id, now)
        uow.proposals.add(proposal)
        uow.projects.save(project)
        gaps = len(result.best.gaps)
        uow.timeline.add(TimelineEntry.new(
            project.id, now, "team_proposed",
            f"The coop proposed a team ({len(result.best.seats)} of "
            f"{solver_input.total_seats} seats filled, {len(result.alternatives)} "
            f"alternative(s)" + (f"; {gaps} seat(s) nobody can take)." if gaps else ")."),
            {"proposal_id": proposal.id}))
        uow.publish(TeamProposed(proposal))
        uow.commit()
        return proposal


def get_proposal(uow: UnitOfWork, proposal_id: str, scope: str | None = None) -> Proposal:
    with uow:
        return _find(uow, proposal_id, scope)


def list_proposals(uow: UnitOfWork, project_id: str, scope: str | None = None):
    with uow:
        find_project(uow, project_id, scope)
        return uow.proposals.for_project(project_id)


def _find(uow: UnitOfWork, proposal_id: str, scope: str | None) -> Proposal:
    proposal = uow.proposals.get(proposal_id)
    if proposal is None or scope is not None and proposal.client_id != scope:
        raise ProposalNotFound(proposal_id)
    return proposal


def accept(uow: UnitOfWork, proposal_id: str, option: int, today: date,
           scope: str | None = None):
    """Accept one of the proposal's teams (0: the best); returns (project, assignments)."""
    with uow:
        uow.locks.acquire(BOOKINGS)
        proposal = _find(uow, proposal_id, scope)
        project = find_project(uow, proposal.project_id, scope)
        if proposal.status != OPEN:
            raise ProposalNoLongerOpen(proposal.id, proposal.status)
        if project.version != proposal.project_version:
            raise ProposalForOlderProjectVersion(proposal.id)
        if not 0 <= option < len(proposal.options):
            raise NoSuchTeamOption(option, len(proposal.options))
        chosen = proposal.options[option]
        if chosen.unfilled:
            raise ProposedTeamHasGaps(list(chosen.unfilled))
        weeks = project.as_solver_input().weeks
        records = uow.candidates.records(chosen.members)
        current = _profiles(uow, list(records.values()), chosen.members, weeks,
                            with_history=False)
        check_option_still_fits(chosen, weeks, current)

        now = _now()
        project.move("accept", now)
        client = uow.clients.get(project.client_id)
        staffing = staff(project, chosen, today, client.contact.name)
        for seat in staffing.seats:
            uow.seats.add(seat)
        for assignment in staffing.assignments:
            uow.assignments.add(assignment)
            uow.publish(AssignmentConfirmed(assignment, project.title))
        for meeting in staffing.meetings:
            uow.meetings.add(meeting)
        proposal.status, proposal.accepted_option = ACCEPTED, option
        uow.proposals.save(proposal)
        uow.projects.save(project)
        names = {member_id: record.candidate.name for member_id, record in records.items()}
        team = ", ".join(names.get(member_id, member_id) for member_id in chosen.members)
        introduction = staffing.meetings[0]
        uow.timeline.add(TimelineEntry.new(
            project.id, now, "proposal_accepted", f"The client accepted the team: {team}.",
            {"proposal_id": proposal.id, "option": option}))
        uow.timeline.add(TimelineEntry.new(
            project.id, now, "introduction_planned",
            f"Introduction meeting planned on {introduction.scheduled_on}; check-ins every "
            f"{project.checkin_every_weeks} weeks ({len(staffing.meetings) - 1} planned).",
            {"meeting_id": introduction.id}))
        uow.publish(ProposalAccepted(proposal, project))
        uow.commit()
        return project, list(staffing.assignments)

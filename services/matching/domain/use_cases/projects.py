"""Projects: a client's need, from draft to finished.

`client_id` arguments named `scope` are the caller's own client (a client token); a
project of another client is not found. Operators pass `scope=None`.
"""

from datetime import UTC, date, datetime

from services.matching.domain.assignments import CONFIRMED
from services.matching.domain.errors import ProjectClientUnknown, ProjectNotFound
from services.matching.domain.events import AssignmentEnded, ProjectCreated, ProjectStatusChanged
from services.matching.domain.ports import UnitOfWork
from services.matching.domain.projects import Project
from services.matching.domain.team_proposals import OPEN, SUPERSEDED
from services.matching.domain.timeline import TimelineEntry


def _now() -> datetime:
    return datetime.now(UTC)


def find_project(uow: UnitOfWork, project_id: str, scope: str | None) -> Project:
    project = uow.projects.get(project_id)
    if project is None or scope is not None and project.client_id != scope:
        raise ProjectNotFound(project_id)
    return project


def create_project(uow: UnitOfWork, client_id: str, details: dict,
                   known_skills=None) -> Project:
    with uow:
        if uow.clients.get(client_id) is None:
            raise ProjectClientUnknown(client_id)
        now = _now()
        project = Project.create(client_id, details, now, known_skills)
        uow.projects.add(project)
        uow.timeline.add(TimelineEntry.new(project.id, now, "project_created",
                                           f"Project “{project.title}” was created."))
        uow.publish(ProjectCreated(project))
        uow.commit()
        return project


def get_project(uow: UnitOfWork, project_id: str, scope: str | None = None) -> Project:
    with uow:
        return find_project(uow, project_id, scope)


def list_projects(uow: UnitOfWork, limit: int, cursor: str | None, client_id: str | None = None,
                  status: str | None = None):
    with uow:
        return uow.projects.page(limit, cursor, client_id, status)


def update_project(uow: UnitOfWork, project_id: str, changes: dict, scope: str | None = None,
                   known_skills=None) -> Project:
    with uow:
        project = find_project(uow, project_id, scope)
        if project.change(changes, _now(), known_skills):
            for proposal in uow.proposals.for_project(project.id, status=OPEN):
                proposal.status = SUPERSEDED
                uow.proposals.save(proposal)
            uow.projects.save(project)
            uow.timeline.add(TimelineEntry.new(
                project.id, project.updated_at, "project_changed",
                "The project was changed: " + ", ".join(sorted(changes)) + "."))
            uow.commit()
        return project


def start_project(uow: UnitOfWork, project_id: str, scope: str | None = None) -> Project:
    return _move(uow, project_id, "start", scope, "The work started.")


def finish_project(uow: UnitOfWork, project_id: str, today: date,
                   scope: str | None = None) -> Project:
    return _move(uow, project_id, "finish", scope, "The project was finished.", today)


def cancel_project(uow: UnitOfWork, project_id: str, today: date, reason: str,
                   scope: str | None = None) -> Project:
    return _move(uow, project_id, "cancel", scope, f"The project was cancelled: {reason}",
                 today)


_EVENT_OF = {"start": "project_started", "finish": "project_finished",
             "cancel": "project_cancelled"}


def _move(uow: UnitOfWork, project_id: str, action: str, scope, summary: str,
          today: date | None = None) -> Project:
    """Move the project; finishing or cancelling ends its assignments after `today`."""
    with uow:
        project = find_project(uow, project_id, scope)
        project.move(action, _now())
        uow.projects.save(project)
        if today is not None:
            for assignment in uow.assignments.for_project(project.id):
                if assignment.status == CONFIRMED and assignment.end(today, summary):
                    uow.assignments.save(assignment)
                    uow.publish(AssignmentEnded(assignment))
            for proposal in uow.proposals.for_project(project.id, status=OPEN):
                proposal.status = SUPERSEDED
                uow.proposals.save(proposal)
        uow.timeline.add(TimelineEntry.new(project.id, project.updated_at, _EVENT_OF[action],
                                           summary))
        uow.publish(ProjectStatusChanged(project, _EVENT_OF[action]))
        uow.commit()
        return project


def project_timeline(uow: UnitOfWork, project_id: str, scope: str | None = None):
    with uow:
        find_project(uow, project_id, scope)
        return uow.timeline.for_project(project_id)


def get_team(uow: UnitOfWork, project_id: str, scope: str | None = None):
    """(seats, assignments, external members) of the project's team; empty before a
    proposal is accepted. External members are partner coops' members (placements)."""
    with uow:
        find_project(uow, project_id, scope)
        return (uow.seats.for_project(project_id), uow.assignments.for_project(project_id),
                uow.placements.for_project(project_id))


def member_assignments(uow: UnitOfWork, member_id: str):
    with uow:
        found = uow.assignments.all_for([member_id])
        return sorted(found, key=lambda a: (a.starts_on, a.id), reverse=True)


def client_knows_member(uow: UnitOfWork, client_id: str, member_id: str) -> bool:
    """A client meets the members proposed to it or working for it: it may see their
    public profiles."""
    with uow:
        return (uow.proposals.name_member(client_id, member_id)
                or uow.assignments.any_for(client_id, member_id))

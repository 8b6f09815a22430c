"""Personal contact: meetings, check-in ratings and the project's relationship health."""

from datetime import UTC, date, datetime

from services.matching.domain.errors import (
    EndorsedMemberNotInTeam,
    MeetingNotFound,
    NoTeamYet,
    OnlyTheTeamRatesTheCollaboration,
)
from services.matching.domain.events import CheckinRecorded
from services.matching.domain.meetings import (
    BY_CLIENT,
    CHECKIN,
    Endorsement,
    Meeting,
    relationship_health,
)
from services.matching.domain.ports import UnitOfWork
from services.matching.domain.projects import CANCELLED, DRAFT, PROPOSED
from services.matching.domain.timeline import TimelineEntry
from services.matching.domain.use_cases.projects import find_project


def list_meetings(uow: UnitOfWork, project_id: str, scope: str | None = None) -> list[Meeting]:
    with uow:
        find_project(uow, project_id, scope)
        return uow.meetings.for_project(project_id)


def reschedule_meeting(uow: UnitOfWork, project_id: str, meeting_id: str, on: date,
                       scope: str | None = None) -> Meeting:
    with uow:
        meeting = _meeting(uow, project_id, meeting_id, scope)
        meeting.scheduled_on = on
        uow.meetings.save(meeting)
        uow.timeline.add(TimelineEntry.new(project_id, datetime.now(UTC), "meeting_moved",
                                           f"The {meeting.kind} meeting moved to {on}.",
                                           {"meeting_id": meeting.id}))
        uow.commit()
        return meeting


def rate_checkin(uow: UnitOfWork, project_id: str, meeting_id: str, by: str,
                 member_id: str | None, rating: int, comment: str,
                 endorsements: list[dict], scope: str | None = None):
    """The client (`by="client"`, may endorse members' skills) or a team member rates."""
    with uow:
        project = find_project(uow, project_id, scope)
        if project.status in (DRAFT, PROPOSED, CANCELLED):
            raise NoTeamYet(project.id, project.status)
        meeting = _meeting(uow, project_id, meeting_id, None, kind=CHECKIN)
        team = tuple(sorted({a.member_id for a in uow.assignments.for_project(project.id)}))
        if by != BY_CLIENT and member_id not in team:
            raise OnlyTheTeamRatesTheCollaboration(member_id)
        given = []
        for index, endorsement in enumerate(endorsements if by == BY_CLIENT else []):
            if endorsement["member_id"] not in team:
                raise EndorsedMemberNotInTeam(index, endorsement["member_id"])
            given.append(Endorsement(endorsement["member_id"], endorsement["skill"],
                                     endorsement["level"], endorsement.get("comment") or ""))
        now = datetime.now(UTC)
        recorded = meeting.rate(by, None if by == BY_CLIENT else member_id, rating, comment,
                                tuple(given), now)
        uow.meetings.save(meeting)
        who = "The client" if by == BY_CLIENT else "A team member"
        uow.timeline.add(TimelineEntry.new(project.id, now, "checkin_recorded",
                                           f"{who} rated the collaboration {rating}/5.",
                                           {"meeting_id": meeting.id, "rating_id": recorded.id}))
        uow.publish(CheckinRecorded(project, meeting, recorded, team))
        uow.commit()
        return meeting, recorded


def project_health(uow: UnitOfWork, project_id: str, today: date, scope: str | None = None):
    with uow:
        find_project(uow, project_id, scope)
        meetings = uow.meetings.for_project(project_id)
        return relationship_health(meetings, today), meetings


def _meeting(uow: UnitOfWork, project_id: str, meeting_id: str, scope,
             kind: str | None = None) -> Meeting:
    find_project(uow, project_id, scope)
    meeting = uow.meetings.get(meeting_id)
    if meeting is None or meeting.project_id != project_id or kind and meeting.kind != kind:
        raise MeetingNotFound(meeting_id)
    return meeting

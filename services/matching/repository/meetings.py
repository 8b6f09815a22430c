"""Meetings, check-in ratings and the project timeline in SQL."""

import json
from collections import defaultdict
from collections.abc import Collection

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from services.matching.domain.meetings import BY_CLIENT, Endorsement, Meeting, Rating
from services.matching.domain.timeline import TimelineEntry
from services.matching.models import checkin_ratings, meetings, timeline


class SqlMeetingRepository:
    def __init__(self, session: Session):
        self.session = session

    def add(self, meeting: Meeting) -> None:
        self.session.execute(insert(meetings).values(
            id=meeting.id, project_id=meeting.project_id, kind=meeting.kind,
            scheduled_on=meeting.scheduled_on, attendees=json.dumps(list(meeting.attendees))))
        self._add_new_ratings(meeting, set())

    def get(self, meeting_id: str) -> Meeting | None:
        found = self._read(meetings.c.id == meeting_id)
        return found[0] if found else None

    def for_project(self, project_id: str) -> list[Meeting]:
        return self._read(meetings.c.project_id == project_id)

    def save(self, meeting: Meeting) -> None:
        """Store a new date and any new ratings (ratings are never changed)."""
        self.session.execute(update(meetings).where(meetings.c.id == meeting.id)
                             .values(scheduled_on=meeting.scheduled_on))
        stored = set(self.session.scalars(select(checkin_ratings.c.id)
                                          .where(checkin_ratings.c.meeting_id == meeting.id)))
        self._add_new_ratings(meeting, stored)

    def client_ratings(self, project_ids: Collection[str]) -> dict[str, list[int]]:
        """project id → the ratings its client gave at check-ins."""
        found: dict[str, list[int]] = defaultdict(list)
        if project_ids:
            rows = self.session.execute(
                select(checkin_ratings.c.project_id, checkin_ratings.c.rating)
                .where(checkin_ratings.c.project_id.in_(list(project_ids)),
                       checkin_ratings.c.rated_by == BY_CLIENT))
            for row in rows:
                found[row.project_id].append(row.rating)
        return found

    def _add_new_ratings(self, meeting: Meeting, stored: set[str]) -> None:
        for rating in meeting.ratings:
            if rating.id in stored:
                continue
            self.session.execute(insert(checkin_ratings).values(
                id=rating.id, meeting_id=meeting.id, project_id=meeting.project_id,
                rated_by=rating.by, member_id=rating.member_id,
                rater=rating.member_id or BY_CLIENT, rating=rating.rating,
                comment=rating.comment, recorded_at=rating.recorded_at,
                endorsements=json.dumps([e.__dict__ for e in rating.endorsements])))

    def _read(self, condition) -> list[Meeting]:
        rows = self.session.execute(select(meetings).where(condition)
                                    .order_by(meetings.c.scheduled_on, meetings.c.kind.desc()))
        found = [Meeting(row.id, row.project_id, row.kind, row.scheduled_on,
                         tuple(json.loads(row.attendees))) for row in rows]
        by_id = {meeting.id: meeting for meeting in found}
        if by_id:
            for row in self.session.execute(
                    select(checkin_ratings).where(checkin_ratings.c.meeting_id.in_(list(by_id)))
                    .order_by(checkin_ratings.c.recorded_at)):
                by_id[row.meeting_id].ratings.append(Rating(
                    row.id, row.rated_by, row.member_id, row.rating, row.comment,
                    row.recorded_at,
                    tuple(Endorsement(**e) for e in json.loads(row.endorsements))))
        return found


class SqlTimeline:
    def __init__(self, session: Session):
        self.session = session

    def add(self, entry: TimelineEntry) -> None:
        self.session.execute(insert(timeline).values(
            id=entry.id, project_id=entry.project_id, at=entry.at, kind=entry.kind,
            summary=entry.summary, data=json.dumps(entry.data)))

    def for_project(self, project_id: str) -> list[TimelineEntry]:
        rows = self.session.execute(select(timeline).where(timeline.c.project_id == project_id)
                                    .order_by(timeline.c.seq))
        return [TimelineEntry(row.id, row.project_id, row.at, row.kind, row.summary,
                              json.loads(row.data)) for row in rows]

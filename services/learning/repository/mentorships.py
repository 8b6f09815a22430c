"""Mentorships and their sessions, stored in SQL."""

from dataclasses import asdict

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session as SqlSession

from infra.pagination import Page
from services.learning.domain.mentorship import (
    ACCEPTED,
    ACTIVE,
    COMPLETED,
    LOADING,
    UNDER_WAY,
    Mentorship,
)
from services.learning.domain.sessions import Feedback, Session
from services.learning.models import mentorships, sessions
from services.learning.repository.versioned import VersionedRows

_MENTORSHIP_FIELDS = [name for name in Mentorship.__dataclass_fields__]


def _mentorship(row) -> Mentorship:
    return Mentorship(**{name: getattr(row, name) for name in _MENTORSHIP_FIELDS})


class SqlMentorships:
    def __init__(self, session: SqlSession):
        self.session = session
        self.rows = VersionedRows(session, mentorships, "mentorship")

    def add(self, mentorship: Mentorship) -> None:
        self.rows.insert(asdict(mentorship))

    def save(self, mentorship: Mentorship) -> None:
        self.rows.update(asdict(mentorship))

    def get(self, mentorship_id: str) -> Mentorship | None:
        row = self.rows.by_id(mentorship_id)
        return _mentorship(row) if row else None

    def under_way_for_wish(self, wish_id: str) -> Mentorship | None:
        row = self.rows.one(select(mentorships).where(mentorships.c.wish_id == wish_id,
                                                      mentorships.c.status.in_(UNDER_WAY)))
        return _mentorship(row) if row else None

    def loads(self, mentor_ids: list[str]) -> dict[str, int]:
        if not mentor_ids:
            return {}
        query = (select(mentorships.c.mentor_id, func.count())
                 .where(mentorships.c.mentor_id.in_(mentor_ids),
                        mentorships.c.status.in_(LOADING))
                 .group_by(mentorships.c.mentor_id))
        return dict(self.session.execute(query).all())

    def partners_of(self, member_id: str) -> set[str]:
        query = select(mentorships.c.mentor_id, mentorships.c.mentee_id).where(
            or_(mentorships.c.mentor_id == member_id, mentorships.c.mentee_id == member_id),
            mentorships.c.status.in_((ACCEPTED, ACTIVE, COMPLETED)))
        return {person for row in self.session.execute(query) for person in row} - {member_id}

    def mentored(self, mentor_id: str, mentee_id: str) -> list[str]:
        query = select(mentorships.c.id).where(
            mentorships.c.mentor_id == mentor_id, mentorships.c.mentee_id == mentee_id,
            mentorships.c.status.in_((ACTIVE, COMPLETED))).order_by(mentorships.c.seq)
        return list(self.session.execute(query).scalars())

    def page_for(self, member_id: str | None, limit: int, cursor: str | None,
                 status: str | None = None) -> Page:
        query = select(mentorships)
        if member_id is not None:
            query = query.where(or_(mentorships.c.mentor_id == member_id,
                                    mentorships.c.mentee_id == member_id))
        if status is not None:
            query = query.where(mentorships.c.status == status)
        return self.rows.page(query, limit, cursor, _mentorship)


def _feedback(rating, comment, given_at) -> Feedback | None:
    return None if rating is None else Feedback(rating, comment or "", given_at)


def _session(row) -> Session:
    return Session(row.id, row.mentorship_id, row.held_on, row.duration_minutes, row.notes,
                   row.done, row.recorded_by, row.recorded_at,
                   _feedback(row.mentor_rating, row.mentor_comment, row.mentor_feedback_at),
                   _feedback(row.mentee_rating, row.mentee_comment, row.mentee_feedback_at))


def _session_values(session: Session) -> dict:
    values = {name: getattr(session, name) for name in (
        "id", "mentorship_id", "held_on", "duration_minutes", "notes", "done", "recorded_by",
        "recorded_at")}
    for side in ("mentor", "mentee"):
        feedback = getattr(session, f"{side}_feedback")
        values[f"{side}_rating"] = feedback.rating if feedback else None
        values[f"{side}_comment"] = feedback.comment if feedback else None
        values[f"{side}_feedback_at"] = feedback.given_at if feedback else None
    return values


class SqlSessions:
    def __init__(self, session: SqlSession):
        self.rows = VersionedRows(session, sessions, "session")

    def add(self, session: Session) -> None:
        self.rows.insert(_session_values(session))

    def save(self, session: Session) -> None:
        self.rows.update(_session_values(session))

    def get(self, session_id: str) -> Session | None:
        row = self.rows.by_id(session_id)
        return _session(row) if row else None

    def of_mentorship(self, mentorship_id: str) -> list[Session]:
        query = (select(sessions).where(sessions.c.mentorship_id == mentorship_id)
                 .order_by(sessions.c.held_on, sessions.c.seq))
        return [_session(row) for row in self.rows.all(query)]

"""Mentoring sessions: recorded by either side of an active mentorship, with feedback."""

from datetime import date

from services.learning.domain.errors import MentorshipNotFound, SessionNotFound
from services.learning.domain.events import SessionRecorded
from services.learning.domain.mentorship import Mentorship
from services.learning.domain.ports import UnitOfWork
from services.learning.domain.sessions import Session
from services.learning.domain.use_cases._support import now, today


def _mentorship(uow: UnitOfWork, member_id: str | None, mentorship_id: str) -> Mentorship:
    mentorship = uow.mentorships.get(mentorship_id)
    if mentorship is None or (member_id is not None and not mentorship.involves(member_id)):
        raise MentorshipNotFound(mentorship_id)
    return mentorship


def _session(uow: UnitOfWork, mentorship: Mentorship, session_id: str) -> Session:
    session = uow.sessions.get(session_id)
    if session is None or session.mentorship_id != mentorship.id:
        raise SessionNotFound(session_id)
    return session


def record_session(uow: UnitOfWork, member_id: str | None, mentorship_id: str, held_on: date,
                   duration_minutes: int, notes: str, done: bool) -> Session:
    """`member_id` is the mentor or mentee recording it (None: an operator)."""
    with uow:
        mentorship = _mentorship(uow, member_id, mentorship_id)
        mentorship.check_step("record sessions in")
        session = Session.record(mentorship.id, held_on, duration_minutes, notes, done,
                                 member_id, today(), now())
        uow.sessions.add(session)
        if session.done:
            uow.publish(SessionRecorded(session, mentorship))
        uow.commit()
        return session


def mark_session_done(uow: UnitOfWork, member_id: str | None, mentorship_id: str,
                      session_id: str, notes: str | None = None) -> Session:
    with uow:
        mentorship = _mentorship(uow, member_id, mentorship_id)
        session = _session(uow, mentorship, session_id).mark_done(notes, today())
        uow.sessions.save(session)
        uow.publish(SessionRecorded(session, mentorship))
        uow.commit()
        return session


def give_session_feedback(uow: UnitOfWork, member_id: str, mentorship_id: str,
                          session_id: str, rating: int, comment: str) -> Session:
    """The mentor or the mentee says how the session went, once each."""
    with uow:
        mentorship = _mentorship(uow, member_id, mentorship_id)
        session = _session(uow, mentorship, session_id).with_feedback(
            mentorship.side_of(member_id), rating, comment, now())
        uow.sessions.save(session)
        uow.commit()
        return session

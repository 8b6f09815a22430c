"""Mentoring sessions: planned or done, with feedback from both sides.

A session is recorded by the mentor or the mentee of an active mentorship, as
planned (any date) or done (today or earlier: a session in the future cannot have
been held). A planned session is marked done once it happened. Each side gives
feedback once, after the session was held; notes and feedback stay between the
two and the coop (they are not in any event).
"""

import uuid
from dataclasses import dataclass, replace
from datetime import date, datetime

from services.learning.domain.errors import (
    FeedbackAlreadyGiven,
    SessionAlreadyDone,
    SessionInFutureCannotBeDone,
    SessionNotDone,
)

MIN_MINUTES, MAX_MINUTES = 15, 480


@dataclass(frozen=True)
class Feedback:
    rating: int  # 1–5
    comment: str
    given_at: datetime


@dataclass(frozen=True)
class Session:
    id: str
    mentorship_id: str
    held_on: date
    duration_minutes: int
    notes: str
    done: bool
    recorded_by: str | None  # member id, None for an operator
    recorded_at: datetime
    mentor_feedback: Feedback | None = None
    mentee_feedback: Feedback | None = None

    @classmethod
    def record(cls, mentorship_id: str, held_on: date, duration_minutes: int, notes: str,
               done: bool, recorded_by: str | None, today: date, now: datetime) -> "Session":
        if done and held_on > today:
            raise SessionInFutureCannotBeDone(held_on, today)
        return cls(str(uuid.uuid4()), mentorship_id, held_on, duration_minutes, notes, done,
                   recorded_by, now)

    def mark_done(self, notes: str | None, today: date) -> "Session":
        if self.done:
            raise SessionAlreadyDone(self.id)
        if self.held_on > today:
            raise SessionInFutureCannotBeDone(self.held_on, today)
        return replace(self, done=True, notes=self.notes if notes is None else notes)

    def with_feedback(self, side: str, rating: int, comment: str, now: datetime) -> "Session":
        """`side` is "mentor" or "mentee"."""
        if not self.done:
            raise SessionNotDone(self.id)
        attribute = f"{side}_feedback"
        if getattr(self, attribute) is not None:
            raise FeedbackAlreadyGiven(side)
        return replace(self, **{attribute: Feedback(rating, comment, now)})

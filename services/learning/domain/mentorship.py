"""A mentorship: one member helps another towards the target level of a wish.

    proposed ──accept (mentor)──▶ accepted ──start (either)──▶ active ──complete──▶ completed
        │
        └──decline (mentor)──▶ declined

- proposed: the mentee (or an operator) picks a mentor who offers the skill at the
  wish's target level or above and has room for another mentee;
- accept / decline: only the proposed mentor; accepting counts towards the
  mentor's load (accepted and active mentorships are "active mentees");
- start: either side, when the first session is near (`mentorship_started`);
  sessions are recorded only while the mentorship is active;
- complete: either side; the wish is then fulfilled.
"""

import uuid
from dataclasses import dataclass, replace
from datetime import datetime

from services.learning.domain.errors import (
    CannotMentorYourself,
    IllegalMentorshipStep,
    MentorAtCapacity,
    MentorBelowTarget,
    MentorHasNoOffer,
    OnlyTheMentorDecides,
)
from services.learning.domain.member_view import MemberView
from services.learning.domain.offers import Offer, Wish

PROPOSED, ACCEPTED, ACTIVE = "proposed", "accepted", "active"
COMPLETED, DECLINED = "completed", "declined"
STATUSES = (PROPOSED, ACCEPTED, ACTIVE, COMPLETED, DECLINED)
UNDER_WAY = (PROPOSED, ACCEPTED, ACTIVE)
LOADING = (ACCEPTED, ACTIVE)  # what counts against a mentor's limit of active mentees

ALLOWED_FROM = {
    "accept": (PROPOSED,),
    "decline": (PROPOSED,),
    "start": (ACCEPTED,),
    "complete": (ACTIVE,),
    "record sessions in": (ACTIVE,),
}


def check_mentor(wish: Wish, mentor: MemberView, offer: Offer | None, active_mentees: int,
                 max_mentees: int) -> None:
    """Whether `mentor`, with `offer` for the wish's skill, may mentor this wish now."""
    if mentor.member_id == wish.member_id:
        raise CannotMentorYourself()
    mentor.check_active("mentor_id")
    if offer is None or not offer.is_open:
        raise MentorHasNoOffer(mentor.member_id, wish.skill)
    if offer.level < wish.target_level:
        raise MentorBelowTarget(offer.level, wish.target_level)
    if active_mentees >= max_mentees:
        raise MentorAtCapacity(mentor.member_id, max_mentees)


@dataclass(frozen=True)
class Mentorship:
    id: str
    wish_id: str
    offer_id: str
    mentor_id: str
    mentee_id: str
    skill: str
    target_level: int
    status: str
    proposed_at: datetime
    accepted_at: datetime | None = None
    started_at: datetime | None = None
    ended_at: datetime | None = None  # completed or declined

    @classmethod
    def propose(cls, wish: Wish, offer: Offer, now: datetime) -> "Mentorship":
        return cls(str(uuid.uuid4()), wish.id, offer.id, offer.member_id, wish.member_id,
                   wish.skill, wish.target_level, PROPOSED, now)

    def involves(self, member_id: str) -> bool:
        return member_id in (self.mentor_id, self.mentee_id)

    def side_of(self, member_id: str) -> str:
        return "mentor" if member_id == self.mentor_id else "mentee"

    def check_step(self, action: str) -> None:
        if self.status not in ALLOWED_FROM[action]:
            raise IllegalMentorshipStep(self.id, self.status, action, ALLOWED_FROM[action])

    def accept(self, by: str | None, active_mentees: int, max_mentees: int,
               now: datetime) -> "Mentorship":
        self._check_mentor_decides(by)
        self.check_step("accept")
        if active_mentees >= max_mentees:
            raise MentorAtCapacity(self.mentor_id, max_mentees)
        return replace(self, status=ACCEPTED, accepted_at=now)

    def decline(self, by: str | None, now: datetime) -> "Mentorship":
        self._check_mentor_decides(by)
        self.check_step("decline")
        return replace(self, status=DECLINED, ended_at=now)

    def start(self, now: datetime) -> "Mentorship":
        self.check_step("start")
        return replace(self, status=ACTIVE, started_at=now)

    def complete(self, now: datetime) -> "Mentorship":
        self.check_step("complete")
        return replace(self, status=COMPLETED, ended_at=now)

    def _check_mentor_decides(self, by: str | None) -> None:
        """`by` is the member acting, None for an operator."""
        if by is not None and by != self.mentor_id:
            raise OnlyTheMentorDecides()

"""Facts the learning service tells the others about (published through the outbox).

Notes, feedback, comments and the reasons members give stay inside learning: no
event carries them.
"""

from dataclasses import dataclass
from datetime import datetime

from services.learning.domain.budget import DevelopmentRequest
from services.learning.domain.endorsements import Endorsement
from services.learning.domain.mentorship import Mentorship
from services.learning.domain.offers import Offer, Wish
from services.learning.domain.sessions import Session
from services.learning.domain.verification import Verification


@dataclass(frozen=True)
class LearningOffered:
    offer: Offer
    type = "learning_offered"

    @property
    def subject(self) -> str:
        return self.offer.member_id


@dataclass(frozen=True)
class LearningWished:
    wish: Wish
    type = "learning_wished"

    @property
    def subject(self) -> str:
        return self.wish.member_id


@dataclass(frozen=True)
class MentorshipStarted:
    mentorship: Mentorship
    type = "mentorship_started"

    @property
    def subject(self) -> str:
        return self.mentorship.id


@dataclass(frozen=True)
class SessionRecorded:
    session: Session
    mentorship: Mentorship
    type = "session_recorded"

    @property
    def subject(self) -> str:
        return self.mentorship.id


@dataclass(frozen=True)
class EndorsementGiven:
    endorsement: Endorsement
    type = "endorsement_given"

    @property
    def subject(self) -> str:
        return self.endorsement.member_id


@dataclass(frozen=True)
class EndorsementWithdrawn:
    endorsement: Endorsement
    type = "endorsement_withdrawn"

    @property
    def subject(self) -> str:
        return self.endorsement.member_id


@dataclass(frozen=True)
class SkillVerified:
    verification: Verification
    previous_level: int | None
    type = "skill_verified"

    @property
    def subject(self) -> str:
        return self.verification.member_id


@dataclass(frozen=True)
class SkillVerificationWithdrawn:
    """The skill no longer meets the rule at any level (endorsements were withdrawn)."""

    member_id: str
    skill: str
    previous_level: int
    withdrawn_at: datetime
    type = "skill_verification_withdrawn"

    @property
    def subject(self) -> str:
        return self.member_id


@dataclass(frozen=True)
class DevelopmentExpenseApproved:
    request: DevelopmentRequest
    type = "development_expense_approved"

    @property
    def subject(self) -> str:
        return self.request.member_id

"""Rules a request can break, named so the name is the message a user reads.

The class name reaches the caller as `rule`; `errors` names the field at fault.
`Invalid` (422): input that can never be right; `Conflict` (409): input that
clashes with the current state; `Forbidden` (403): someone else's to do;
`NotFound` (404): objects that are not there, or not the caller's.
"""

from datetime import date
from decimal import Decimal

from infra.errors import Conflict, Forbidden, Invalid, NotFound
from infra.errors import field_error as _field

# --- members (learning's read model of them) -------------------------------------------

class MemberNotFound(NotFound):
    def __init__(self, member_id: str):
        super().__init__(f"Learning knows no member with id {member_id}.")


class UnknownMember(Invalid):
    """An id inside a request names no member learning knows of."""

    def __init__(self, member_id: str, field: str = "member_id"):
        super().__init__(f"Learning knows no member with id {member_id}.",
                         _field(field, "No member has this id."))


class MemberMustBeActive(Conflict):
    def __init__(self, member_id: str, status: str, field: str | None = None):
        super().__init__(
            f"Member {member_id} is {status}; only active members can do this.",
            _field(field, f"The member is {status}, not active.") if field else None,
        )


# --- offers and wishes ---------------------------------------------------------------------

class OfferNotFound(NotFound):
    def __init__(self, offer_id: str):
        super().__init__(f"No offer to teach with id {offer_id}.")


class WishNotFound(NotFound):
    def __init__(self, wish_id: str):
        super().__init__(f"No wish to learn with id {wish_id}.")


class OfferAboveOwnLevel(Conflict):
    def __init__(self, skill: str, level: int, own: int | None):
        own_text = f"level {own}" if own else "no level at all"
        super().__init__(
            f"A member teaches {skill} at most at their own level; they have {own_text} in it "
            f"(declared or verified), not {level}.",
            _field("level", "Above your own declared or verified level in this skill."),
        )


class AlreadyOffering(Conflict):
    def __init__(self, skill: str):
        super().__init__(f"The member already offers to teach {skill}; withdraw that offer to "
                         "change it.", _field("skill", "You already offer this skill."))


class AlreadyWishing(Conflict):
    def __init__(self, skill: str):
        super().__init__(f"The member already wishes to learn {skill}.",
                         _field("skill", "You already wish to learn this skill."))


class TargetNotAboveCurrent(Invalid):
    def __init__(self, current: int, target: int):
        super().__init__(
            f"The target level {target} must be above the current level {current}.",
            _field("target_level", "Must be higher than the current level."),
        )


class NoLongerOpen(Conflict):
    def __init__(self, what: str, identifier: str, status: str):
        super().__init__(f"The {what} {identifier} is {status}, no longer open.")


# --- mentorships and sessions --------------------------------------------------------------

class MentorshipNotFound(NotFound):
    def __init__(self, mentorship_id: str):
        super().__init__(f"No mentorship with id {mentorship_id}.")


class SessionNotFound(NotFound):
    def __init__(self, session_id: str):
        super().__init__(f"No mentoring session with id {session_id}.")


class CannotMentorYourself(Conflict):
    def __init__(self):
        super().__init__("A member cannot be their own mentor.",
                         _field("mentor_id", "The mentor must be someone else."))


class MentorHasNoOffer(Conflict):
    def __init__(self, mentor_id: str, skill: str):
        super().__init__(f"Member {mentor_id} does not offer to teach {skill}.",
                         _field("mentor_id", "This member has no open offer for the skill."))


class MentorBelowTarget(Conflict):
    def __init__(self, mentor_level: int, target: int):
        super().__init__(
            f"The mentor teaches at level {mentor_level}, below the target level {target}.",
            _field("mentor_id", "A mentor's level must reach the target level."),
        )


class MentorAtCapacity(Conflict):
    def __init__(self, mentor_id: str, limit: int):
        super().__init__(
            f"Member {mentor_id} already has {limit} active mentees, the coop's limit.",
            _field("mentor_id", f"This mentor already has {limit} active mentees."),
        )


class WishAlreadyHasMentorship(Conflict):
    def __init__(self, wish_id: str, mentorship_id: str):
        super().__init__(f"Wish {wish_id} already has mentorship {mentorship_id} under way.")


class IllegalMentorshipStep(Conflict):
    def __init__(self, mentorship_id: str, status: str, action: str, allowed: tuple[str, ...]):
        super().__init__(
            f"Cannot {action} mentorship {mentorship_id}: it is {status}; only a mentorship "
            f"that is {' or '.join(allowed)} can be {_PAST[action]}."
        )


_PAST = {"accept": "accepted", "decline": "declined", "start": "started",
         "complete": "completed", "record sessions in": "given sessions"}


class OnlyTheMentorDecides(Forbidden):
    def __init__(self):
        super().__init__("Only the proposed mentor accepts or declines a mentorship.")


class SessionInFutureCannotBeDone(Invalid):
    def __init__(self, held_on: date, today: date):
        super().__init__(
            f"A session on {held_on} is after today ({today}); it cannot be done yet.",
            _field("held_on", "A session in the future can only be planned, not done."),
        )


class SessionNotDone(Conflict):
    def __init__(self, session_id: str):
        super().__init__(f"Session {session_id} has not been held yet; feedback comes after.")


class SessionAlreadyDone(Conflict):
    def __init__(self, session_id: str):
        super().__init__(f"Session {session_id} is already done.")


class FeedbackAlreadyGiven(Conflict):
    def __init__(self, side: str):
        super().__init__(f"The {side} already gave feedback on this session.")


# --- endorsements and verification ---------------------------------------------------------

class EndorsementNotFound(NotFound):
    def __init__(self, endorsement_id: str):
        super().__init__(f"No endorsement with id {endorsement_id}.")


class CannotEndorseYourself(Conflict):
    def __init__(self):
        super().__init__("A member cannot endorse their own skill.",
                         _field("endorser_id", "The endorser must be someone else."))


class NoSharedWork(Conflict):
    def __init__(self, endorser_id: str, member_id: str):
        super().__init__(
            f"Member {endorser_id} has not worked with member {member_id} on an assignment "
            "nor mentored them, so cannot endorse them.",
            _field("endorser_id", "Endorse only colleagues you worked with or mentored."),
        )


class EndorsementAboveOwnLevel(Conflict):
    def __init__(self, skill: str, level: int, own: int | None):
        own_text = f"level {own}" if own else "no level"
        super().__init__(
            f"An endorsement of {skill} reaches at most the endorser's own level; they have "
            f"{own_text} in it, not {level}.",
            _field("level", "Above your own declared or verified level in this skill."),
        )


class AlreadyEndorsed(Conflict):
    def __init__(self, skill: str):
        super().__init__(
            f"The endorser already endorses this member's {skill}; withdraw it to give "
            "another level.", _field("skill", "You already endorse this skill."))


class AlreadyWithdrawn(Conflict):
    def __init__(self, endorsement_id: str):
        super().__init__(f"Endorsement {endorsement_id} was already withdrawn.")


class OnlyTheEndorserWithdraws(Forbidden):
    def __init__(self):
        super().__init__("Only the member who gave an endorsement can withdraw it.")


class CheckinEndorsesOutsider(Invalid):
    def __init__(self, member_id: str, index: int):
        super().__init__(
            f"The check-in endorses member {member_id}, who is not among its members.",
            _field(f"endorsements[{index}].member_id", "Not one of the check-in's members."),
        )


# --- badges ----------------------------------------------------------------------------------

class BadgeNotFound(NotFound):
    def __init__(self, badge_id: str):
        super().__init__(f"No badge with id {badge_id}.")


class SkillNotVerified(Conflict):
    def __init__(self, member_id: str, skill: str):
        super().__init__(f"Member {member_id} has no verified level in {skill}; only a verified "
                         "skill becomes a badge.", _field("skill", "Not verified."))


class BadgeAlreadyRevoked(Conflict):
    def __init__(self, badge_id: str):
        super().__init__(f"Badge {badge_id} was already revoked.")


# --- development budget ----------------------------------------------------------------------

class DevelopmentRequestNotFound(NotFound):
    def __init__(self, request_id: str):
        super().__init__(f"No development request with id {request_id}.")


class OverRemainingBudget(Conflict):
    def __init__(self, amount: Decimal, remaining: Decimal, year: int):
        super().__init__(
            f"EUR {amount:.2f} is more than the EUR {remaining:.2f} left of the member's "
            f"{year} development budget.",
            _field("amount", f"At most EUR {remaining:.2f} is left this year."),
        )


class OverFundBalance(Conflict):
    def __init__(self, amount: Decimal, balance: Decimal):
        super().__init__(
            f"EUR {amount:.2f} is more than the development fund holds (EUR {balance:.2f}); "
            "it can be approved after new contributions.",
        )


class CannotApproveOwnRequest(Conflict):
    def __init__(self):
        super().__init__("A member cannot approve their own development request.",
                         _field("approver_id", "Someone else approves."))


class AlreadyApproved(Conflict):
    def __init__(self, approver_id: str):
        super().__init__(f"Member {approver_id} already approved this request.",
                         _field("approver_id", "You already approved it."))


class RequestNotPending(Conflict):
    def __init__(self, request_id: str, status: str):
        super().__init__(f"Development request {request_id} is {status}, no longer pending.")

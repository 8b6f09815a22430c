"""Rules a request can break, named so the name is the message a user reads.

The class name reaches the caller as `rule`; `errors` names the field at fault.
`Invalid` (422) is for input that can never be right; `Conflict` (409) for input
that clashes with the current state; `NotFound` (404) for objects that are not there.
"""

from datetime import date

from infra.errors import Conflict, Invalid, NotFound
from infra.errors import field_error as _field

# --- members -----------------------------------------------------------------------------

class MemberNotFound(NotFound):
    def __init__(self, member_id: str):
        super().__init__(f"No member with id {member_id}.")


class EmailAlreadyRegistered(Conflict):
    def __init__(self):
        # the address stays out of the detail: nameko logs the detail of every error
        super().__init__(
            "A member with this e-mail address is already registered.",
            _field("email", "This e-mail address is already registered."),
        )


class MemberWasErased(Conflict):
    def __init__(self, member_id: str):
        super().__init__(f"Member {member_id} was erased; their data can no longer change.")


class UnknownMember(Invalid):
    """An id inside a request or event names no member (the id is data, not the target)."""

    def __init__(self, member_id: str, field: str = "member_id"):
        super().__init__(f"No member with id {member_id}.", _field(field, "No member has this id."))


class UnknownMembers(Invalid):
    def __init__(self, member_ids: list[str]):
        shown = ", ".join(member_ids[:10]) + (" …" if len(member_ids) > 10 else "")
        super().__init__(
            f"{len(member_ids)} member id(s) are unknown: {shown}.",
            _field("member_ids", f"No members with these ids: {shown}."),
        )


# --- admission -----------------------------------------------------------------------------

class UnknownIntroducer(Invalid):
    def __init__(self, member_id: str):
        super().__init__(
            f"No member with id {member_id} can have introduced this applicant.",
            _field("introduced_by", "No member has this id."),
        )


class IntroducerMustBeActive(Conflict):
    def __init__(self, member_id: str, status: str):
        super().__init__(
            f"Member {member_id} is {status}; only an active member can introduce an applicant.",
            _field("introduced_by", f"The introducing member is {status}, not active."),
        )


class UnknownSponsor(Invalid):
    def __init__(self, member_id: str):
        super().__init__(f"No member with id {member_id} can sponsor.",
                         _field("sponsor_id", "No member has this id."))


class CannotSponsorYourself(Conflict):
    def __init__(self):
        super().__init__("A member cannot sponsor themself.",
                         _field("sponsor_id", "The sponsor must be someone else."))


class SponsorMustBeActive(Conflict):
    def __init__(self, sponsor_id: str, status: str):
        super().__init__(
            f"Member {sponsor_id} is {status}; only active members can sponsor an applicant.",
            _field("sponsor_id", f"The sponsor is {status}, not active."),
        )


class OnlyApplicantsCanBeSponsored(Conflict):
    def __init__(self, member_id: str, status: str):
        super().__init__(f"Member {member_id} is {status}; only applicants can be sponsored.")


class AlreadySponsored(Conflict):
    def __init__(self, applicant_id: str, sponsor_id: str):
        super().__init__(
            f"Member {sponsor_id} has already sponsored applicant {applicant_id}.",
            _field("sponsor_id", "This member has already sponsored the applicant."),
        )


class MeetingMustHaveHappened(Invalid):
    def __init__(self, met_on: date, today: date):
        super().__init__(
            f"A sponsor sponsors after meeting the applicant; {met_on} is after today ({today}).",
            _field("met_on", "The personal meeting cannot be in the future."),
        )


class NeedsTwoSponsors(Conflict):
    def __init__(self, member_id: str, active_sponsors: int, required: int):
        super().__init__(
            f"Applicant {member_id} has {active_sponsors} sponsor(s) who are active members; "
            f"{required} are needed before an operator can activate them."
        )


class ActivationNeedsFiscalDetails(Conflict):
    def __init__(self, member_id: str, missing: list[str]):
        super().__init__(
            f"Member {member_id} cannot become active without {', '.join(missing)}: "
            "the coop invoices and pays out on their behalf.",
            [{"field": name, "message": "Needed before activation."} for name in missing],
        )


# --- lifecycle -----------------------------------------------------------------------------

class IllegalTransition(Conflict):
    def __init__(self, member_id: str, status: str, action: str, allowed_from: tuple[str, ...]):
        allowed = " or ".join(allowed_from)
        super().__init__(
            f"Cannot {action} member {member_id}: they are {status}, and only a member who is "
            f"{allowed} can be {_PAST[action]}."
        )


class EraseOnlyAfterLeaving(IllegalTransition):
    """An active or suspended member first gives notice; applicants and leavers can be erased."""

    def __init__(self, member_id: str, status: str, allowed_from: tuple[str, ...]):
        super().__init__(member_id, status, "erase", allowed_from)
        self.args = (self.detail + " Give notice first.", *self.args[1:])


_PAST = {"activate": "activated", "suspend": "suspended", "reinstate": "reinstated",
         "leave": "given notice for", "erase": "erased"}


class LeaveDateBeforeJoining(Invalid):
    def __init__(self, leave_on: date, joined_on: date):
        super().__init__(
            f"The leave date {leave_on} is before the member joined on {joined_on}.",
            _field("leave_on", "The leave date cannot be before the joining date."),
        )


# --- skills --------------------------------------------------------------------------------

class UnknownSkill(Invalid):
    def __init__(self, slug: str, field: str = "skill"):
        super().__init__(
            f"{slug!r} is not in the skill taxonomy.",
            _field(field, f"Unknown skill {slug!r}; see list_skills or ask an operator."),
        )


class DuplicateSkill(Invalid):
    def __init__(self, slug: str, field: str):
        super().__init__(f"Skill {slug!r} is given more than once.",
                         _field(field, "Each skill may appear once."))


class LevelOutOfRange(Invalid):
    def __init__(self, level, field: str = "level"):
        super().__init__(f"A skill level is 1 to 5; got {level!r}.",
                         _field(field, "A skill level is a whole number from 1 to 5."))


class SkillAlreadyExists(Conflict):
    def __init__(self, slug: str):
        super().__init__(f"The taxonomy already has a skill {slug!r}.",
                         _field("slug", "This skill already exists."))


class SkillNotFound(NotFound):
    def __init__(self, slug: str):
        super().__init__(f"The taxonomy has no skill {slug!r}.")


class UnknownSkillCategory(Invalid):
    def __init__(self, category: str, known: list[str]):
        super().__init__(
            f"{category!r} is not a skill category.",
            _field("category", f"Use one of: {', '.join(known)}."),
        )


# --- capacity ------------------------------------------------------------------------------

class EndBeforeStart(Invalid):
    def __init__(self, starts_on: date, ends_on: date):
        super().__init__(
            f"The period ends on {ends_on}, before it starts on {starts_on}.",
            _field("ends_on", "The end date must be on or after the start date."),
        )


class BeyondPlanningHorizon(Invalid):
    def __init__(self, field: str, what: str, horizon: date):
        super().__init__(
            f"{what} is more than 3 years ahead (after {horizon}).",
            _field(field, f"Plans reach at most 3 years ahead (until {horizon})."),
        )


class UnavailabilityOverlaps(Conflict):
    def __init__(self, other_id: str, starts_on: date, ends_on: date):
        super().__init__(
            f"The period overlaps the member's unavailability {other_id} from {starts_on} to "
            f"{ends_on}; change that period instead of adding one that overlaps it.",
            _field("starts_on", f"Overlaps the unavailability from {starts_on} to {ends_on}."),
        )


class UnavailabilityNotFound(NotFound):
    def __init__(self, member_id: str, unavailability_id: str):
        super().__init__(f"Member {member_id} has no unavailability {unavailability_id}.")

"""Facts the members service tells the others about.

Every event carries the member's public snapshot (id, version, name, city,
introduction, hourly rate, status, languages, skills, joined/left dates) so that a
consumer can rebuild its view from any one event, applying it only when `version`
is newer than what it holds. Nothing private travels: no e-mail, phone, fiscal ids,
IBAN, motivation, suspension reason, nor the kind or reason of an unavailability.

`member_updated` accompanies every change to a member's details, status or skills
(with `changed_fields`: names only, never values), next to the event that says
what happened. Capacity, unavailability and sponsorships raise `version` too but
leave the snapshot as it was, so they publish only their own events.
"""

from dataclasses import dataclass
from datetime import date

from services.members.domain.iso_week import IsoWeek
from services.members.domain.member import Member
from services.members.domain.unavailability import Unavailability


@dataclass(frozen=True)
class MemberEvent:
    member: Member
    type = "member_event"

    @property
    def subject(self) -> str:
        return self.member.id


@dataclass(frozen=True)
class MemberCreated(MemberEvent):
    """Kept for consumers of the first version; `member_applied` says more."""

    type = "member_created"


@dataclass(frozen=True)
class MemberApplied(MemberEvent):
    self_registered: bool = False
    type = "member_applied"


@dataclass(frozen=True)
class MemberUpdated(MemberEvent):
    changed_fields: tuple[str, ...] = ()
    type = "member_updated"


@dataclass(frozen=True)
class MemberSponsored(MemberEvent):
    sponsor_id: str = ""
    met_on: date | None = None
    active_sponsors: int = 0
    type = "member_sponsored"


@dataclass(frozen=True)
class MemberActivated(MemberEvent):
    reinstated: bool = False
    type = "member_activated"


@dataclass(frozen=True)
class MemberSuspended(MemberEvent):
    type = "member_suspended"


@dataclass(frozen=True)
class MemberLeft(MemberEvent):
    previous_status: str = ""
    type = "member_left"


@dataclass(frozen=True)
class MemberErased(MemberEvent):
    type = "member_erased"


@dataclass(frozen=True)
class MemberSkillsChanged(MemberEvent):
    verified_skill: str | None = None  # set when learning's verification caused it
    type = "member_skills_changed"


@dataclass(frozen=True)
class MemberCapacityChanged(MemberEvent):
    changed_weeks: tuple[IsoWeek, ...] = ()
    type = "member_capacity_changed"


@dataclass(frozen=True)
class MemberUnavailable(MemberEvent):
    """The member cannot work over these dates; a later one with the same id replaces it."""

    period: Unavailability | None = None
    type = "member_unavailable"


@dataclass(frozen=True)
class MemberAvailableAgain(MemberEvent):
    """The unavailability with this id is withdrawn: the member can work those dates again."""

    period: Unavailability | None = None
    type = "member_available_again"

"""Admission: an applicant becomes a member when two active members vouch for them.

Each sponsor meets the applicant in person first and records the date and a note.
The rules, checked in this order:

- `CannotSponsorYourself`;
- `OnlyApplicantsCanBeSponsored` (active, suspended, left or erased members are not);
- `SponsorMustBeActive` (applicants, suspended members and leavers cannot sponsor);
- `AlreadySponsored` (each sponsor counts once; the first record stands);
- `MeetingMustHaveHappened` (the meeting date is not in the future).

An operator then confirms (`activate`): `NeedsTwoSponsors` counts only sponsors who
are *still* active at that moment. While the coop has fewer than two active members
nobody could sponsor, so founding members are activated on an operator's
confirmation alone.
"""

from dataclasses import dataclass
from datetime import date, datetime

from services.members.domain.errors import (
    AlreadySponsored,
    CannotSponsorYourself,
    MeetingMustHaveHappened,
    NeedsTwoSponsors,
    OnlyApplicantsCanBeSponsored,
    SponsorMustBeActive,
)
from services.members.domain.lifecycle import ACTIVE, APPLICANT

REQUIRED_SPONSORS = 2


@dataclass(frozen=True)
class Sponsorship:
    sponsor_id: str
    met_on: date
    note: str
    recorded_at: datetime


def check_sponsorship(applicant, sponsor, met_on: date, today: date) -> None:
    """Whether `sponsor` may sponsor `applicant` after meeting them on `met_on`."""
    if sponsor.id == applicant.id:
        raise CannotSponsorYourself()
    if applicant.status != APPLICANT:
        raise OnlyApplicantsCanBeSponsored(applicant.id, applicant.status)
    if sponsor.status != ACTIVE:
        raise SponsorMustBeActive(sponsor.id, sponsor.status)
    if any(s.sponsor_id == sponsor.id for s in applicant.sponsorships):
        raise AlreadySponsored(applicant.id, sponsor.id)
    if met_on > today:
        raise MeetingMustHaveHappened(met_on, today)


def founding(active_members: int) -> bool:
    """Whether the coop is still being founded: too few active members to sponsor."""
    return active_members < REQUIRED_SPONSORS


def check_sponsors(member_id: str, active_sponsors: int, active_members: int) -> None:
    if active_sponsors < REQUIRED_SPONSORS and not founding(active_members):
        raise NeedsTwoSponsors(member_id, active_sponsors, REQUIRED_SPONSORS)


@dataclass(frozen=True)
class Admission:
    """Where an applicant's admission stands, for the applicant and operators."""

    member: object  # Member
    active_sponsor_ids: tuple[str, ...]
    active_members: int

    @property
    def sponsorships(self) -> list[Sponsorship]:
        return self.member.sponsorships

    @property
    def sponsors_required(self) -> int:
        return REQUIRED_SPONSORS

    @property
    def can_be_activated(self) -> bool:
        if self.member.status != APPLICANT or self.member.missing_fiscal_details:
            return False
        return len(self.active_sponsor_ids) >= REQUIRED_SPONSORS or founding(self.active_members)

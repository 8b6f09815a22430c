"""Endorsements: colleagues and clients vouching for a member's level in a skill.

A member endorses a colleague's skill at a level only

- if it is someone else (`CannotEndorseYourself`) and the endorser is active;
- if they worked together: both on an assignment of the same project over dates
  that overlap and have begun (from matching's `assignment_confirmed`), or the
  endorser mentored them (an active or completed mentorship) (`NoSharedWork`);
- up to the endorser's own level in that skill, declared or verified
  (`EndorsementAboveOwnLevel`);
- once per skill while it stands (`AlreadyEndorsed`); to change the level, withdraw
  and endorse again.

A client endorses through a check-in (matching's `checkin_recorded`): the latest
check-in's word replaces an earlier endorsement by the same client of the same
member's skill. Only the endorser (or an operator) withdraws an endorsement.
"""

import uuid
from dataclasses import dataclass, field, replace
from datetime import datetime

from services.learning.domain.errors import (
    AlreadyEndorsed,
    AlreadyWithdrawn,
    CannotEndorseYourself,
    EndorsementAboveOwnLevel,
    NoSharedWork,
    OnlyTheEndorserWithdraws,
)
from services.learning.domain.member_view import MemberView

MEMBER, CLIENT = "member", "client"
ASSIGNMENT, MENTORSHIP, CHECKIN = "assignment", "mentorship", "checkin"
WITHDRAWN_BY_ENDORSER, SUPERSEDED = "withdrawn", "superseded"


@dataclass(frozen=True)
class SharedWork:
    """What the endorser and the endorsed member did together, as learning knows it."""

    project_ids: tuple[str, ...] = ()  # projects both worked on, overlapping and begun
    mentorship_ids: tuple[str, ...] = ()  # the endorser mentored the member

    def basis(self) -> tuple[str, str] | None:
        if self.project_ids:
            return ASSIGNMENT, self.project_ids[0]
        if self.mentorship_ids:
            return MENTORSHIP, self.mentorship_ids[0]
        return None


@dataclass(frozen=True)
class Endorsement:
    id: str
    member_id: str
    skill: str
    level: int
    endorser_kind: str  # member or client
    endorser_id: str
    basis: str  # assignment, mentorship or checkin
    basis_id: str
    comment: str
    given_at: datetime
    withdrawn_at: datetime | None = field(default=None)
    withdrawal_reason: str | None = field(default=None)

    @property
    def stands(self) -> bool:
        return self.withdrawn_at is None

    def withdrawn(self, by: str | None, now: datetime,
                  reason: str = WITHDRAWN_BY_ENDORSER) -> "Endorsement":
        """`by`: the member withdrawing, None for an operator or the system."""
        if by is not None and (self.endorser_kind != MEMBER or by != self.endorser_id):
            raise OnlyTheEndorserWithdraws()
        if not self.stands:
            raise AlreadyWithdrawn(self.id)
        return replace(self, withdrawn_at=now, withdrawal_reason=reason)


def endorse_as_member(endorser: MemberView, member: MemberView, skill: str, level: int,
                      comment: str, shared: SharedWork, already_endorsed: bool,
                      now: datetime) -> Endorsement:
    if endorser.member_id == member.member_id:
        raise CannotEndorseYourself()
    endorser.check_active("endorser_id")
    basis = shared.basis()
    if basis is None:
        raise NoSharedWork(endorser.member_id, member.member_id)
    own = endorser.level_in(skill)
    if own is None or level > own:
        raise EndorsementAboveOwnLevel(skill, level, own)
    if already_endorsed:
        raise AlreadyEndorsed(skill)
    return Endorsement(str(uuid.uuid4()), member.member_id, skill, level, MEMBER,
                       endorser.member_id, basis[0], basis[1], comment, now)


def endorse_as_client(client_id: str, checkin_id: str, member_id: str, skill: str, level: int,
                      comment: str, now: datetime) -> Endorsement:
    return Endorsement(str(uuid.uuid4()), member_id, skill, level, CLIENT, client_id, CHECKIN,
                       checkin_id, comment, now)

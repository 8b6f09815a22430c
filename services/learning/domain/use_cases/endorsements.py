"""Endorsements by colleagues and clients, and the verification they lead to."""

from datetime import datetime

from services.learning.domain import verification as rule
from services.learning.domain.badges.badge import VERIFICATION_LOWERED
from services.learning.domain.endorsements import (
    CLIENT,
    MEMBER,
    SUPERSEDED,
    Endorsement,
    SharedWork,
    endorse_as_client,
    endorse_as_member,
)
from services.learning.domain.errors import CheckinEndorsesOutsider, EndorsementNotFound
from services.learning.domain.events import (
    EndorsementGiven,
    EndorsementWithdrawn,
    SkillVerificationWithdrawn,
    SkillVerified,
)
from services.learning.domain.ports import UnitOfWork
from services.learning.domain.use_cases._support import member, now, other_member, today
from services.learning.domain.work_history import shared_projects


def endorse_skill(uow: UnitOfWork, member_id: str, endorser_id: str, skill: str, level: int,
                  comment: str = "") -> Endorsement:
    """`endorser_id` vouches for `member_id`'s `skill` at `level`."""
    with uow:
        endorsed = member(uow, member_id)
        endorser = other_member(uow, endorser_id, "endorser_id")
        history = uow.work.of_members([endorser_id, member_id])
        shared = SharedWork(
            shared_projects([a for a in history if a.member_id == endorser_id],
                            [a for a in history if a.member_id == member_id], today()),
            tuple(uow.mentorships.mentored(endorser_id, member_id)))
        standing = uow.endorsements.standing_by(MEMBER, endorser_id, member_id, skill)
        endorsement = endorse_as_member(endorser, endorsed, skill, level, comment, shared,
                                        standing is not None, now())
        _give(uow, endorsement)
        uow.commit()
        return endorsement


def withdraw_endorsement(uow: UnitOfWork, endorsement_id: str,
                         withdrawn_by: str | None) -> Endorsement:
    """The endorser (a member id), or an operator (None), takes an endorsement back."""
    with uow:
        endorsement = uow.endorsements.get(endorsement_id)
        if endorsement is None:
            raise EndorsementNotFound(endorsement_id)
        endorsement = endorsement.withdrawn(withdrawn_by, now())
        _withdraw(uow, endorsement)
        uow.commit()
        return endorsement


def record_checkin(uow: UnitOfWork, event: dict, checkin: dict) -> list[Endorsement]:
    """A client's check-in: each endorsement in it is the client's word on a member's skill.

    `checkin` holds `checkin_id`, `client_id`, `member_ids` and `endorsements`
    (`member_id`, `skill`, `level`, `comment`). The latest check-in's endorsement
    replaces the same client's earlier one of the same member's skill.
    """
    with uow:
        if uow.already_handled(event):
            return []
        given = []
        for index, entry in enumerate(checkin["endorsements"]):
            if entry["member_id"] not in checkin["member_ids"]:
                raise CheckinEndorsesOutsider(entry["member_id"], index)
            earlier = uow.endorsements.standing_by(CLIENT, checkin["client_id"],
                                                   entry["member_id"], entry["skill"])
            if earlier is not None:
                _withdraw(uow, earlier.withdrawn(None, now(), reason=SUPERSEDED))
            endorsement = endorse_as_client(checkin["client_id"], checkin["checkin_id"],
                                            entry["member_id"], entry["skill"], entry["level"],
                                            entry.get("comment") or "", now())
            _give(uow, endorsement)
            given.append(endorsement)
        uow.mark_handled(event)
        uow.commit()
        return given


def list_endorsements(uow: UnitOfWork, limit: int, cursor: str | None, **filters):
    with uow:
        return uow.endorsements.page(limit, cursor, **filters)


def get_verifications(uow: UnitOfWork, member_id: str) -> list[rule.Verification]:
    with uow:
        member(uow, member_id)
        return uow.verifications.of_member(member_id)


def _give(uow: UnitOfWork, endorsement: Endorsement) -> None:
    uow.endorsements.add(endorsement)
    uow.publish(EndorsementGiven(endorsement))
    _reverify(uow, endorsement.member_id, endorsement.skill, endorsement.given_at)


def _withdraw(uow: UnitOfWork, endorsement: Endorsement) -> None:
    uow.endorsements.save(endorsement)
    uow.publish(EndorsementWithdrawn(endorsement))
    _reverify(uow, endorsement.member_id, endorsement.skill, endorsement.withdrawn_at)


def _reverify(uow: UnitOfWork, member_id: str, skill: str, moment: datetime) -> None:
    """Apply the verification rule again; publish and store what changed.

    Badges whose level the member no longer holds verified are revoked with it.
    """
    outcome = rule.recompute(member_id, skill, uow.verifications.get(member_id, skill),
                             uow.endorsements.of_skill(member_id, skill), moment)
    if not outcome.changed:
        return
    previous = outcome.before.level if outcome.before else None
    if outcome.after is None:
        uow.verifications.remove(member_id, skill)
        uow.publish(SkillVerificationWithdrawn(member_id, skill, previous, moment))
    else:
        uow.verifications.put(outcome.after)
        uow.publish(SkillVerified(outcome.after, previous))
    for badge in uow.badges.of_member(member_id, skill):
        if badge.outlived_by(outcome.after):
            uow.badges.save(badge.revoke(VERIFICATION_LOWERED, moment))

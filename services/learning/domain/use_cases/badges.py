"""Badges: issuing a verified skill as a signed credential, revoking it, checking one."""

from collections.abc import Iterable

from services.learning.domain.badges.badge import Badge
from services.learning.domain.badges.checking import (
    CheckResult,
    check_revocation,
    check_signature,
)
from services.learning.domain.badges.credential import Issuer
from services.learning.domain.badges.proof import SigningKey, VerifyingKey
from services.learning.domain.errors import BadgeNotFound, SkillNotVerified
from services.learning.domain.ports import UnitOfWork
from services.learning.domain.settings import LearningSettings
from services.learning.domain.use_cases._support import member, now


def issuer(settings: LearningSettings, key: SigningKey) -> Issuer:
    return Issuer(key.did, settings.coop_name, settings.coop_url)


def issue_badge(uow: UnitOfWork, member_id: str, skill: str, settings: LearningSettings,
                key: SigningKey) -> Badge:
    with uow:
        holder = member(uow, member_id)
        verification = uow.verifications.get(member_id, skill)
        if verification is None:
            raise SkillNotVerified(member_id, skill)
        evidence = uow.endorsements.get_many(list(verification.evidence))
        badge = Badge.issue(holder, verification, evidence, issuer(settings, key), key, now())
        uow.badges.add(badge)
        uow.commit()
        return badge


def _badge(uow: UnitOfWork, member_id: str | None, badge_id: str) -> Badge:
    badge = uow.badges.get(badge_id)
    if badge is None or (member_id is not None and badge.member_id != member_id):
        raise BadgeNotFound(badge_id)
    return badge


def get_badge(uow: UnitOfWork, member_id: str | None, badge_id: str) -> Badge:
    with uow:
        return _badge(uow, member_id, badge_id)


def list_badges(uow: UnitOfWork, member_id: str) -> list[Badge]:
    with uow:
        member(uow, member_id)
        return uow.badges.of_member(member_id)


def revoke_badge(uow: UnitOfWork, member_id: str | None, badge_id: str, reason: str) -> Badge:
    """The holder (their member id) or an operator (None) revokes a badge."""
    with uow:
        badge = _badge(uow, member_id, badge_id).revoke(reason, now())
        uow.badges.save(badge)
        uow.commit()
        return badge


def verify_badge(uow: UnitOfWork, credential, key: SigningKey,
                 former_keys: Iterable[VerifyingKey] = ()) -> CheckResult:
    """Whether a presented credential is the coop's (signed with `key` or, before a
    rotation, one of `former_keys`), unchanged and not revoked.

    Never raises for what is presented: malformed input is `verified: false`.
    """
    signed = check_signature(credential, (key.verifying_key, *former_keys))
    if not signed.verified:
        return signed
    with uow:
        badge = uow.badges.get(signed.badge_id)
    if badge is None:
        return check_revocation(signed, None, None, known=False)
    return check_revocation(signed, badge.revoked_at, badge.revocation_reason, known=True)

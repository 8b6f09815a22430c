"""A badge the coop issued: which verified skill, its signed credential, whether revoked.

Issuing needs a verified level (`SkillNotVerified`). The member or an operator
revokes a badge; learning revokes it by itself when the verification it attests
falls below its level or is withdrawn. A revoked badge stays on record, so the
public verification can say since when and why it no longer holds.
"""

import uuid
from dataclasses import dataclass, replace
from datetime import datetime

from services.learning.domain.badges import proof
from services.learning.domain.badges.credential import Issuer, unsigned_credential
from services.learning.domain.endorsements import Endorsement
from services.learning.domain.errors import BadgeAlreadyRevoked
from services.learning.domain.member_view import MemberView
from services.learning.domain.verification import Verification

VERIFICATION_LOWERED = "The verified level was lowered or withdrawn."


@dataclass(frozen=True)
class Badge:
    id: str
    member_id: str
    skill: str
    level: int
    evidence: tuple[str, ...]
    issued_at: datetime
    credential: dict
    revoked_at: datetime | None = None
    revocation_reason: str | None = None

    @classmethod
    def issue(cls, member: MemberView, verification: Verification,
              evidence: list[Endorsement], issuer: Issuer, key: proof.SigningKey,
              now: datetime) -> "Badge":
        badge_id = str(uuid.uuid4())
        document = unsigned_credential(badge_id, issuer, member.member_id, member.name,
                                       verification.skill, verification.level, evidence, now)
        return cls(badge_id, member.member_id, verification.skill, verification.level,
                   verification.evidence, now, proof.sign(document, key, now))

    @property
    def is_revoked(self) -> bool:
        return self.revoked_at is not None

    def revoke(self, reason: str, now: datetime) -> "Badge":
        if self.is_revoked:
            raise BadgeAlreadyRevoked(self.id)
        return replace(self, revoked_at=now, revocation_reason=reason)

    def outlived_by(self, verification: Verification | None) -> bool:
        """Whether the member's verification no longer supports this badge's level."""
        return not self.is_revoked and (verification is None
                                        or verification.level < self.level)

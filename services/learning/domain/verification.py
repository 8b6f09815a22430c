"""When a member's level in a skill counts as verified.

**The rule.** A member's skill is verified at level L when, among the endorsements
of that skill that stand (not withdrawn) and are at level L or higher, there are

- two from distinct members, or
- one from a member and one from a client.

The verified level is the highest L for which this holds. Two clients alone do
not verify: a client judges the outcome, a colleague the craft. Member
endorsements never exceed the endorser's own level (`endorsements.py`), so a
level is verified by people who have it themselves.

**Evidence** is the pair that meets the rule at L: the earliest member endorsement
at L or higher, and the earliest other endorsement at L or higher (a member's is
from another member: one member endorses a skill once). Choosing the earliest
keeps the evidence stable while later endorsements arrive.

**Recomputation.** After every endorsement given or withdrawn the rule is applied
again. The verification changes, and is published, only when its level or its
evidence changes: up, down (`skill_verified` with the lower level: the newest
verification wins at the members service), or to nothing
(`skill_verification_withdrawn`).
"""

from dataclasses import dataclass
from datetime import datetime

from services.learning.domain.endorsements import MEMBER, Endorsement

LEVELS = (5, 4, 3, 2, 1)


@dataclass(frozen=True)
class Verification:
    member_id: str
    skill: str
    level: int
    evidence: tuple[str, ...]  # endorsement ids
    verified_at: datetime


def meets_rule(endorsements: list[Endorsement], level: int) -> tuple[str, ...] | None:
    """The evidence pair verifying `level`, or None if the rule is not met there."""
    qualifying = sorted((e for e in endorsements if e.stands and e.level >= level),
                        key=lambda e: (e.given_at, e.id))
    first_member = next((e for e in qualifying if e.endorser_kind == MEMBER), None)
    if first_member is None:
        return None
    other = next((e for e in qualifying if e.id != first_member.id), None)
    if other is None:
        return None
    return first_member.id, other.id


def verified(endorsements: list[Endorsement]) -> tuple[int, tuple[str, ...]] | None:
    """The highest verified level and its evidence, or None."""
    for level in LEVELS:
        evidence = meets_rule(endorsements, level)
        if evidence is not None:
            return level, evidence
    return None


@dataclass(frozen=True)
class Outcome:
    """What recomputing did: the verification now (None: not verified) and whether it changed."""

    before: Verification | None
    after: Verification | None

    @property
    def changed(self) -> bool:
        if self.before is None or self.after is None:
            return self.before is not self.after
        return (self.before.level, self.before.evidence) != (self.after.level,
                                                             self.after.evidence)


def recompute(member_id: str, skill: str, current: Verification | None,
              endorsements: list[Endorsement], now: datetime) -> Outcome:
    found = verified([e for e in endorsements if e.member_id == member_id and e.skill == skill])
    if found is None:
        return Outcome(current, None)
    level, evidence = found
    if current is not None and (current.level, current.evidence) == (level, evidence):
        return Outcome(current, current)
    return Outcome(current, Verification(member_id, skill, level, evidence, now))

"""Learning's own view of a member, kept from the members service's events.

Rules about teaching and endorsing need to know who is active and what level each
member has in a skill; learning keeps that view current instead of asking the
members service per member. Events can arrive out of order or twice, so a
snapshot only replaces an older one: the member's `version` decides.
"""

from dataclasses import dataclass, field

from services.learning.domain.errors import MemberMustBeActive

ACTIVE = "active"


@dataclass(frozen=True)
class SkillLevels:
    declared: int | None = None  # what the member says
    verified: int | None = None  # what learning verified (as members recorded it)

    @property
    def own(self) -> int | None:
        """The member's level in the skill: the higher of declared and verified.

        A verification can exceed a modest self-assessment; a declaration above the
        verified level is the member's own word, which the coop takes until shown
        otherwise.
        """
        levels = [level for level in (self.declared, self.verified) if level]
        return max(levels) if levels else None


@dataclass(frozen=True)
class MemberView:
    member_id: str
    version: int
    name: str
    status: str
    skills: dict[str, SkillLevels] = field(default_factory=dict)

    @property
    def is_active(self) -> bool:
        return self.status == ACTIVE

    def level_in(self, skill: str) -> int | None:
        levels = self.skills.get(skill)
        return levels.own if levels else None

    def verified_in(self, skill: str) -> int | None:
        levels = self.skills.get(skill)
        return levels.verified if levels else None

    def check_active(self, field: str | None = None) -> None:
        if not self.is_active:
            raise MemberMustBeActive(self.member_id, self.status, field)


def newer(current: MemberView | None, incoming: MemberView) -> bool:
    """Whether `incoming` should replace what learning knows now."""
    return current is None or incoming.version > current.version

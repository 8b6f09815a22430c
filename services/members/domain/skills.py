"""Skills: a shared taxonomy, and what each member says and has shown they can do.

A member declares skills with a self-assessed level (1–5), years of experience and
whether they want to grow in it. The *verified* level is set only by learning's
`skill_verified` events (endorsements, sessions): a member cannot set it, and
re-declaring their skills keeps it. A skill that was verified stays on the profile
even when the member no longer declares it (its self-assessed level is then empty).

Skills and categories have an English `name` and a Dutch `name_nl` (the coop's website is
in both languages). A skill an operator added without a Dutch name is called by its English
name in Dutch too (`dutch_name`).

An operator may rename a skill (English or Dutch), move it to another category or change
its ESCO link; its slug, which members' skills, projects and partners' events refer to,
never changes. A change to a shipped skill is stored as the coop's own version of it.
"""

import re
from dataclasses import dataclass, replace
from datetime import datetime

from services.members.domain.errors import (
    DuplicateSkill,
    LevelOutOfRange,
    SkillAlreadyExists,
    SkillNotFound,
    UnknownSkill,
    UnknownSkillCategory,
)

LEVELS = range(1, 6)
SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


@dataclass(frozen=True)
class SkillCategory:
    slug: str
    name: str
    name_nl: str | None = None

    @property
    def dutch_name(self) -> str:
        return self.name_nl or self.name


@dataclass(frozen=True)
class Skill:
    slug: str
    name: str
    category: str
    esco_uri: str | None = None
    name_nl: str | None = None  # None: no Dutch name given, the English one serves

    @property
    def dutch_name(self) -> str:
        return self.name_nl or self.name

    def named(self, word: str) -> bool:
        """Whether `word` (lower case) occurs in the skill's slug, English or Dutch name."""
        return any(word in text for text in (self.slug, self.name.lower(),
                                             self.dutch_name.lower()))


class Taxonomy:
    """Every skill a member can declare, grouped in categories."""

    def __init__(self, categories: list[SkillCategory], skills: list[Skill]):
        self.categories = list(categories)
        self._skills = {skill.slug: skill for skill in skills}

    def knows(self, slug: str) -> bool:
        return slug in self._skills

    def skills(self, category: str | None = None) -> list[Skill]:
        chosen = [s for s in self._skills.values() if category in (None, s.category)]
        return sorted(chosen, key=lambda skill: (skill.category, skill.slug))

    def check_new(self, skill: Skill) -> None:
        """What an operator adds must be new and belong to a known category."""
        if self.knows(skill.slug):
            raise SkillAlreadyExists(skill.slug)
        self._check_category(skill.category)

    def changed(self, slug: str, changes: dict) -> Skill:
        """The skill `slug` with `changes` (`name`, `name_nl`, `category`, `esco_uri`)."""
        if not self.knows(slug):
            raise SkillNotFound(slug)
        if "category" in changes:
            self._check_category(changes["category"])
        return replace(self._skills[slug], **changes)

    def _check_category(self, category: str) -> None:
        known = [category.slug for category in self.categories]
        if category not in known:
            raise UnknownSkillCategory(category, known)


def check_level(level, field: str = "level") -> int:
    if isinstance(level, bool) or not isinstance(level, int) or level not in LEVELS:
        raise LevelOutOfRange(level, field)
    return level


@dataclass(frozen=True)
class MemberSkill:
    skill: str
    level: int | None = None  # self-assessed; None if only verified
    years_experience: int | None = None
    wants_to_grow: bool = False
    verified_level: int | None = None
    evidence: tuple[str, ...] = ()
    verified_at: datetime | None = None


def declared(entries: list[dict], taxonomy: Taxonomy) -> list[MemberSkill]:
    """Check a member's declaration (`skill`, `level`, optional `years_experience` and
    `wants_to_grow`), naming the entry at fault as `skills[i].<field>`."""
    seen = set()
    result = []
    for index, entry in enumerate(entries):
        slug = entry["skill"]
        if not taxonomy.knows(slug):
            raise UnknownSkill(slug, f"skills[{index}].skill")
        if slug in seen:
            raise DuplicateSkill(slug, f"skills[{index}].skill")
        seen.add(slug)
        level = check_level(entry["level"], f"skills[{index}].level")
        result.append(MemberSkill(slug, level, entry.get("years_experience"),
                                  bool(entry.get("wants_to_grow", False))))
    return result


def redeclare(current: dict[str, MemberSkill],
              declaration: list[MemberSkill]) -> dict[str, MemberSkill]:
    """The skills after a new declaration: declared ones, plus verified ones kept."""
    result = {}
    for entry in declaration:
        before = current.get(entry.skill)
        if before is not None:
            entry = replace(entry, verified_level=before.verified_level,
                            evidence=before.evidence, verified_at=before.verified_at)
        result[entry.skill] = entry
    for slug, before in current.items():
        if slug not in result and before.verified_level is not None:
            result[slug] = replace(before, level=None, years_experience=None,
                                   wants_to_grow=False)
    return result


def verify(current: dict[str, MemberSkill], slug: str, level: int | None,
           evidence: tuple[str, ...], verified_at: datetime) -> dict[str, MemberSkill] | None:
    """The skills with learning's verification applied, or None if it changes nothing.

    `level` None is learning withdrawing the verification (no level meets its rule
    any more). A verification older than the one already recorded is ignored (events
    may arrive out of order); the newest wins, also when it is lower or a withdrawal.
    A skill that was only verified, never declared, disappears when withdrawn.
    """
    if level is not None:
        check_level(level)
    before = current.get(slug) or MemberSkill(slug)
    if before.verified_at is not None and verified_at < before.verified_at:
        return None
    after = replace(before, verified_level=level, evidence=tuple(evidence),
                    verified_at=verified_at)
    if (after.verified_level, after.evidence) == (before.verified_level, before.evidence):
        return None
    if after.level is None and after.verified_level is None:
        return {name: skill for name, skill in current.items() if name != slug}
    return {**current, slug: after}

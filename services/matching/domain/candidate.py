"""A candidate: matching's own view of a member, kept from the members service's events.

Matching never asks members per candidate while proposing a team; it keeps this
read model current instead: the member's public snapshot (skills included), their
capacity, and their unavailability periods. Events can arrive out of order (one
queue per event type, several relays, redelivery), so each part keeps the member
version of the event that set it, and only a newer version replaces it. A period
that was removed stays as a tombstone, so a late, older `member_unavailable`
cannot bring it back.
"""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Protocol

from services.matching.domain.proposals.candidates import SkillLevel
from services.matching.domain.proposals.iso_week import IsoWeek


@dataclass(frozen=True)
class CandidateSkill:
    skill: str
    level: int | None  # self-assessed 1–5; None when the skill is only verified
    verified_level: int | None = None
    wants_to_grow: bool = False
    years_experience: int | None = None


@dataclass(frozen=True)
class Candidate:
    member_id: str
    version: int
    name: str
    city: str | None
    introduction: str
    hourly_rate: Decimal | None
    status: str
    skills: tuple[CandidateSkill, ...] = ()
    languages: tuple[str, ...] = ()
    left_on: date | None = None


@dataclass(frozen=True)
class MemberCapacity:
    """Default hours per ISO week and per-week overrides, as of member `version`."""

    member_id: str
    version: int
    default_weekly_hours: Decimal = Decimal("0.00")
    overrides: dict[IsoWeek, Decimal] = field(default_factory=dict)

    @classmethod
    def none_yet(cls, member_id: str) -> "MemberCapacity":
        """The members service's default before a member sets any capacity: 0 hours."""
        return cls(member_id, version=0)


@dataclass(frozen=True)
class UnavailablePeriod:
    """Days a member cannot work (both dates included), as of member `version`."""

    member_id: str
    unavailability_id: str
    version: int
    starts_on: date
    ends_on: date
    removed: bool = False  # a tombstone: the member is available again


@dataclass(frozen=True)
class CandidateRecord:
    """Everything matching knows about one member, as the solver's adapter needs it."""

    candidate: Candidate
    capacity: MemberCapacity
    periods: tuple[UnavailablePeriod, ...] = ()  # live periods only, no tombstones


class Versioned(Protocol):
    @property
    def version(self) -> int: ...


def newer(current: Versioned | None, incoming: Versioned) -> bool:
    """Whether `incoming` should replace what matching knows now."""
    return current is None or incoming.version > current.version


def skill_levels(candidate: Candidate) -> dict[str, SkillLevel]:
    """The candidate's skills as the solver reads them, by skill slug."""
    return {
        skill.skill: SkillLevel(skill.level, skill.verified_level, skill.wants_to_grow)
        for skill in candidate.skills
    }

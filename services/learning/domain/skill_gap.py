"""The skill gap report: what clients asked for against what members can do.

Over the last 12 months, per skill that was asked for:

- **demand**: seats in the roles of projects created in the window (matching's
  `project_created`), and seats that went unfilled (`coverage_gap_detected`; the
  latest detection per project and skill counts, so a gap reported every week is
  not counted every week, and a gap reported as 0 is closed);
- **supply**: active members whose level (declared or verified) reaches the
  highest minimum level asked, and how many of them are verified at it;
- **shortage** = the larger of the seats that went unfilled and the seats asked
  beyond the members at that level (never below 0).

Skills to develop first: those with a shortage, largest first; then more unfilled
seats, fewer verified members, more seats asked; then by name. Each says why, and
how many members offer to teach it or wish to learn it (how quickly the coop can act).
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime

from services.learning.domain.member_view import MemberView

WINDOW_MONTHS = 12


@dataclass(frozen=True)
class RoleDemand:
    project_id: str
    skill: str
    min_level: int
    seats: int
    created_at: datetime


@dataclass(frozen=True)
class CoverageGap:
    project_id: str
    skill: str
    min_level: int
    unfilled_seats: int
    detected_at: datetime


@dataclass(frozen=True)
class SkillGap:
    skill: str
    required_level: int
    seats_demanded: int
    seats_unfilled: int
    members_at_level: int
    verified_at_level: int
    mentors_offering: int
    members_wishing: int

    @property
    def shortage(self) -> int:
        return max(self.seats_unfilled, self.seats_demanded - self.members_at_level, 0)

    @property
    def reason(self) -> str:
        return (f"{self.seats_unfilled} seat(s) went unfilled; {self.seats_demanded} seat(s) "
                f"asked at level {self.required_level} or above against "
                f"{self.members_at_level} member(s) at that level "
                f"({self.verified_at_level} verified); {self.mentors_offering} member(s) "
                f"offer to teach it, {self.members_wishing} wish to learn it")


@dataclass(frozen=True)
class SkillGapReport:
    window_start: date
    window_end: date
    skills: tuple[SkillGap, ...]
    develop_first: tuple[SkillGap, ...]


def window_start(as_of: date) -> date:
    try:
        return as_of.replace(year=as_of.year - 1)
    except ValueError:  # 29 February
        return as_of.replace(year=as_of.year - 1, day=28)


def _latest_gaps(gaps: list[CoverageGap]) -> list[CoverageGap]:
    latest: dict[tuple[str, str], CoverageGap] = {}
    for gap in sorted(gaps, key=lambda g: g.detected_at):
        latest[(gap.project_id, gap.skill)] = gap
    return list(latest.values())


def _priority(gap: SkillGap):
    return (-gap.shortage, -gap.seats_unfilled, gap.verified_at_level, -gap.seats_demanded,
            gap.skill)


def report(as_of: date, roles: list[RoleDemand], gaps: list[CoverageGap],
           members: list[MemberView], offers_per_skill: dict[str, int],
           wishes_per_skill: dict[str, int], top: int) -> SkillGapReport:
    start = window_start(as_of)

    def in_window(moment: datetime) -> bool:
        return start <= moment.date() <= as_of

    seats, levels, unfilled = defaultdict(int), defaultdict(int), defaultdict(int)
    for role in roles:
        if in_window(role.created_at):
            seats[role.skill] += role.seats
            levels[role.skill] = max(levels[role.skill], role.min_level)
    for gap in _latest_gaps([g for g in gaps if in_window(g.detected_at)]):
        unfilled[gap.skill] += gap.unfilled_seats
        if gap.unfilled_seats:
            levels[gap.skill] = max(levels[gap.skill], gap.min_level)
    active = [m for m in members if m.is_active]
    rows = []
    for skill in sorted(set(seats) | {s for s, n in unfilled.items() if n}):
        level = max(levels[skill], 1)
        rows.append(SkillGap(
            skill, level, seats[skill], unfilled[skill],
            sum(1 for m in active if (m.level_in(skill) or 0) >= level),
            sum(1 for m in active if (m.verified_in(skill) or 0) >= level),
            offers_per_skill.get(skill, 0), wishes_per_skill.get(skill, 0)))
    ordered = tuple(sorted(rows, key=_priority))
    first = tuple(gap for gap in ordered if gap.shortage > 0)[:top]
    return SkillGapReport(start, as_of, ordered, first)

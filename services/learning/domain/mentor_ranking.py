"""Ranking mentors for a wish, each place explained.

**Who is a candidate.** Every open offer of the wish's skill by an active member
other than the wisher, at the wish's target level or above, whose mentor has fewer
active mentees (accepted or active mentorships) than the coop's limit. The others
are listed as excluded, with the reason.

**How candidates are scored** (each part from 0 to 1, weighted; the weights add up
to 1):

- level fit (0.35): a mentor one level above the target, or at it, fits best (1.0):
  they remember how they got there; every further level costs 0.25 (a level-5
  expert for a level-2 wish: 0.5), down to 0.25. A self-assessed level counts 0.8
  of a verified one (verified at or above the target);
- availability (0.25): the hours the mentor can really give in the next weeks
  (members' capacity minus unavailability), against the hours a month they offer,
  capped at 1. Unknown (the members service did not answer) counts 0.5;
- load (0.20): 1 − active mentees ÷ limit: mentoring is spread across members;
- network spread (0.20): 1 if the two have not worked together yet (no shared
  project, no earlier mentorship between them), else 0: learning from someone new
  also widens the coop's network.

Ties go to the mentor with fewer mentees, then by member id (stable answers).
"""

from dataclasses import dataclass
from decimal import Decimal

from services.learning.domain.member_view import MemberView
from services.learning.domain.offers import Offer, Wish

WEIGHTS = {"level": 0.35, "availability": 0.25, "load": 0.20, "spread": 0.20}
SELF_ASSESSED_FACTOR = 0.8
UNKNOWN_AVAILABILITY = 0.5


@dataclass(frozen=True)
class RankedMentor:
    mentor_id: str
    name: str
    offer_id: str
    level: int
    verified_level: int | None
    formats: tuple[str, ...]
    hours_per_month: Decimal
    available_hours: Decimal | None
    active_mentees: int
    worked_together: bool
    components: dict[str, float]
    score: float
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class Exclusion:
    mentor_id: str
    offer_id: str
    reason: str


@dataclass(frozen=True)
class Ranking:
    wish: Wish
    candidates: tuple[RankedMentor, ...]
    excluded: tuple[Exclusion, ...]
    weeks: int


@dataclass(frozen=True)
class MentorFacts:
    """Everything about one offering member that ranking needs, gathered beforehand."""

    offer: Offer
    member: MemberView | None
    active_mentees: int
    worked_together: bool
    available_hours: Decimal | None  # over the ranking weeks; None: unknown


def exclusion(wish: Wish, facts: MentorFacts, max_mentees: int) -> str | None:
    offer = facts.offer
    if offer.member_id == wish.member_id:
        return "is the member who wishes to learn"
    if facts.member is None or not facts.member.is_active:
        status = facts.member.status if facts.member else "unknown"
        return f"is not an active member ({status})"
    if offer.level < wish.target_level:
        return f"teaches at level {offer.level}, below the target level {wish.target_level}"
    if facts.active_mentees >= max_mentees:
        return f"already has {facts.active_mentees} active mentees (the limit is {max_mentees})"
    return None


def level_fit(offer_level: int, verified: int | None, target: int) -> tuple[float, str]:
    gap = offer_level - target
    closeness = 1.0 if gap <= 1 else max(0.25, 1.0 - 0.25 * (gap - 1))
    trusted = verified is not None and verified >= target
    score = closeness * (1.0 if trusted else SELF_ASSESSED_FACTOR)
    how = f"verified level {verified}" if trusted else "self-assessed"
    return score, f"teaches at level {offer_level} for target {target} ({how})"


def availability_fit(available: Decimal | None, offered: Decimal, weeks: int) -> tuple[float, str]:
    if available is None:
        return UNKNOWN_AVAILABILITY, "availability unknown (the members service did not answer)"
    score = float(min(Decimal(1), available / offered)) if offered > 0 else 0.0
    return score, (f"{available:.2f} hours free in the next {weeks} weeks for the "
                   f"{offered:.2f} hours a month offered")


def load_fit(active_mentees: int, max_mentees: int) -> tuple[float, str]:
    return 1.0 - active_mentees / max_mentees, (
        f"{active_mentees} of at most {max_mentees} active mentees")


def spread_fit(worked_together: bool) -> tuple[float, str]:
    if worked_together:
        return 0.0, "has worked with the mentee before"
    return 1.0, "has not worked with the mentee yet: widens the network"


def score(wish: Wish, facts: MentorFacts, max_mentees: int, weeks: int) -> RankedMentor:
    offer, member = facts.offer, facts.member
    verified = member.verified_in(wish.skill)
    parts = {
        "level": level_fit(offer.level, verified, wish.target_level),
        "availability": availability_fit(facts.available_hours, offer.hours_per_month, weeks),
        "load": load_fit(facts.active_mentees, max_mentees),
        "spread": spread_fit(facts.worked_together),
    }
    components = {name: round(value, 4) for name, (value, _) in parts.items()}
    total = round(sum(WEIGHTS[name] * value for name, value in components.items()), 4)
    reasons = tuple(f"{name}: {reason}" for name, (_, reason) in parts.items())
    return RankedMentor(offer.member_id, member.name, offer.id, offer.level, verified,
                        offer.formats, offer.hours_per_month, facts.available_hours,
                        facts.active_mentees, facts.worked_together, components, total, reasons)


def rank(wish: Wish, facts: list[MentorFacts], max_mentees: int, weeks: int) -> Ranking:
    candidates, excluded = [], []
    for mentor in facts:
        reason = exclusion(wish, mentor, max_mentees)
        if reason is None:
            candidates.append(score(wish, mentor, max_mentees, weeks))
        else:
            excluded.append(Exclusion(mentor.offer.member_id, mentor.offer.id, reason))
    candidates.sort(key=lambda c: (-c.score, c.active_mentees, c.mentor_id))
    excluded.sort(key=lambda e: e.mentor_id)
    return Ranking(wish, tuple(candidates), tuple(excluded), weeks)

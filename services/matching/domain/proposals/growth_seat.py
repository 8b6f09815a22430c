"""The growth seat: one extra learner next to a primary who is a strong mentor in the skill.

A project opts in (`Project.growth_seat`). Decisions:
- a strong mentor is a primary of the role with level ≥ `mentor_min_level` (4) in its
  skill; a verified level counts fully, a self-assessed one discounted as in scoring,
  so of two level-5 mentors the verified one is chosen;
- a learner is an active member with an hourly rate who wants to grow in the skill
  (members' "wants to grow" flag) at level ≥ minimum − 1, holds no position in the
  team (primary or backup), and has the role's hours free in every week;
- among learners, the one whose utilisation stays lowest gets it (growth
  opportunities are work too, and are spread the same way); ties go to the higher level;
- the learner is billed at the hourly rate × (1 − `growth_seat_discount`), rounded
  half up to cents; with a budget, the seat is only offered if it fits next to the team.
"""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from services.matching.domain.proposals import scoring
from services.matching.domain.proposals.instance import HOURS_TOLERANCE, Instance
from services.matching.domain.proposals.objective import Team

CENTS = Decimal("0.01")


@dataclass(frozen=True)
class GrowthSeat:
    role_index: int
    skill: str
    mentor_id: str
    learner_id: str
    learner_level: int
    hours_per_week: Decimal
    hourly_rate: Decimal  # discounted
    cost: Decimal
    explanation: str


@dataclass(frozen=True)
class NoGrowthSeat:
    reason: str


def choose_growth_seat(instance: Instance, team: Team, taken: set[int],
                       team_cost: Decimal) -> GrowthSeat | NoGrowthSeat:
    """`taken`: candidates holding a position in the team (primaries and backups)."""
    settings = instance.settings
    mentors = []
    for role_index, seated in team.items():
        skill = instance.project.roles[role_index].skill
        for candidate in seated:
            level = instance.candidates[candidate].skills[skill]
            if level.level >= settings.mentor_min_level:
                strength = scoring.credibility(level, settings) * level.level
                mentors.append((-strength, role_index, candidate))
    if not mentors:
        return NoGrowthSeat(f"No primary has level {settings.mentor_min_level} or more in their "
                            "role's skill to mentor a learner.")
    blocked = "No member who wants to grow in the mentors' skills is free in every week."
    for _, role_index, mentor in sorted(mentors):
        learner = _best_learner(instance, role_index, taken, team_cost)
        if isinstance(learner, str):
            blocked = learner
            continue
        return _seat(instance, role_index, mentor, *learner)
    return NoGrowthSeat(blocked)


def _best_learner(instance: Instance, role_index: int, taken: set[int], team_cost: Decimal):
    """(learner, rate, cost) or a reason why there is none for this role."""
    role = instance.project.roles[role_index]
    weeks = len(instance.weeks)
    hours = float(role.hours_per_week)
    share = 1 - instance.settings.growth_seat_discount
    budget = instance.project.budget
    ranked, over_budget = [], False
    for candidate in instance.learners[role_index]:
        free, booked = instance.free[candidate], instance.booked[candidate]
        if candidate in taken or free.min() < hours - HOURS_TOLERANCE:
            continue
        profile = instance.candidates[candidate]
        rate = (profile.hourly_rate * share).quantize(CENTS, rounding=ROUND_HALF_UP)
        cost = role.hours_per_week * rate * weeks
        if budget is not None and team_cost + cost > budget:
            over_budget = True
            continue
        load = scoring.utilisation(booked, float(free.sum()), hours * weeks)
        ranked.append((load, -profile.skills[role.skill].level, candidate, rate, cost))
    if not ranked:
        if over_budget:
            return f"A learner for {role.skill} would not fit in the budget next to the team."
        return f"No member who wants to grow in {role.skill} is free in every week."
    _, _, candidate, rate, cost = min(ranked)
    return candidate, rate, cost


def _seat(instance: Instance, role_index: int, mentor: int, learner: int, rate: Decimal,
          cost: Decimal) -> GrowthSeat:
    role = instance.project.roles[role_index]
    mentor_id = instance.candidates[mentor].member_id
    profile = instance.candidates[learner]
    level = profile.skills[role.skill].level
    return GrowthSeat(
        role_index, role.skill, mentor_id, profile.member_id, level, role.hours_per_week, rate,
        cost,
        f"{profile.member_id} wants to grow in {role.skill} (level {level}) and learns next to "
        f"{mentor_id}; billed at EUR {rate} an hour "
        f"({instance.settings.growth_seat_discount:.0%} off).",
    )

"""The one objective both solvers maximise and every comparison uses (the benchmark too).

A team is, per role, the candidates in its seats. It is scored in two steps: first
the number of seats filled (a fuller team is always better), then

    Σ over primaries of their weighted seat parts (skill fit, nice to have, client continuity)
  + co-workers: each primary scores coworker_weight × (share of the other n − 1 seats
    held by someone they worked with before), n being the project's seats
  + fairness: λ × (1 − the highest utilisation among the team's primaries)

Fairness uses 1 − max rather than −max so the objective stays positive and
"heuristic ÷ exact" is a meaningful ratio; the difference is the constant λ.
"""

import math
from dataclasses import dataclass
from decimal import Decimal

from services.matching.domain.proposals.instance import Instance

Team = dict[int, tuple[int, ...]]  # role index → candidates in its seats


@dataclass(frozen=True)
class TeamScore:
    filled_seats: int
    total_seats: int
    skill_fit: float  # each weighted, summed over the team
    nice_to_have: float
    client_continuity: float
    coworkers: float
    fairness: float
    max_utilisation: float

    @property
    def objective(self) -> float:
        return (self.skill_fit + self.nice_to_have + self.client_continuity + self.coworkers
                + self.fairness)

    @property
    def key(self) -> tuple[int, float]:
        """Compare teams by this: seats filled first, then the objective."""
        return self.filled_seats, self.objective


def members(team: Team) -> list[int]:
    return [candidate for seated in team.values() for candidate in seated]


def evaluate(instance: Instance, team: Team) -> TeamScore:
    settings = instance.settings
    chosen = [instance.options[role][candidate]
              for role, seated in team.items() for candidate in seated]
    people = {option.candidate for option in chosen}
    pairs = sum(len(instance.coworkers[person] & people) for person in people) / 2
    max_load = max((option.load for option in chosen), default=0.0)
    return TeamScore(
        filled_seats=len(chosen),
        total_seats=instance.project.total_seats,
        skill_fit=settings.skill_weight * sum(o.skill_fit for o in chosen),
        nice_to_have=settings.nice_to_have_weight * sum(o.nice_to_have for o in chosen),
        client_continuity=settings.client_continuity_weight
        * sum(o.client_continuity for o in chosen),
        coworkers=instance.pair_value * pairs,
        fairness=settings.fairness_weight * (1 - max_load),
        max_utilisation=max_load,
    )


def cost(instance: Instance, team: Team) -> Decimal:
    return sum((instance.options[role][candidate].cost
                for role, seated in team.items() for candidate in seated), Decimal("0"))


def is_valid(instance: Instance, team: Team) -> bool:
    """Seats per role respected, one seat per member, capacity every week, within budget."""
    seated = members(team)
    return (
        len(seated) == len(set(seated))
        and all(len(team.get(role, ())) <= seats for role, seats in enumerate(instance.seats))
        and all(candidate in instance.options[role]
                for role, candidates in team.items() for candidate in candidates)
        and (instance.project.budget is None or cost(instance, team) <= instance.project.budget)
    )


def overlap(team: Team, others: frozenset[int]) -> int:
    """How many of `team`'s members are in `others` (another team's members)."""
    return sum(1 for candidate in members(team) if candidate in others)


def max_overlap(filled_seats: int, min_difference: float) -> int:
    """An alternative differs in at least ⌈share × seats⌉ people: it shares at most the rest."""
    must_differ = math.ceil(round(min_difference * filled_seats, 9))
    return max(filled_seats - max(must_differ, 1), 0)

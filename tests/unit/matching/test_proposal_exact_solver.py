"""The MILP finds the optimum: compared with enumerating every assignment.

The brute force below scores teams on its own, straight from the profiles and the
settings (not through the solver's instance or objective), so it checks the whole
chain: eligibility, capacity in every week, budget, one seat per member, the
linearised co-worker pairs, the max-load term and the options dropped as dominated.
"""

import itertools
import random
from decimal import Decimal

import pytest

from services.matching.domain.proposals.exact import undominated
from services.matching.domain.proposals.instance import build_instance
from services.matching.domain.proposals.proposal import propose_team
from services.matching.domain.proposals.settings import ProposalSettings
from tests.unit.matching.proposal_builders import CLIENT, candidate, level, project, role, week


def _fit(skill, minimum, settings):
    credibility = 1.0 if skill.verified is not None else settings.self_assessed_factor
    return credibility * (skill.level - minimum + 1) / (6 - minimum)


def _score(team, project_, settings) -> float:
    """team: [(role, profile)]"""
    weeks = project_.weeks
    total, loads = 0.0, []
    for role_, person in team:
        skill = person.skills[role_.skill]
        nice = sum((1.0 if person.skills[s].verified is not None else
                    settings.self_assessed_factor)
                   for s in role_.nice_to_have if s in person.skills)
        nice = nice / len(role_.nice_to_have) if role_.nice_to_have else 0.0
        rating = person.history.clients.get(CLIENT, "none")
        client = 0.0 if rating == "none" else (
            settings.unrated_client_history if rating is None else (rating - 1) / 4)
        total += (settings.skill_weight * _fit(skill, role_.minimum_level, settings)
                  + settings.nice_to_have_weight * nice
                  + settings.client_continuity_weight * client)
        free = sum(float(person.free_hours[w]) for w in weeks)
        booked = sum(float(person.booked_hours[w]) for w in weeks)
        loads.append((booked + float(role_.hours_per_week) * len(weeks)) / (free + booked))
    ids = [person.member_id for _, person in team]
    pairs = sum(1 for (_, a), (_, b) in itertools.combinations(team, 2)
                if b.member_id in a.history.coworkers or a.member_id in b.history.coworkers)
    n = project_.total_seats
    total += settings.coworker_weight * 2 / (n - 1) * pairs if n > 1 else 0
    total += settings.fairness_weight * (1 - max(loads, default=0.0))
    assert len(set(ids)) == len(ids)
    return total


def _can_take(person, role_, weeks) -> bool:
    skill = person.skills.get(role_.skill)
    return (person.status == "active" and person.hourly_rate is not None
            and skill is not None and skill.level >= role_.minimum_level
            and all(person.free_hours[w] >= role_.hours_per_week for w in weeks))


def brute_force(project_, people, settings) -> tuple[int, float]:
    """(seats filled, objective) of the best team over every possible assignment."""
    seats = [r for r in project_.roles for _ in range(r.seats)]
    best = (0, -1.0)
    for choice in itertools.product([None, *people], repeat=len(seats)):
        team = [(r, p) for r, p in zip(seats, choice, strict=True) if p is not None]
        ids = [p.member_id for _, p in team]
        if len(set(ids)) < len(ids) or not all(_can_take(p, r, project_.weeks)
                                               for r, p in team):
            continue
        cost = sum(r.hours_per_week * p.hourly_rate * len(project_.weeks) for r, p in team)
        if project_.budget is not None and cost > project_.budget:
            continue
        best = max(best, (len(team), _score(team, project_, settings)))
    return best


def tiny_coop(rng: random.Random, size: int):
    people = []
    for n in range(size):
        skills = {slug: level(rng.randint(2, 5)) if rng.random() < 0.5
                  else level(verified=rng.randint(2, 5))
                  for slug in rng.sample(["python", "sql", "ux"], rng.randint(1, 2))}
        capacity = rng.choice([16, 24, 40])
        booked = rng.choice([0, 8, 16]) if capacity > 16 else 0
        people.append(candidate(
            f"m{n}", skills, free=capacity - booked, booked=booked,
            rate=str(rng.choice([60, 80, 100])),
            status="active" if rng.random() < 0.9 else "left",
            free_weeks={week("2027-W02"): Decimal(8)} if rng.random() < 0.2 else None,
            clients={CLIENT: rng.choice([None, 2.0, 5.0])} if rng.random() < 0.3 else None,
            coworkers={f"m{rng.randrange(size)}"} if rng.random() < 0.5 else ()))
    return people


PROJECTS = [
    lambda budget: project(role("python", 3, 16, seats=2), role("sql", 3, 8), weeks=3,
                           budget=budget),
    lambda budget: project(role("python", 2, 16), role("sql", 3, 8, nice=["ux"]),
                           role("ux", 2, 16), weeks=3, budget=budget),
]


@pytest.mark.parametrize("seed", range(30))
def test_exact_equals_brute_force_on_tiny_instances(seed):
    rng = random.Random(seed)
    people = tiny_coop(rng, 6)
    budget = rng.choice([None, None, 6000, 4000, 2500])
    settings = ProposalSettings(fairness_weight=rng.choice([0.0, 1.0, 3.0]),
                                coworker_weight=rng.choice([0.0, 0.25, 2.0]))
    project_ = PROJECTS[seed % 2](budget)
    proposal = propose_team(project_, people, settings, mode="exact")
    filled, objective = brute_force(project_, people, settings)
    assert proposal.optimal
    assert proposal.best.score.filled_seats == filled
    assert proposal.best.score.objective == pytest.approx(objective, abs=1e-7)
    assert project_.budget is None or proposal.best.total_cost <= project_.budget


@pytest.mark.parametrize("seed", range(8))
def test_dropping_dominated_options_keeps_the_optimum(seed):
    rng = random.Random(100 + seed)
    people = [candidate(f"m{n}", {"python": rng.randint(3, 5)} if n % 2 else
                        {"python": rng.randint(3, 5), "sql": rng.randint(3, 5)},
                        free=rng.choice([20, 30, 40]), booked=rng.choice([0, 10]),
                        rate=str(rng.choice([60, 80, 100])),
                        coworkers={f"m{rng.randrange(9)}"} if rng.random() < 0.3 else ())
              for n in range(9)]
    project_ = project(role("python", 3, 20), role("sql", 3, 20), weeks=2,
                       budget=rng.choice([None, 5000]))
    settings = ProposalSettings()
    instance = build_instance(project_, people, settings)
    if seed == 0:
        assert len(undominated(instance, project_.total_seats)) < sum(map(len, instance.options))
    proposal = propose_team(project_, people, settings, mode="exact")
    assert (proposal.best.score.filled_seats, pytest.approx(proposal.best.score.objective)) \
        == brute_force(project_, people, settings)

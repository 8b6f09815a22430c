"""The fast heuristic against the exact optimum, on small random coops (seeded)."""

import random
import statistics

from services.matching.domain.proposals.instance import build_instance
from services.matching.domain.proposals.objective import is_valid
from services.matching.domain.proposals.proposal import propose_team
from services.matching.domain.proposals.settings import DEFAULT_SETTINGS
from tests.unit.matching.proposal_builders import project, random_coop, role

SEEDS = range(40)


def instances():
    for seed in SEEDS:
        rng = random.Random(seed)
        yield seed, random_coop(seed, 14), project(
            role("python", 3, 16, seats=2), role("sql", 3, 8), role("ux", 2, 16),
            role("devops", 2, 8), weeks=6, budget=rng.choice([None, 40_000, 28_000]))


def test_the_heuristic_comes_within_two_percent_of_the_optimum_on_average():
    ratios = []
    for seed, people, project_ in instances():
        exact = propose_team(project_, people, mode="exact")
        fast = propose_team(project_, people, mode="heuristic")
        assert fast.best.score.filled_seats == exact.best.score.filled_seats, seed
        assert fast.best.score.objective <= exact.best.score.objective + 1e-9, seed
        ratios.append(fast.best.score.objective / exact.best.score.objective)
    assert statistics.fmean(ratios) >= 0.98
    assert min(ratios) >= 0.9


def test_heuristic_teams_keep_every_rule():
    for _, people, project_ in instances():
        proposal = propose_team(project_, people, mode="heuristic")
        instance = build_instance(project_, people, DEFAULT_SETTINGS)
        index_of = {p.member_id: i for i, p in enumerate(instance.candidates)}
        for team in (proposal.best, *proposal.alternatives):
            as_team = {}
            for seat in team.seats:
                as_team.setdefault(seat.role_index, []).append(index_of[seat.primary])
            assert is_valid(instance, {r: tuple(c) for r, c in as_team.items()})
            assert project_.budget is None or team.total_cost <= project_.budget

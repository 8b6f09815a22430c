"""λ spreads work; the budget caps what the primaries cost; the mode is chosen and reported."""

from dataclasses import replace
from decimal import Decimal

import pytest

from services.matching.domain.proposals.proposal import propose_team
from services.matching.domain.proposals.settings import DEFAULT_SETTINGS
from tests.unit.matching.proposal_builders import candidate, project, role

# Two busy experts (30 of 40 hours already booked) and two idle, slightly less
# skilled members: the same few people or work for everyone?
COOP = [
    candidate("expert-py", {"python": 5}, free=10, booked=30),
    candidate("expert-sql", {"sql": 5}, free=10, booked=30),
    candidate("idle-py", {"python": 4}, free=40),
    candidate("idle-sql", {"sql": 4}, free=40),
]
PROJECT = project(role("python", 3, 10), role("sql", 3, 10))


@pytest.mark.parametrize("mode", ["exact", "heuristic"])
def test_fairness_lowers_the_highest_load(mode):
    concentrated = propose_team(PROJECT, COOP, replace(DEFAULT_SETTINGS, fairness_weight=0),
                                mode=mode)
    spread = propose_team(PROJECT, COOP, DEFAULT_SETTINGS, mode=mode)
    assert sorted(concentrated.best.primaries) == ["expert-py", "expert-sql"]
    assert concentrated.best.score.max_utilisation == 1.0
    assert sorted(spread.best.primaries) == ["idle-py", "idle-sql"]
    assert spread.best.score.max_utilisation == 0.25


def test_fairness_counts_the_busiest_member_of_the_team():
    # one seat has only a busy candidate: the max load is 1.0 anyway, so the other seat
    # goes to the better (busy) expert; λ cannot lower what is unavoidable
    people = [COOP[0], COOP[1], COOP[3]]
    proposal = propose_team(project(role("python", 3, 10), role("sql", 5, 10)), people)
    assert proposal.best.score.max_utilisation == 1.0


@pytest.mark.parametrize("mode", ["exact", "heuristic"])
def test_the_budget_is_respected(mode):
    people = [candidate("dear", {"python": 5}, rate="120"),
              candidate("fair", {"python": 4}, rate="80"),
              candidate("cheap", {"python": 3}, rate="50")]
    # 20 h × 4 weeks = 80 hours: dear EUR 9,600, fair 6,400, cheap 4,000
    for budget, chosen in ((20_000, "dear"), (8_000, "fair"), (6_399, "cheap")):
        proposal = propose_team(project(role(), budget=budget), people, mode=mode)
        assert proposal.best.primaries == [chosen]
        assert proposal.best.total_cost <= Decimal(budget)


@pytest.mark.parametrize("mode", ["exact", "heuristic"])
def test_a_fuller_team_beats_a_better_but_smaller_one(mode):
    people = [candidate("star", {"python": 5}, rate="150"),
              candidate("ok", {"python": 3}, rate="50"),
              candidate("db", {"sql": 3}, rate="50")]
    proposal = propose_team(project(role("python"), role("sql"), budget=8_000), people,
                            mode=mode)
    assert sorted(proposal.best.primaries) == ["db", "ok"]
    assert proposal.best.total_cost == Decimal("8000.00")


def test_the_mode_is_chosen_by_the_size_of_the_largest_role():
    people = [candidate(f"m{n}") for n in range(5)]
    small = propose_team(project(), people)
    assert (small.mode, small.optimal, small.options_per_role) == ("exact", True, (5,))
    large = propose_team(project(), people,
                         replace(DEFAULT_SETTINGS, exact_max_candidates_per_role=4))
    assert (large.mode, large.optimal) == ("heuristic", False)


def test_an_unknown_mode_is_refused():
    with pytest.raises(ValueError, match="mode"):
        propose_team(project(), [], mode="fastest")


def test_a_large_role_is_shortlisted_before_options_are_built_and_counts_stay_complete():
    people = [candidate(f"m{n}", {"python": 3 + n % 3}, free=20 + n) for n in range(10)]
    settings = replace(DEFAULT_SETTINGS, exact_max_candidates_per_role=5,
                       heuristic_candidates_per_role=3)
    proposal = propose_team(project(role()), people, settings)
    assert (proposal.mode, proposal.options_per_role) == ("heuristic", (10,))
    exact = propose_team(project(role()), people, mode="exact")
    assert proposal.best.score.objective == pytest.approx(exact.best.score.objective)
    assert proposal.best.seats[0].explanation.runner_up is not None

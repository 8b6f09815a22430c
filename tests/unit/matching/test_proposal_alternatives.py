"""Up to two alternatives, each genuinely different from the best and from each other."""

import itertools
from dataclasses import replace

import pytest

from services.matching.domain.proposals.objective import max_overlap
from services.matching.domain.proposals.proposal import propose_team
from services.matching.domain.proposals.settings import DEFAULT_SETTINGS
from tests.unit.matching.proposal_builders import candidate, project, random_coop, role

PROJECT = project(role("python", seats=2), role("sql"), role("ux", level=2))


@pytest.mark.parametrize("mode", ["exact", "heuristic"])
def test_alternatives_differ_in_at_least_half_their_people(mode):
    people = [candidate(f"{skill}{n}", {skill: 3 + n % 3})
              for skill in ("python", "sql", "ux") for n in range(4)]
    proposal = propose_team(PROJECT, people, mode=mode)
    teams = [proposal.best, *proposal.alternatives]
    assert len(teams) == 3
    for one, other in itertools.combinations(teams, 2):
        shared = set(one.primaries) & set(other.primaries)
        assert len(shared) <= 2  # 4 seats: at least 2 different people
    assert all(t.score.filled_seats == 4 for t in teams)
    assert proposal.best.score.objective >= proposal.alternatives[0].score.objective


def test_the_share_that_must_differ_is_a_setting():
    assert max_overlap(4, 0.5) == 2
    assert max_overlap(4, 1.0) == 0
    assert max_overlap(3, 0.5) == 1
    assert max_overlap(1, 0.5) == 0
    assert max_overlap(5, 0.0) == 4  # still at least one other person


def test_fewer_alternatives_when_the_coop_has_no_other_team():
    people = [candidate("a"), candidate("b")]
    proposal = propose_team(project(role(seats=2)), people)
    assert proposal.best.primaries == ["a", "b"] or proposal.best.primaries == ["b", "a"]
    assert proposal.alternatives == ()


def test_an_alternative_fills_as_many_seats_as_the_best():
    people = [candidate("a"), candidate("b"), candidate("c")]
    proposal = propose_team(project(role(seats=2)), people)
    # three pairs, each sharing one person with each other: all three are offered
    teams = [set(t.primaries) for t in (proposal.best, *proposal.alternatives)]
    assert sorted(map(sorted, teams)) == [["a", "b"], ["a", "c"], ["b", "c"]]


def test_no_alternatives_when_asked_for_none():
    proposal = propose_team(PROJECT, random_coop(3, 14),
                            replace(DEFAULT_SETTINGS, alternatives=0))
    assert proposal.alternatives == ()

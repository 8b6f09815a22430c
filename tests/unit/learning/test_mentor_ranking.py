"""Ranking mentors for a wish (level gap, availability, load, network spread), explained."""

from decimal import Decimal

import pytest

from services.learning.domain import use_cases
from services.learning.domain.mentor_ranking import WEIGHTS, level_fit
from tests.unit.learning.builders import SETTINGS, hours, member, no_availability, worked_together
from tests.unit.learning.fakes import FakeUnitOfWork


@pytest.fixture
def uow():
    return FakeUnitOfWork()


def offer(uow, mentor, level, hours_per_month="8", skill="python"):
    return use_cases.offer_to_teach(uow, mentor.member_id, skill, level, ["pairing", "review"],
                                    Decimal(hours_per_month))


def wish(uow, learner, target=3, current=1, skill="python"):
    return use_cases.wish_to_learn(uow, learner.member_id, skill, current, target, "Growth.")


def rank(uow, learner, the_wish, availability=None):
    return use_cases.rank_mentors(uow, learner.member_id, the_wish.id, SETTINGS,
                                  availability or no_availability)


def ranked_names(ranking):
    return [(c.name, c.score) for c in ranking.candidates]


@pytest.mark.parametrize("offered, verified, target, expected", [
    (4, 4, 3, 1.0),     # one level above the target, verified: best
    (3, 3, 3, 1.0),     # at the target
    (5, 5, 3, 0.75),    # two above: 0.25 less
    (5, 5, 1, 0.25),    # far above, never below 0.25
    (4, None, 3, 0.8),  # self-assessed counts 0.8
    (4, 2, 3, 0.8),     # verified below the target is not trusted for it
])
def test_level_fit_prefers_a_mentor_close_above_the_target(offered, verified, target, expected):
    assert level_fit(offered, verified, target)[0] == pytest.approx(expected)


def test_candidates_are_ranked_by_weighted_parts_and_each_place_is_explained(uow):
    learner = member(uow, "Learner", python=1)
    close = member(uow, "Close", python=(4, 4))
    expert = member(uow, "Expert", python=(5, 5))
    busy = member(uow, "Busy", python=(4, 4))
    for mentor, level in ((close, 4), (expert, 5), (busy, 4)):
        offer(uow, mentor, level)
    the_wish = wish(uow, learner)
    availability = hours({close.member_id: "8", expert.member_id: "8", busy.member_id: "2"})
    ranking = rank(uow, learner, the_wish, availability)
    assert [c.name for c in ranking.candidates] == ["Close", "Expert", "Busy"]
    best = ranking.candidates[0]
    assert best.components == {"level": 1.0, "availability": 1.0, "load": 1.0, "spread": 1.0}
    assert best.score == pytest.approx(sum(WEIGHTS.values()))
    busy_one = ranking.candidates[2]
    assert busy_one.components["availability"] == 0.25
    assert any("2.00 hours free in the next 4 weeks" in r for r in busy_one.reasons)
    assert ranking.candidates[1].components["level"] == 0.75


def test_a_mentor_who_worked_with_the_learner_ranks_below_a_new_one(uow):
    learner = member(uow, "Learner")
    known, new = member(uow, "Known", python=4), member(uow, "New", python=4)
    offer(uow, known, 4), offer(uow, new, 4)
    worked_together(uow, learner, known)
    ranking = rank(uow, learner, wish(uow, learner))
    assert [c.name for c in ranking.candidates] == ["New", "Known"]
    assert ranking.candidates[1].worked_together
    assert any("has worked with the mentee before" in r for r in ranking.candidates[1].reasons)


def test_load_lowers_a_mentor_and_the_limit_excludes_them(uow):
    mentor, other = member(uow, "Mentor", python=5), member(uow, "Other", python=5)
    offer(uow, mentor, 5), offer(uow, other, 5)
    newcomer = member(uow, "Newcomer")
    newcomers_wish = wish(uow, newcomer)

    def mentee_of_mentor(n):
        learner = member(uow, f"Learner {n}")
        mentorship = use_cases.propose_mentorship(uow, learner.member_id,
                                                  wish(uow, learner).id, mentor.member_id,
                                                  SETTINGS)
        use_cases.accept_mentorship(uow, mentor.member_id, mentorship.id, SETTINGS)

    mentee_of_mentor(1)
    ranking = rank(uow, newcomer, newcomers_wish)
    assert [c.name for c in ranking.candidates] == ["Other", "Mentor"]
    assert ranking.candidates[1].components["load"] == 0.5
    mentee_of_mentor(2)
    ranking = rank(uow, newcomer, newcomers_wish)
    assert [c.name for c in ranking.candidates] == ["Other"]
    assert [e.reason for e in ranking.excluded] == [
        "already has 2 active mentees (the limit is 2)"]


def test_who_cannot_mentor_is_listed_with_the_reason(uow):
    learner = member(uow, "Learner", python=3)
    low = member(uow, "Low", python=2)
    gone = member(uow, "Gone", python=5)
    offer(uow, low, 2), offer(uow, gone, 5), offer(uow, learner, 3)
    member(uow, "Gone", status="left", version=2, member_id=gone.member_id, python=5)
    ranking = rank(uow, learner, wish(uow, learner, target=4, current=3))
    assert ranking.candidates == ()
    assert sorted(e.reason for e in ranking.excluded) == sorted([
        "is not an active member (left)", "teaches at level 2, below the target level 4",
        "is the member who wishes to learn"])


def test_unknown_availability_counts_half_and_says_so(uow):
    learner, mentor = member(uow, "Learner"), member(uow, "Mentor", python=4)
    offer(uow, mentor, 4)
    [candidate] = rank(uow, learner, wish(uow, learner)).candidates
    assert candidate.components["availability"] == 0.5
    assert candidate.available_hours is None
    assert any("availability unknown" in r for r in candidate.reasons)


def test_ties_go_to_the_mentor_with_fewer_mentees_then_by_id(uow):
    learner = member(uow, "Learner")
    a, b = member(uow, "A", python=4), member(uow, "B", python=4)
    offer(uow, a, 4), offer(uow, b, 4)
    ranking = rank(uow, learner, wish(uow, learner))
    assert [c.mentor_id for c in ranking.candidates] == sorted([a.member_id, b.member_id])

from decimal import Decimal

from services.matching.domain.proposals.growth_seat import GrowthSeat, NoGrowthSeat
from services.matching.domain.proposals.proposal import propose_team
from tests.unit.matching.proposal_builders import candidate, level, project, role

MENTOR = candidate("mentor", {"python": 5})


def growth(people, **project_options):
    return propose_team(project(role(level=3), growth_seat=True, **project_options),
                        people).best.growth_seat


def test_a_learner_sits_next_to_a_strong_mentor_at_a_discount():
    learner = candidate("learner", {"python": level(2, grow=True)}, rate="60")
    seat = growth([MENTOR, learner])
    assert isinstance(seat, GrowthSeat)
    assert (seat.mentor_id, seat.learner_id, seat.learner_level) == ("mentor", "learner", 2)
    assert seat.hourly_rate == Decimal("30.00")
    assert seat.cost == Decimal("2400.00")  # 20 h × EUR 30 × 4 weeks


def test_without_opting_in_there_is_no_growth_seat():
    people = [MENTOR, candidate("learner", {"python": level(2, grow=True)})]
    assert propose_team(project(role()), people).best.growth_seat is None


def test_a_learner_wants_to_grow_and_is_at_most_one_level_below_the_minimum():
    people = [MENTOR, candidate("content", {"python": level(3)}),
              candidate("too-new", {"python": level(1, grow=True)})]
    assert isinstance(growth(people), NoGrowthSeat)


def test_a_mentor_needs_level_four():
    people = [candidate("solid", {"python": 3}),
              candidate("learner", {"python": level(2, grow=True)})]
    seat = growth(people)
    assert isinstance(seat, NoGrowthSeat)
    assert "level 4 or more" in seat.reason


def test_the_least_busy_learner_gets_it_and_backups_are_not_learners():
    people = [MENTOR,
              candidate("busy", {"python": level(2, grow=True)}, free=20, booked=20),
              candidate("idle", {"python": level(2, grow=True)}, free=40)]
    assert growth(people).learner_id == "idle"


def test_the_growth_seat_fits_in_the_budget_next_to_the_team():
    people = [MENTOR, candidate("learner", {"python": level(2, grow=True)}, rate="80")]
    # team: 20 × 80 × 4 = 6,400; learner at half price: 3,200
    assert isinstance(growth(people, budget=9_600), GrowthSeat)
    seat = growth(people, budget=9_599)
    assert isinstance(seat, NoGrowthSeat) and "budget" in seat.reason

"""Who can take a seat, and why a seat stays empty."""

from decimal import Decimal

from services.matching.domain.proposals.proposal import propose_team
from tests.unit.matching.proposal_builders import candidate, project, role, week

FOUR_WEEKS = ("2027-W01", "2027-W02", "2027-W03", "2027-W04")


def test_a_primary_has_the_seats_hours_free_in_every_week():
    short_one_week = candidate("busy", {"python": 5}, free=40,
                               free_weeks={week("2027-W03"): Decimal("19.99")})
    enough = candidate("free", {"python": 3}, free=20)
    for mode in ("exact", "heuristic"):
        proposal = propose_team(project(role(hours=20)), [short_one_week, enough], mode=mode)
        assert proposal.best.primaries == ["free"]


def test_exactly_enough_hours_is_enough():
    proposal = propose_team(project(role(hours="16.5")), [candidate("a", free="16.50")])
    assert proposal.best.primaries == ["a"]


def test_a_week_outside_the_project_does_not_matter():
    away_later = candidate("a", free=40, free_weeks={week("2027-W05"): Decimal(0)})
    assert propose_team(project(role(), weeks=4), [away_later]).best.primaries == ["a"]


def test_only_active_members_with_a_rate_and_the_level_are_proposed():
    people = [candidate("left", {"python": 5}, status="left"),
              candidate("no-rate", {"python": 5}, rate=None),
              candidate("junior", {"python": 2}),
              candidate("ok", {"python": 3})]
    assert propose_team(project(role(level=3)), people).best.primaries == ["ok"]


def test_one_seat_per_member_per_project():
    both = candidate("both", {"python": 5, "sql": 5})
    proposal = propose_team(project(role("python"), role("sql")), [both])
    assert proposal.best.primaries == ["both"]
    assert [gap.reason for gap in proposal.best.gaps] == ["taken"]


def test_no_one_with_the_skill_is_explained():
    people = [candidate("a", {"python": 2}), candidate("b", {"python": 4}, status="suspended")]
    gap, = propose_team(project(role(level=3)), people).best.gaps
    assert gap.reason == "no_skill"
    assert gap.message == ("No active member has python at level ≥ 3 (1 with it are not active "
                           "or have no hourly rate; 1 have it at a lower level).")


def test_weeks_in_which_nobody_skilled_is_free_are_named():
    away = {week(w): Decimal(0) for w in ("2027-W02", "2027-W03")}
    people = [candidate("a", free_weeks=away), candidate("b", free_weeks=away)]
    gap, = propose_team(project(role()), people).best.gaps
    assert gap.reason == "no_capacity"
    assert [str(w) for w in gap.weeks] == ["2027-W02", "2027-W03"]
    assert gap.message == ("2 members have python at level ≥ 3, but none has 20 free hours per "
                           "week in 2027-W02–2027-W03.")


def test_without_a_common_gap_the_weeks_blocking_the_best_are_named():
    people = [candidate("a", {"python": 5}, free_weeks={week("2027-W01"): Decimal(10)}),
              candidate("b", {"python": 4}, free_weeks={week("2027-W04"): Decimal(0)})]
    gap, = propose_team(project(role()), people).best.gaps
    assert gap.reason == "no_capacity"
    assert [str(w) for w in gap.weeks] == ["2027-W01", "2027-W04"]
    assert "a in 2027-W01; b in 2027-W04" in gap.message


def test_a_seat_the_budget_cannot_pay_is_explained():
    people = [candidate("a", {"python": 4}, rate="100"), candidate("b", {"sql": 4}, rate="100")]
    # 20 h × EUR 100 × 4 weeks = EUR 8,000 a seat
    proposal = propose_team(project(role("python"), role("sql"), budget=10_000), people)
    assert len(proposal.best.seats) == 1
    gap, = proposal.best.gaps
    assert gap.reason == "budget"
    assert "EUR 8000.00" in gap.message


def test_every_seat_of_a_role_is_reported_when_short():
    proposal = propose_team(project(role(seats=3)), [candidate("a")])
    assert proposal.best.primaries == ["a"]
    assert [(g.seat_index, g.reason) for g in proposal.best.gaps] == [(1, "taken"), (2, "taken")]

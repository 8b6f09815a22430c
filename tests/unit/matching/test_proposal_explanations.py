"""Every seat says why this person, why not the runner-up, and who backs it up."""

from decimal import Decimal

import pytest

from services.matching.domain.proposals.proposal import propose_team
from tests.unit.matching.proposal_builders import CLIENT, candidate, level, project, role, week


def seat_of(proposal, member_id):
    return next(seat for seat in proposal.best.seats if seat.primary == member_id)


def test_the_score_parts_and_reasons_of_a_primary():
    people = [candidate("anna", {"python": 5, "docker": level(3)}, free=40, booked=0,
                        clients={CLIENT: 4.5}, coworkers={"bram"}),
              candidate("bram", {"sql": level(4)}, free=40)]
    proposal = propose_team(project(role("python", nice=["docker", "aws"]), role("sql")), people)
    explanation = seat_of(proposal, "anna").explanation
    parts = explanation.parts
    assert parts.skill_fit == pytest.approx(1.0)
    assert parts.nice_to_have == pytest.approx(0.25 * 0.8 / 2)
    assert parts.client_continuity == pytest.approx(0.5 * 3.5 / 4)
    assert parts.coworkers == pytest.approx(0.25)
    assert parts.utilisation == pytest.approx(0.5)
    assert parts.fairness == pytest.approx(0.5)
    assert explanation.why == (
        "Level 5 in python, verified; the role asks for 3 or more.",
        "Also has docker (nice to have).",
        "Has worked for this client before (average check-in rating 4.5).",
        "Has worked with bram in this team before.",
        "Utilisation over the project's weeks becomes 50% (capacity for all 4 weeks).",
    )
    assert "self-assessed (counted at 80%)" in seat_of(proposal, "bram").explanation.why[0]


def test_the_runner_up_lost_on_the_part_that_mattered_most():
    people = [candidate("best", {"python": 5}), candidate("second", {"python": 4}),
              candidate("third", {"python": 3})]
    runner_up = propose_team(project(role()), people).best.seats[0].explanation.runner_up
    assert runner_up.member_id == "second"
    assert runner_up.lost_on == "skill_fit"
    assert "0.33 less on skill fit" in runner_up.detail


def test_a_runner_up_holding_another_seat_is_named_as_such():
    people = [candidate("star", {"python": 5, "sql": 5}), candidate("py", {"python": 3}),
              candidate("db", {"sql": 4})]
    proposal = propose_team(project(role("python"), role("sql")), people)
    runner_up = seat_of(proposal, "db").explanation.runner_up
    assert (runner_up.member_id, runner_up.lost_on) == ("star", "one_seat_per_member")


def test_a_runner_up_over_budget_is_named_as_such():
    people = [candidate("dear", {"python": 5}, rate="150"), candidate("ok", {"python": 3})]
    proposal = propose_team(project(role(), budget=7_000), people)
    runner_up = proposal.best.seats[0].explanation.runner_up
    assert (proposal.best.primaries, runner_up.member_id, runner_up.lost_on) == (
        ["ok"], "dear", "budget")


def test_equal_candidates_are_a_tie():
    proposal = propose_team(project(role()), [candidate("a"), candidate("b")])
    assert proposal.best.seats[0].explanation.runner_up.lost_on == "tie"


def test_a_seat_with_no_other_option_has_no_runner_up():
    proposal = propose_team(project(role()), [candidate("only")])
    assert proposal.best.seats[0].explanation.runner_up is None


def test_the_backup_is_someone_else_with_slack_preferred():
    people = [candidate("primary", {"python": 5}),
              candidate("no-slack", {"python": 5}, free=10),
              candidate("slack", {"python": 4}, free=40),
              candidate("partial", {"python": 5}, free=40,
                        free_weeks={week("2027-W02"): Decimal(0), week("2027-W03"): Decimal(0)})]
    # slack: skill 0.67 + slack 1.0 beats partial: skill 1.0 + slack 0.5; no-slack never
    seat, = propose_team(project(role(hours=20)), people).best.seats
    assert seat.primary == "primary"
    assert seat.backup.member_id == "slack"
    assert seat.backup.slack_share == 1.0
    assert seat.backup.explanation == (
        "Has the free hours to take over in every week of the project.")


def test_a_backup_short_in_some_weeks_says_which():
    people = [candidate("primary", {"python": 5}),
              candidate("partial", {"python": 5}, free=40,
                        free_weeks={week("2027-W02"): Decimal(0), week("2027-W03"): Decimal(5)})]
    backup = propose_team(project(role()), people).best.seats[0].backup
    assert backup.member_id == "partial"
    assert backup.slack_share == 0.5
    assert backup.explanation == ("Could take over in 50% of the weeks; not in "
                                  "2027-W02–2027-W03.")


def test_backups_are_never_primaries_and_never_back_two_seats():
    people = [candidate(f"m{n}", {"python": 4}) for n in range(5)]
    proposal = propose_team(project(role(seats=3)), people)
    primaries = set(proposal.best.primaries)
    backups = [seat.backup.member_id for seat in proposal.best.seats if seat.backup]
    assert len(backups) == 2 and len(set(backups)) == 2
    assert not primaries & set(backups)
    assert [seat.backup for seat in proposal.best.seats].count(None) == 1


def test_someone_free_in_no_week_is_no_backup():
    people = [candidate("primary"), candidate("booked-out", free=0, booked=40)]
    assert propose_team(project(role()), people).best.seats[0].backup is None

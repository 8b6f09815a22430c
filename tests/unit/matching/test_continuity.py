"""The continuity guarantee's bookkeeping: who is out when, and what a substitution books."""

from datetime import UTC, date, datetime
from decimal import Decimal

from services.matching.domain.assignments import STAND_IN, Assignment, Seat
from services.matching.domain.continuity import apply, running_team, weeks_out
from services.matching.domain.events import (
    AssignmentConfirmed,
    AssignmentSubstituted,
    CoverageGapDetected,
)
from services.matching.domain.projects import Project
from services.matching.domain.proposals import IsoWeek, substitute
from tests.unit.matching.proposal_builders import candidate

NOW = datetime(2027, 1, 5, tzinfo=UTC)
W = {n: IsoWeek(2027, n) for n in range(1, 10)}


def staffed_project() -> tuple[Project, Seat]:
    project = Project.create("c1", {
        "title": "Webshop", "starts_on": date(2027, 1, 4), "ends_on": date(2027, 2, 26),
        "roles": [{"skill": "python", "minimum_level": 3, "hours_per_week": Decimal(24)}]},
        NOW)
    for action in ("propose", "accept", "start"):
        project.move(action, NOW)
    seat = Seat("seat-1", project.id, project.roles[0].id, 0, "ann", "bob")
    return project, seat


def test_a_suspended_member_is_out_every_remaining_week():
    assert weeks_out("suspended", {}, {}, {}, [W[2], W[3]]) == {W[2], W[3]}


def test_an_active_member_is_out_where_their_hours_fall_below_what_they_hold():
    available = {W[2]: Decimal(32), W[3]: Decimal(16), W[4]: Decimal(0)}
    held = {W[2]: Decimal(24), W[3]: Decimal(24)}
    backing_up = {W[4]: Decimal(8)}
    assert weeks_out("active", available, held, backing_up, [W[2], W[3], W[4]]) == {W[3], W[4]}


def test_a_leaving_member_is_out_only_where_the_leave_date_takes_their_hours():
    available = {W[2]: Decimal(40), W[3]: Decimal(0)}
    held = {W[2]: Decimal(24), W[3]: Decimal(24)}
    assert weeks_out("left", available, held, {}, [W[2], W[3]]) == {W[3]}


def test_weeks_a_stand_in_already_covers_are_not_covered_again():
    project, seat = staffed_project()
    covering = Assignment.book(seat, "c1", "bob", "python", Decimal(24), date(2027, 1, 11),
                               date(2027, 1, 22), Decimal(80), STAND_IN)
    team = running_team(project, [seat], [covering], from_week=W[2])
    assert team.seats[0].weeks == (W[4], W[5], W[6], W[7], W[8])


def test_the_backup_takes_over_with_a_stand_in_assignment_and_the_client_is_told():
    project, seat = staffed_project()
    team = running_team(project, [seat], [], from_week=W[2])
    pool = [candidate("ann", {"python": 4}), candidate("bob", {"python": 3}, rate="70"),
            candidate("cas", {"python": 5})]
    substitution = substitute(team, "ann", {W[3], W[4]}, pool)
    outcome = apply(substitution, project, {seat.id: seat}, {p.member_id: p for p in pool},
                    {"ann": "Ann", "bob": "Bob", "cas": "Cas"}, NOW)
    [stand_in] = outcome.assignments
    assert (stand_in.member_id, stand_in.kind, stand_in.hourly_rate) == ("bob", STAND_IN,
                                                                         Decimal("70"))
    assert (stand_in.starts_on, stand_in.ends_on) == (date(2027, 1, 18), date(2027, 1, 31))
    assert seat.backup == "cas"  # bob stands in, so someone else backs the seat up
    kinds = [type(event) for event in outcome.events]
    assert kinds == [AssignmentConfirmed, AssignmentSubstituted]
    assert "Bob takes the python seat" in outcome.timeline[0].summary
    assert "sick" not in " ".join(entry.summary for entry in outcome.timeline)


def test_nobody_free_is_a_coverage_gap_naming_the_weeks():
    project, seat = staffed_project()
    team = running_team(project, [seat], [], from_week=W[2])
    pool = [candidate("ann"), candidate("bob", free_weeks={"2027-W03": 0})]
    substitution = substitute(team, "ann", {W[3]}, pool)
    outcome = apply(substitution, project, {seat.id: seat}, {p.member_id: p for p in pool}, {},
                    NOW)
    gaps = [event for event in outcome.events if isinstance(event, CoverageGapDetected)]
    assert [list(gap.weeks) for gap in gaps] == [[W[3]]]
    assert outcome.assignments == []


def test_a_backup_away_for_a_while_stays_when_nobody_else_can_back_up():
    project, seat = staffed_project()
    team = running_team(project, [seat], [], from_week=W[2])
    pool = [candidate("ann"), candidate("bob", free_weeks={"2027-W03": 0})]
    substitution = substitute(team, "bob", {W[3]}, pool)
    apply(substitution, project, {seat.id: seat}, {p.member_id: p for p in pool}, {}, NOW)
    assert seat.backup == "bob"

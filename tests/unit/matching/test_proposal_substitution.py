from decimal import Decimal

from services.matching.domain.proposals.iso_week import weeks_from
from services.matching.domain.proposals.substitution import (
    BackupNamed,
    CoverageGap,
    RunningSeat,
    RunningTeam,
    SeatTakenOver,
    substitute,
)
from tests.unit.matching.proposal_builders import CLIENT, candidate, role, week

WEEKS = weeks_from(week("2027-W01"), week("2027-W08"))
SICK = [week("2027-W03"), week("2027-W04")]


def team(backup="bob"):
    return RunningTeam("project-1", CLIENT, (
        RunningSeat("seat-py", role("python", 3, 20), "anna", backup, WEEKS),
        RunningSeat("seat-sql", role("sql", 3, 20), "carl", "dina", WEEKS),
    ))


def test_the_backup_takes_the_seat_and_a_new_backup_is_named():
    people = [candidate("bob", {"python": 4}), candidate("eve", {"python": 3}),
              candidate("carl", {"sql": 4}), candidate("dina", {"python": 5, "sql": 4})]
    result = substitute(team(), "anna", SICK, people)
    assert result.changes == (
        SeatTakenOver("seat-py", "anna", "bob", tuple(SICK), by_backup=True),
        BackupNamed("seat-py", "eve", "bob", "bob stands in for anna."),
    )
    assert result.gaps == []


def test_the_backup_covers_the_weeks_it_can_and_a_stand_in_the_rest():
    bob_away = {week("2027-W04"): Decimal(0)}
    people = [candidate("bob", {"python": 4}, free_weeks=bob_away),
              candidate("eve", {"python": 3}), candidate("fay", {"python": 4})]
    changes = substitute(team(), "anna", SICK, people).changes
    assert changes[0] == SeatTakenOver("seat-py", "anna", "bob", (week("2027-W03"),), True)
    assert changes[1] == SeatTakenOver("seat-py", "anna", "fay", (week("2027-W04"),), False)
    assert changes[2].member_id == "eve"  # fay stands in, so eve backs up


def test_when_nobody_can_take_the_seat_the_gap_names_seat_and_weeks():
    people = [candidate("bob", {"python": 4}, free=10), candidate("eve", {"python": 2})]
    result = substitute(team(), "anna", SICK, people)
    gap, = result.gaps
    assert gap == CoverageGap("seat-py", "python", tuple(SICK),
                              "Nobody with python at level ≥ 3 has 20 free hours in "
                              "2027-W03–2027-W04.")


def test_weeks_nobody_covers_whole_are_split_between_stand_ins():
    people = [candidate("bob", {"python": 4}, free=0),
              candidate("eve", {"python": 4}, free_weeks={week("2027-W04"): Decimal(0)}),
              candidate("fay", {"python": 3}, free_weeks={week("2027-W03"): Decimal(0)})]
    taken = [c for c in substitute(team(), "anna", SICK, people).changes
             if isinstance(c, SeatTakenOver)]
    assert [(c.stand_in, c.weeks) for c in taken] == [("eve", (week("2027-W03"),)),
                                                      ("fay", (week("2027-W04"),))]


def test_a_backup_who_falls_out_is_replaced():
    people = [candidate("eve", {"sql": 4}), candidate("anna", {"sql": 5})]
    result = substitute(team(), "dina", SICK, people)
    assert result.changes == (
        BackupNamed("seat-sql", "eve", "dina", "dina is unavailable in 2027-W03–2027-W04."),
    )


def test_nothing_changes_outside_the_seats_weeks():
    assert substitute(team(), "anna", [week("2027-W20")], []).changes == ()


def test_a_member_who_left_is_replaced_for_every_remaining_week():
    people = [candidate("bob", {"python": 4}), candidate("eve", {"python": 3})]
    taken = substitute(team(), "anna", WEEKS[2:], people).changes[0]
    assert taken.weeks == WEEKS[2:] and taken.stand_in == "bob"


def test_a_seat_without_backup_gets_a_stand_in_and_a_backup():
    people = [candidate("eve", {"python": 3}), candidate("fay", {"python": 5})]
    changes = substitute(team(backup=None), "anna", SICK, people).changes
    assert changes[0] == SeatTakenOver("seat-py", "anna", "fay", tuple(SICK), False)
    assert changes[1] == BackupNamed("seat-py", "eve", None, "The seat had no backup.")


def test_a_backup_no_longer_active_is_replaced_and_does_not_stand_in():
    people = [candidate("bob", {"python": 4}, status="suspended"),
              candidate("eve", {"python": 3}), candidate("fay", {"python": 5})]
    changes = substitute(team(), "anna", SICK, people).changes
    assert changes[0].stand_in == "fay" and not changes[0].by_backup
    assert changes[1] == BackupNamed("seat-py", "eve", "bob", "bob can no longer back the seat up.")

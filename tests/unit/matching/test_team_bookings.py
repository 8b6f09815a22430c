"""Seats and assignments: booked hours per week, stand-in spans, rates and work history."""

from datetime import date
from decimal import Decimal

from services.matching.domain.assignments import (
    Assignment,
    Seat,
    booked_hours,
    date_spans,
    discounted_rate,
    work_histories,
)
from services.matching.domain.proposals import IsoWeek

SEAT = Seat("s1", "p1", "r1", 0, "m1", "m2")


def booking(member="m1", starts=date(2027, 1, 4), ends=date(2027, 1, 29), hours=24,
            project="p1", client="c1") -> Assignment:
    seat = Seat("s", project, "r1", 0, member, None)
    return Assignment.book(seat, client, member, "python", Decimal(hours), starts, ends,
                           Decimal("80"))


def test_booked_hours_count_in_every_week_with_a_working_day_of_the_assignment():
    booked = booked_hours([booking(), booking(starts=date(2027, 1, 23), ends=date(2027, 2, 6),
                                              hours=8)])
    weeks = booked["m1"]
    assert weeks[IsoWeek(2027, 1)] == Decimal(24)
    assert weeks[IsoWeek(2027, 3)] == Decimal(24)  # 23–24 January is a weekend
    assert weeks[IsoWeek(2027, 4)] == Decimal(32)
    assert weeks[IsoWeek(2027, 5)] == Decimal(8)
    assert IsoWeek(2027, 6) not in weeks


def test_an_ended_assignment_books_nothing_after_its_end():
    assignment = booking()
    assignment.end(date(2027, 1, 8), "cancelled")
    assert assignment.weeks == (IsoWeek(2027, 1),)
    assert assignment.end(date(2027, 1, 20), "again") is False


def test_an_assignment_ended_before_it_starts_never_books_hours():
    assignment = booking()
    assignment.end(date(2026, 12, 1), "cancelled early")
    assert assignment.weeks == ()


def test_stand_in_spans_are_runs_of_weeks_within_the_project():
    weeks = [IsoWeek(2027, 2), IsoWeek(2027, 3), IsoWeek(2027, 6)]
    assert date_spans(weeks, date(2027, 1, 6), date(2027, 2, 10)) == [
        (date(2027, 1, 11), date(2027, 1, 24)), (date(2027, 2, 8), date(2027, 2, 10))]


def test_the_growth_seat_rate_is_rounded_half_up_to_the_cent():
    assert discounted_rate(Decimal("85.05"), Decimal("0.50")) == Decimal("42.53")
    assert discounted_rate(Decimal("80"), Decimal("0.25")) == Decimal("60.00")


def test_work_history_knows_clients_ratings_and_coworkers():
    history = work_histories(
        [booking("m1", project="p1", client="c1"), booking("m2", project="p1", client="c1"),
         booking("m1", project="p2", client="c2")],
        {"p1": [4, 5]})
    assert history["m1"].clients == {"c1": 4.5, "c2": None}
    assert history["m1"].coworkers == {"m2"}
    assert history["m2"].coworkers == {"m1"}

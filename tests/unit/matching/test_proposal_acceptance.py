from decimal import Decimal

import pytest

from infra.errors import Conflict
from services.matching.domain.proposals.acceptance import (
    SeatReservation,
    check_still_acceptable,
    reservations,
)
from services.matching.domain.proposals.errors import ProposalIsStale
from services.matching.domain.proposals.proposal import propose_team
from tests.unit.matching.proposal_builders import candidate, project, role, week

PROJECT = project(role("python", hours=20), role("sql", hours=16))
PEOPLE = [candidate("anna", {"python": 4}), candidate("carl", {"sql": 4})]


def proposed():
    proposal = propose_team(PROJECT, PEOPLE)
    return reservations(proposal.best), proposal.weeks


def test_an_unchanged_proposal_can_be_accepted():
    seats, weeks = proposed()
    assert seats == [SeatReservation("anna", Decimal("20")), SeatReservation("carl", Decimal("16"))]
    check_still_acceptable(seats, weeks, {p.member_id: p for p in PEOPLE})


def test_capacity_that_changed_but_still_fits_is_no_reason_to_refuse():
    seats, weeks = proposed()
    now = {"anna": candidate("anna", free=20), "carl": candidate("carl", free=30)}
    check_still_acceptable(seats, weeks, now)


def test_a_proposal_that_would_double_book_is_stale():
    seats, weeks = proposed()
    taken = {week("2027-W02"): Decimal(12), week("2027-W03"): Decimal(12)}
    now = {"anna": candidate("anna", free=40, free_weeks=taken),
           "carl": candidate("carl", status="left")}
    with pytest.raises(ProposalIsStale) as raised:
        check_still_acceptable(seats, weeks, now)
    assert isinstance(raised.value, Conflict)
    assert raised.value.rule == "ProposalIsStale"
    assert raised.value.errors == [
        {"field": "seats[0].primary",
         "message": "member anna no longer has 20 free hours in 2027-W02–2027-W03"},
        {"field": "seats[1].primary", "message": "member carl is left"},
    ]
    assert "Ask for a new proposal" in raised.value.detail


def test_a_member_the_read_model_no_longer_knows_is_stale():
    seats, weeks = proposed()
    with pytest.raises(ProposalIsStale, match="anna is gone"):
        check_still_acceptable(seats, weeks, {"carl": PEOPLE[1]})


def test_two_seats_of_one_member_count_together():
    weeks = PROJECT.weeks
    seats = [SeatReservation("anna", Decimal(20)), SeatReservation("anna", Decimal(20))]
    with pytest.raises(ProposalIsStale, match="40 free hours"):
        check_still_acceptable(seats, weeks, {"anna": candidate("anna", free=39)})

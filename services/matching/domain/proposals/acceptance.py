"""Stale acceptance: a proposal may only be accepted if it still double-books nobody.

A proposal is computed from a snapshot of free hours; by the time the client accepts,
members may have taken other work, reported unavailability or left. The rule: every
primary is still active and still has the seat's hours free in every week of the
project, given the coop's assignments *now*. Capacity that changed but still fits is
no reason to refuse. Backups reserve nothing, so they are not checked (a backup who
has become busy is replaced when needed, see `substitution`).

The adapter runs this check and writes the assignments in one transaction, holding a
lock on (or checking the version of) the members' capacity rows, so two acceptances
racing for the same hours cannot both pass.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from services.matching.domain.proposals.candidates import ACTIVE, CandidateProfile
from services.matching.domain.proposals.errors import ProposalIsStale
from services.matching.domain.proposals.iso_week import IsoWeek, describe_weeks
from services.matching.domain.proposals.proposal import ProposedTeam


@dataclass(frozen=True)
class SeatReservation:
    """What accepting a seat reserves: the primary's hours in every week of the project."""

    member_id: str
    hours_per_week: Decimal


def reservations(team: ProposedTeam) -> list[SeatReservation]:
    """In seat order, so an error's `seats[i]` is the team's i-th seat."""
    return [SeatReservation(seat.primary, seat.hours_per_week) for seat in team.seats]


def check_still_acceptable(seats: Sequence[SeatReservation], weeks: tuple[IsoWeek, ...],
                           current: Mapping[str, CandidateProfile]) -> None:
    """Raise `ProposalIsStale` naming each primary and the weeks that no longer fit.

    `current`: member id → their profile now (free hours after today's assignments).
    A member's seats are added up, so the check stands on its own even for a
    proposal that broke the one-seat-per-member rule.
    """
    needed: dict[str, list[tuple[int, Decimal]]] = {}
    for index, seat in enumerate(seats):
        needed.setdefault(seat.member_id, []).append((index, seat.hours_per_week))
    problems = []
    for member_id, held in needed.items():
        field = f"seats[{held[0][0]}].primary"
        profile = current.get(member_id)
        if profile is None or profile.status != ACTIVE:
            status = "gone" if profile is None else profile.status
            problems.append((field, f"member {member_id} is {status}"))
            continue
        hours = sum((h for _, h in held), Decimal("0"))
        short = [week for week in weeks if profile.free_hours[week] < hours]
        if short:
            problems.append((field, f"member {member_id} no longer has {hours} free hours in "
                                    f"{describe_weeks(short)}"))
    if problems:
        raise ProposalIsStale(problems)

"""Accepting a team: the candidates as they are now, the stale check, and what gets booked.

`team_pool` turns matching's read model (members' availability) and the coop's booked
assignments into the solver's `CandidateProfile`s: free hours per ISO week are what the
member can work minus what the coop already booked, never below zero. `staff` turns
an accepted option into seats, assignments (one per primary for the whole project, one
for the learner on the growth seat) and the planned meetings.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from services.matching.domain.assignments import LEARNER, PRIMARY, Assignment, Seat
from services.matching.domain.availability import available_hours
from services.matching.domain.candidate import CandidateRecord, skill_levels
from services.matching.domain.meetings import Meeting, plan_meetings
from services.matching.domain.projects import Project
from services.matching.domain.proposals import (
    CandidateProfile,
    IsoWeek,
    SeatReservation,
    WeeklyHours,
    WorkHistory,
    check_still_acceptable,
)
from services.matching.domain.team_proposals import TeamOption

ZERO = Decimal("0")


def team_pool(records: Iterable[CandidateRecord],
              booked: Mapping[str, Mapping[IsoWeek, Decimal]],
              histories: Mapping[str, WorkHistory],
              weeks: tuple[IsoWeek, ...]) -> list[CandidateProfile]:
    pool = []
    for record in records:
        member_id = record.candidate.member_id
        available = available_hours(record.capacity, record.periods, record.candidate.left_on,
                                    weeks)
        taken = booked.get(member_id, {})
        pool.append(CandidateProfile(
            member_id, record.candidate.status, record.candidate.hourly_rate,
            skill_levels(record.candidate),
            WeeklyHours(ZERO, {w: max(available[w] - taken.get(w, ZERO), ZERO) for w in weeks}),
            WeeklyHours(ZERO, {w: taken.get(w, ZERO) for w in weeks}),
            histories.get(member_id, WorkHistory())))
    return pool


def check_option_still_fits(option: TeamOption, weeks: tuple[IsoWeek, ...],
                            current: Iterable[CandidateProfile]) -> None:
    """`ProposalIsStale` if a primary (or the learner) no longer has the hours free."""
    reservations = [SeatReservation(seat.primary, seat.hours_per_week) for seat in option.seats]
    check_still_acceptable(reservations, weeks,
                           {profile.member_id: profile for profile in current})


@dataclass(frozen=True)
class Staffing:
    seats: tuple[Seat, ...]
    assignments: tuple[Assignment, ...]
    meetings: tuple[Meeting, ...]


def staff(project: Project, option: TeamOption, accepted_on: date,
          contact_name: str) -> Staffing:
    seats, assignments = [], []
    for chosen in option.seats:
        seat = Seat(f"{project.id}:{chosen.role_id}:{chosen.index}", project.id,
                    chosen.role_id, chosen.index, chosen.primary, chosen.backup)
        seats.append(seat)
        assignments.append(Assignment.book(
            seat, project.client_id, chosen.primary, chosen.skill, chosen.hours_per_week,
            project.starts_on, project.ends_on, chosen.hourly_rate,
            LEARNER if chosen.learner else PRIMARY))
    meetings = plan_meetings(project.id, project.starts_on, project.ends_on,
                             project.checkin_every_weeks, accepted_on, contact_name,
                             option.members)
    return Staffing(tuple(seats), tuple(assignments), tuple(meetings))

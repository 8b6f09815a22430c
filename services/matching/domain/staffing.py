"""Accepting a team: the candidates as they are now, the stale check, and what gets booked.

`team_pool` turns matching's read model (members' availability) and the coop's booked
assignments into the solver's `CandidateProfile`s: free hours per ISO week are what the
member can work minus what the coop already booked, never below zero. `staff` turns
an accepted option into seats, assignments (one per primary for the whole project, one
for the learner on the growth seat) and the planned meetings.
"""

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from services.matching.domain.assignments import LEARNER, PRIMARY, Assignment, Seat
from services.matching.domain.availability import available_hours, prorated
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
    last_friday = weeks[-1].monday + timedelta(days=4) if weeks else None
    for record in records:
        member_id = record.candidate.member_id
        taken = booked.get(member_id, {})
        left_on = record.candidate.left_on
        if (not taken and not record.periods and not record.capacity.overrides
                and (left_on is None or last_friday is None or left_on >= last_friday)):
            # most members: the same hours every week, nothing booked
            free = WeeklyHours(prorated(record.capacity.default_weekly_hours, 0))
            booked_here = WeeklyHours(ZERO)
        else:
            available = available_hours(record.capacity, record.periods, left_on, weeks)
            free = _compact({w: max(available[w] - taken.get(w, ZERO), ZERO) for w in weeks})
            booked_here = _compact({w: taken.get(w, ZERO) for w in weeks})
        pool.append(CandidateProfile(
            member_id, record.candidate.status, record.candidate.hourly_rate,
            skill_levels(record.candidate), free, booked_here,
            histories.get(member_id, WorkHistory())))
    return pool


def _compact(hours: dict[IsoWeek, Decimal]) -> WeeklyHours:
    """The most common hours as `usual`, the other weeks listed: small for the solver."""
    if not hours:
        return WeeklyHours(ZERO)
    usual = Counter(hours.values()).most_common(1)[0][0]
    return WeeklyHours(usual, {week: value for week, value in hours.items() if value != usual})


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

"""The continuity guarantee: when a member cannot work, the seat stays filled.

`weeks_out` decides which weeks a member can no longer cover after a members' event:
every remaining week when they are suspended or erased; else (active, or leaving, when
the days after the leave date count as unavailable) each week in which the hours they
can work fell below what they hold that week (as primary, stand-in or learner), or,
holding nothing that week, below the smallest seat they back up.

The solver's `substitute` picks who covers those weeks; `apply` books it: a stand-in
assignment per run of consecutive weeks (at the stand-in's own rate), the seat's new
backup (a backup who is only away for a while stays when nobody else can be named),
and a timeline entry and event for each change, so the client is told. The absent
member's own assignment stays: they return to their seat. Weeks a stand-in already
covers are not covered twice.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from services.matching.domain.assignments import (
    CONFIRMED,
    STAND_IN,
    Assignment,
    Seat,
    date_spans,
)
from services.matching.domain.events import (
    AssignmentConfirmed,
    AssignmentSubstituted,
    CoverageGapDetected,
)
from services.matching.domain.projects import Project
from services.matching.domain.proposals import CandidateProfile, IsoWeek
from services.matching.domain.proposals.iso_week import describe_weeks
from services.matching.domain.proposals.substitution import (
    BackupNamed,
    CoverageGap,
    RunningSeat,
    RunningTeam,
    SeatTakenOver,
    Substitution,
)
from services.matching.domain.timeline import TimelineEntry

ACTIVE, LEFT = "active", "left"


def weeks_out(status: str, available: Mapping[IsoWeek, Decimal],
              held: Mapping[IsoWeek, Decimal], backing_up: Mapping[IsoWeek, Decimal],
              weeks: Iterable[IsoWeek]) -> set[IsoWeek]:
    """`held`: hours booked for the member per week; `backing_up`: per week, the smallest
    seat they back up."""
    weeks = set(weeks)
    if status not in (ACTIVE, LEFT):  # after leaving, availability ends on the leave date
        return weeks
    out = set()
    for week in weeks:
        needed = held.get(week) or backing_up.get(week)
        if needed and available.get(week, Decimal("0")) < needed:
            out.add(week)
    return out


def running_team(project: Project, seats: Iterable[Seat], assignments: Iterable[Assignment],
                 from_week: IsoWeek, placements: Iterable = ()) -> RunningTeam:
    """The project's seats over their remaining weeks, less the weeks a stand-in or an
    external member (a partner coop's, `overflow.Placement`) covers."""
    covered: dict[str, set[IsoWeek]] = {}
    for assignment in assignments:
        if assignment.kind == STAND_IN and assignment.status == CONFIRMED:
            covered.setdefault(assignment.seat_id, set()).update(assignment.weeks)
    for placement in placements:  # less the weeks its member cannot work (interrupted)
        covered.setdefault(placement.seat_id, set()).update(placement.covered_weeks)
    remaining = tuple(week for week in project.as_solver_input().weeks if week >= from_week)
    running = []
    for seat in seats:
        role = project.role(seat.role_id)
        if role is None or seat.index >= role.seats:  # the growth seat has no backup to call
            continue
        weeks = tuple(w for w in remaining if w not in covered.get(seat.id, ()))
        running.append(RunningSeat(seat.id, role.as_solver_role(), seat.primary, seat.backup,
                                   weeks))
    return RunningTeam(project.id, project.client_id, tuple(running))


@dataclass
class Outcome:
    assignments: list[Assignment] = field(default_factory=list)
    seats: list[Seat] = field(default_factory=list)
    events: list = field(default_factory=list)
    timeline: list[TimelineEntry] = field(default_factory=list)


def apply(substitution: Substitution, project: Project, seats: Mapping[str, Seat],
          pool: Mapping[str, CandidateProfile], names: Mapping[str, str],
          now) -> Outcome:
    """Book `substitution` for `project`; `names`: member id → name, for the timeline."""
    outcome = Outcome()

    def name(member_id):
        return names.get(member_id, member_id)

    for change in substitution.changes:
        seat = seats[change.seat_id]
        role = project.role(seat.role_id)
        if isinstance(change, SeatTakenOver):
            booked = [Assignment.book(seat, project.client_id, change.stand_in, role.skill,
                                      role.hours_per_week, first, last,
                                      pool[change.stand_in].hourly_rate, STAND_IN)
                      for first, last in date_spans(change.weeks, project.starts_on,
                                                    project.ends_on)]
            outcome.assignments += booked
            outcome.events += [AssignmentConfirmed(a, project.title) for a in booked]
            outcome.events.append(AssignmentSubstituted(project, seat, change, booked))
            who = "the backup " if change.by_backup else ""
            outcome.timeline.append(TimelineEntry.new(
                project.id, now, "assignment_substituted",
                f"{name(change.absent_member)} cannot work in {describe_weeks(change.weeks)}; "
                f"{who}{name(change.stand_in)} takes the {role.skill} seat in those weeks.",
                {"seat_id": seat.id, "absent_member_id": change.absent_member,
                 "stand_in_member_id": change.stand_in,
                 "weeks": [str(w) for w in change.weeks],
                 "assignment_ids": [a.id for a in booked]}))
        elif isinstance(change, BackupNamed):
            if change.member_id is None and _can_still_back_up(pool.get(change.previous), role):
                continue  # away for a while, but nobody else could: they stay the backup
            seat.backup = change.member_id
            outcome.seats.append(seat)
            text = (f"{name(change.member_id)} is the new backup for the {role.skill} seat."
                    if change.member_id else
                    f"The {role.skill} seat has no backup for now: nobody is free to be one.")
            outcome.timeline.append(TimelineEntry.new(
                project.id, now, "backup_named", text,
                {"seat_id": seat.id, "backup_member_id": change.member_id,
                 "previous_backup_member_id": change.previous}))
        elif isinstance(change, CoverageGap):
            outcome.events.append(CoverageGapDetected(project, seat, role, change.weeks,
                                                      change.reason, now))
            outcome.timeline.append(TimelineEntry.new(
                project.id, now, "coverage_gap_detected",
                f"Nobody can take the {role.skill} seat in {describe_weeks(change.weeks)}; "
                "the coop is looking for someone.",
                {"seat_id": seat.id, "weeks": [str(w) for w in change.weeks]}))
    return outcome


def _can_still_back_up(profile: CandidateProfile | None, role) -> bool:
    level = profile.skills.get(role.skill) if profile else None
    return (profile is not None and profile.can_be_proposed and level is not None
            and level.level >= role.minimum_level)

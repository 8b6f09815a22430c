"""The team once a proposal is accepted: seats, and the assignments that book members' hours.

A **seat** is one place in the team: a role's n-th seat, held by a primary with a named
backup. An **assignment** books a member's hours on a seat from one date to another, at
an agreed hourly rate (what billing invoices): the primary's for the whole project, a
stand-in's for the weeks they cover, a learner's on the growth seat at the coop's
discount. Booked hours count in every ISO week with a working day of the assignment.
"""

import uuid
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from services.matching.domain.proposals import IsoWeek, WorkHistory
from services.matching.domain.proposals.iso_week import week_ranges, working_weeks

PRIMARY, STAND_IN, LEARNER = "primary", "stand_in", "learner"
CONFIRMED, ENDED = "confirmed", "ended"
CENT = Decimal("0.01")


@dataclass
class Seat:
    id: str
    project_id: str
    role_id: str | None  # None: the growth seat
    index: int
    primary: str
    backup: str | None


@dataclass
class Assignment:
    id: str
    project_id: str
    client_id: str
    seat_id: str
    member_id: str
    role_id: str | None
    skill: str
    hours_per_week: Decimal
    starts_on: date
    ends_on: date
    hourly_rate: Decimal
    kind: str = PRIMARY
    status: str = CONFIRMED
    ended_on: date | None = None
    end_reason: str | None = None

    @classmethod
    def book(cls, seat: Seat, client_id: str, member_id: str, skill: str, hours: Decimal,
             starts_on: date, ends_on: date, hourly_rate: Decimal,
             kind: str = PRIMARY) -> "Assignment":
        return cls(str(uuid.uuid4()), seat.project_id, client_id, seat.id, member_id,
                   seat.role_id, skill, hours, starts_on, ends_on, hourly_rate, kind)

    @property
    def last_day(self) -> date:
        return self.ended_on if self.ended_on is not None else self.ends_on

    @property
    def weeks(self) -> tuple[IsoWeek, ...]:
        return working_weeks(self.starts_on, self.last_day)

    def end(self, on: date, reason: str) -> bool:
        """End the assignment after `on` (a day before it starts: it never begins)."""
        if self.status == ENDED:
            return False
        self.status = ENDED
        self.ended_on = max(min(on, self.ends_on), self.starts_on - timedelta(days=1))
        self.end_reason = reason
        return True


def booked_hours(assignments: Iterable[Assignment]) -> dict[str, dict[IsoWeek, Decimal]]:
    """member id → ISO week → hours the coop has booked for them."""
    booked: dict[str, dict[IsoWeek, Decimal]] = defaultdict(lambda: defaultdict(Decimal))
    for assignment in assignments:
        for week in assignment.weeks:
            booked[assignment.member_id][week] += assignment.hours_per_week
    return booked


def discounted_rate(rate: Decimal, discount: Decimal) -> Decimal:
    """The growth seat's rate: `rate × (1 − discount)`, rounded half-up to the cent."""
    return (rate * (1 - discount)).quantize(CENT, rounding=ROUND_HALF_UP)


def date_spans(weeks: Iterable[IsoWeek], starts_on: date, ends_on: date) -> list[tuple[date,
                                                                                        date]]:
    """Consecutive runs of `weeks` as (first day, last day), within the project's dates."""
    return [(max(starts_on, first.monday), min(ends_on, last.monday + timedelta(days=6)))
            for first, last in week_ranges(weeks)]


def work_histories(assignments: Iterable[Assignment],
                   client_ratings: Mapping[str, list[int]]) -> dict[str, WorkHistory]:
    """Each member's past coop work: clients (with the average rating the client gave the
    projects they were on) and the members they shared a project with.

    `client_ratings`: project id → the ratings its client gave at check-ins.
    """
    team_of: dict[str, set[str]] = defaultdict(set)
    client_of: dict[str, str] = {}
    for assignment in assignments:
        team_of[assignment.project_id].add(assignment.member_id)
        client_of[assignment.project_id] = assignment.client_id
    ratings: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    coworkers: dict[str, set[str]] = defaultdict(set)
    for project_id, team in team_of.items():
        for member_id in team:
            ratings[member_id][client_of[project_id]].extend(client_ratings.get(project_id, ()))
            coworkers[member_id] |= team - {member_id}
    return {
        member_id: WorkHistory(
            {client: (sum(given) / len(given) if given else None)
             for client, given in by_client.items()},
            frozenset(coworkers[member_id]))
        for member_id, by_client in ratings.items()
    }

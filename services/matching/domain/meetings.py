"""Personal contact: the introduction meeting and the recurring check-ins.

Accepting a team plans an **introduction** (the client's contact person and every
team member meet before the work starts) and a **check-in** every N weeks of the
project. At a check-in the client rates the collaboration (1–5 and a comment) and so
does each member; the client may endorse members' skills (learning counts those as
evidence). The client's ratings feed continuity in later proposals; all ratings show
in the project's relationship health.

Dates: the introduction is on the last working day before the project starts, but
never earlier than the next working day after acceptance; check-ins fall every N
weeks after the start (moved to the next working day), up to the project's end.
"""

import uuid
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from services.matching.domain.errors import CheckinAlreadyRated

INTRODUCTION, CHECKIN = "introduction", "checkin"
BY_CLIENT, BY_MEMBER = "client", "member"


@dataclass(frozen=True)
class Endorsement:
    member_id: str
    skill: str
    level: int
    comment: str = ""


@dataclass(frozen=True)
class Rating:
    id: str
    by: str  # "client" or "member"
    member_id: str | None  # the member who rated (None: the client)
    rating: int
    comment: str
    recorded_at: datetime
    endorsements: tuple[Endorsement, ...] = ()


@dataclass
class Meeting:
    id: str
    project_id: str
    kind: str
    scheduled_on: date
    attendees: tuple[str, ...]  # "client contact: <name>" and member ids
    ratings: list[Rating] = field(default_factory=list)

    def rate(self, by: str, member_id: str | None, rating: int, comment: str,
             endorsements: tuple[Endorsement, ...], now: datetime) -> Rating:
        if any(given.by == by and given.member_id == member_id for given in self.ratings):
            raise CheckinAlreadyRated("The client" if by == BY_CLIENT else f"Member {member_id}")
        given = Rating(str(uuid.uuid4()), by, member_id, rating, comment, now, endorsements)
        self.ratings.append(given)
        return given

    @property
    def client_rating(self) -> int | None:
        return next((r.rating for r in self.ratings if r.by == BY_CLIENT), None)


def next_working_day(day: date) -> date:
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day


def previous_working_day(day: date) -> date:
    day -= timedelta(days=1)
    while day.weekday() >= 5:
        day -= timedelta(days=1)
    return day


def introduction_day(accepted_on: date, starts_on: date) -> date:
    return max(previous_working_day(starts_on), next_working_day(accepted_on + timedelta(days=1)))


def checkin_days(starts_on: date, ends_on: date, every_weeks: int) -> list[date]:
    days = []
    day = next_working_day(starts_on + timedelta(weeks=every_weeks))
    while day <= ends_on:
        days.append(day)
        day = next_working_day(day + timedelta(weeks=every_weeks))
    return days


def plan_meetings(project_id: str, starts_on: date, ends_on: date, every_weeks: int,
                  accepted_on: date, contact_name: str, team: list[str]) -> list[Meeting]:
    attendees = (f"client contact: {contact_name}", *team)
    planned = [Meeting(str(uuid.uuid4()), project_id, INTRODUCTION,
                       introduction_day(accepted_on, starts_on), attendees)]
    planned += [Meeting(str(uuid.uuid4()), project_id, CHECKIN, day, attendees)
                for day in checkin_days(starts_on, ends_on, every_weeks)]
    return planned


@dataclass(frozen=True)
class RelationshipHealth:
    client_average: float | None  # over every check-in the client rated
    members_average: float | None
    client_trend: int | None  # last client rating − first (None with fewer than two)
    rated_checkins: int
    overdue_checkins: int  # check-ins in the past the client has not rated
    next_meeting: Meeting | None


def relationship_health(meetings: list[Meeting], today: date) -> RelationshipHealth:
    checkins = sorted((m for m in meetings if m.kind == CHECKIN), key=lambda m: m.scheduled_on)
    client = [m.client_rating for m in checkins if m.client_rating is not None]
    members = [r.rating for m in checkins for r in m.ratings if r.by == BY_MEMBER]
    upcoming = sorted((m for m in meetings if m.scheduled_on >= today and not m.ratings),
                      key=lambda m: m.scheduled_on)
    return RelationshipHealth(
        _average(client), _average(members),
        client[-1] - client[0] if len(client) >= 2 else None,
        len(client),
        sum(1 for m in checkins if m.scheduled_on < today and m.client_rating is None),
        upcoming[0] if upcoming else None)


def _average(ratings: list[int]) -> float | None:
    return round(sum(ratings) / len(ratings), 2) if ratings else None

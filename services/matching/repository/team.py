"""Seats and assignments in SQL."""

from collections.abc import Collection
from decimal import Decimal

from sqlalchemy import insert, or_, select, update
from sqlalchemy.orm import Session

from services.matching.domain.assignments import CONFIRMED, Assignment, Seat
from services.matching.domain.projects import STAFFED
from services.matching.models import assignments, projects, seats

_ASSIGNMENT_FIELDS = ("id", "project_id", "client_id", "seat_id", "member_id", "role_id",
                      "skill", "starts_on", "ends_on", "kind", "status", "ended_on",
                      "end_reason")


class SqlSeatRepository:
    def __init__(self, session: Session):
        self.session = session

    def add(self, seat: Seat) -> None:
        self.session.execute(insert(seats).values(_seat_row(seat)))

    def save(self, seat: Seat) -> None:
        self.session.execute(update(seats).where(seats.c.id == seat.id).values(_seat_row(seat)))

    def for_project(self, project_id: str) -> list[Seat]:
        rows = self.session.execute(select(seats).where(seats.c.project_id == project_id)
                                    .order_by(seats.c.role_id, seats.c.position))
        return [_to_seat(row) for row in rows]

    def held_by(self, member_id: str) -> list[Seat]:
        """Seats the member holds (primary or backup) in projects with a confirmed team."""
        rows = self.session.execute(
            select(seats).join(projects, projects.c.id == seats.c.project_id)
            .where(projects.c.status.in_(STAFFED),
                   or_(seats.c.primary_member_id == member_id,
                       seats.c.backup_member_id == member_id)))
        return [_to_seat(row) for row in rows]


class SqlAssignmentRepository:
    def __init__(self, session: Session):
        self.session = session

    def add(self, assignment: Assignment) -> None:
        self.session.execute(insert(assignments).values(_assignment_row(assignment)))

    def save(self, assignment: Assignment) -> None:
        self.session.execute(update(assignments).where(assignments.c.id == assignment.id)
                             .values(_assignment_row(assignment)))

    def for_project(self, project_id: str) -> list[Assignment]:
        return self._where(assignments.c.project_id == project_id)

    def confirmed_for(self, member_ids: Collection[str]) -> list[Assignment]:
        """The members' confirmed assignments: what books their hours."""
        return self._where(assignments.c.member_id.in_(list(member_ids)),
                           assignments.c.status == CONFIRMED)

    def all_for(self, member_ids: Collection[str]) -> list[Assignment]:
        """Every assignment the members ever had (their work history)."""
        return self._where(assignments.c.member_id.in_(list(member_ids)))

    def any_for(self, client_id: str, member_id: str) -> bool:
        """Whether the member ever worked for the client (stand-ins included)."""
        return self.session.execute(
            select(assignments.c.id).where(assignments.c.client_id == client_id,
                                           assignments.c.member_id == member_id)
            .limit(1)).first() is not None

    def _where(self, *conditions) -> list[Assignment]:
        rows = self.session.execute(select(assignments).where(*conditions)
                                    .order_by(assignments.c.starts_on, assignments.c.id))
        return [Assignment(**{name: getattr(row, name) for name in _ASSIGNMENT_FIELDS},
                           hours_per_week=Decimal(row.hours_per_week),
                           hourly_rate=Decimal(row.hourly_rate))
                for row in rows]


def _seat_row(seat: Seat) -> dict:
    return {"id": seat.id, "project_id": seat.project_id, "role_id": seat.role_id,
            "position": seat.index, "primary_member_id": seat.primary,
            "backup_member_id": seat.backup}


def _to_seat(row) -> Seat:
    return Seat(row.id, row.project_id, row.role_id, row.position, row.primary_member_id,
                row.backup_member_id)


def _assignment_row(assignment: Assignment) -> dict:
    return {**{name: getattr(assignment, name) for name in _ASSIGNMENT_FIELDS},
            "hours_per_week": assignment.hours_per_week, "hourly_rate": assignment.hourly_rate}

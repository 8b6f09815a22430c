"""Projects and their roles in SQL."""

import json
from decimal import Decimal

from sqlalchemy import delete, insert, select, update
from sqlalchemy.orm import Session

from infra.errors import Conflict
from infra.pagination import Page, keyset_page
from services.matching.domain.projects import Project, ProjectRole
from services.matching.models import project_roles, projects

_FIELDS = ("id", "client_id", "title", "description", "starts_on", "ends_on", "growth_seat",
           "checkin_every_weeks", "status", "version", "created_at", "updated_at")


class SqlProjectRepository:
    def __init__(self, session: Session):
        self.session = session

    def add(self, project: Project) -> None:
        self.session.execute(insert(projects).values(_row(project)))
        self._write_roles(project)

    def get(self, project_id: str) -> Project | None:
        row = self.session.execute(select(projects).where(projects.c.id == project_id)).first()
        return self._to_projects([row])[0] if row else None

    def save(self, project: Project) -> None:
        """Optimistic: the row must still hold the version this change started from."""
        result = self.session.execute(
            update(projects)
            .where(projects.c.id == project.id, projects.c.version < project.version)
            .values(_row(project)))
        if result.rowcount != 1:
            raise Conflict(f"Project {project.id} was changed by someone else; try again.")
        self.session.execute(delete(project_roles).where(project_roles.c.project_id == project.id))
        self._write_roles(project)

    def page(self, limit: int, cursor: str | None, client_id: str | None = None,
             status: str | None = None) -> Page:
        query = select(projects)
        if client_id is not None:
            query = query.where(projects.c.client_id == client_id)
        if status is not None:
            query = query.where(projects.c.status == status)
        page = keyset_page(self.session, query, projects.c.seq, limit, cursor, lambda row: row)
        return Page(self._to_projects(page.items), page.next_cursor)

    def _write_roles(self, project: Project) -> None:
        if project.roles:
            self.session.execute(insert(project_roles), [
                {"id": role.id, "project_id": project.id, "position": position,
                 "skill": role.skill, "minimum_level": role.minimum_level,
                 "hours_per_week": role.hours_per_week, "seats": role.seats,
                 "nice_to_have": json.dumps(list(role.nice_to_have))}
                for position, role in enumerate(project.roles)])

    def _to_projects(self, rows) -> list[Project]:
        ids = [row.id for row in rows]
        roles: dict[str, list[ProjectRole]] = {project_id: [] for project_id in ids}
        for role in self.session.execute(
                select(project_roles).where(project_roles.c.project_id.in_(ids))
                .order_by(project_roles.c.position)):
            roles[role.project_id].append(ProjectRole(
                role.id, role.skill, role.minimum_level, Decimal(role.hours_per_week),
                role.seats, tuple(json.loads(role.nice_to_have))))
        return [Project(**{name: getattr(row, name) for name in _FIELDS},
                        roles=tuple(roles[row.id]),
                        budget=Decimal(row.budget) if row.budget is not None else None)
                for row in rows]


def _row(project: Project) -> dict:
    return {**{name: getattr(project, name) for name in _FIELDS}, "budget": project.budget}

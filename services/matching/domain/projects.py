"""A client's project: what it needs, and where it stands.

Lifecycle: `draft → proposed → accepted → running → finished`, and `cancelled` from
any state before `finished`. A project is `proposed` once the coop has proposed a team;
it can be changed (and proposed again) until a proposal is accepted. Every change
raises `version`, which makes earlier proposals stale. The team's seats run while the
project is `accepted` or `running`: those are the projects the coop keeps covered.
"""

import uuid
from dataclasses import dataclass, replace
from datetime import date, datetime
from decimal import Decimal

from services.matching.domain.errors import ProjectCannotChange, ProjectTransitionNotAllowed
from services.matching.domain.proposals import Project as SolverProject
from services.matching.domain.proposals import Role, validate_project

DRAFT, PROPOSED, ACCEPTED, RUNNING, FINISHED, CANCELLED = (
    "draft", "proposed", "accepted", "running", "finished", "cancelled")
STAFFED = (ACCEPTED, RUNNING)  # a confirmed team holds the seats

# action → (states it may start from, state it leads to)
TRANSITIONS = {
    "propose": ((DRAFT, PROPOSED), PROPOSED),
    "accept": ((PROPOSED,), ACCEPTED),
    "start": ((ACCEPTED,), RUNNING),
    "finish": ((RUNNING,), FINISHED),
    "cancel": ((DRAFT, PROPOSED, ACCEPTED, RUNNING), CANCELLED),
}

DEFAULT_CHECKIN_EVERY_WEEKS = 4
EDITABLE_FIELDS = frozenset({"title", "description", "starts_on", "ends_on", "budget", "roles",
                             "growth_seat", "checkin_every_weeks"})


@dataclass(frozen=True)
class ProjectRole:
    id: str
    skill: str
    minimum_level: int
    hours_per_week: Decimal
    seats: int = 1
    nice_to_have: tuple[str, ...] = ()

    @classmethod
    def new(cls, details: dict) -> "ProjectRole":
        return cls(id=str(uuid.uuid4()), skill=details["skill"],
                   minimum_level=details["minimum_level"],
                   hours_per_week=details["hours_per_week"], seats=details.get("seats", 1),
                   nice_to_have=tuple(details.get("nice_to_have", ())))

    def as_solver_role(self) -> Role:
        return Role(self.skill, self.minimum_level, self.hours_per_week, self.seats,
                    self.nice_to_have, id=self.id)


@dataclass
class Project:
    id: str
    client_id: str
    title: str
    description: str
    starts_on: date
    ends_on: date
    roles: tuple[ProjectRole, ...]
    created_at: datetime
    updated_at: datetime
    budget: Decimal | None = None
    growth_seat: bool = False
    checkin_every_weeks: int = DEFAULT_CHECKIN_EVERY_WEEKS
    status: str = DRAFT
    version: int = 1

    @classmethod
    def create(cls, client_id: str, details: dict, now: datetime,
               known_skills=None) -> "Project":
        project = cls(
            id=str(uuid.uuid4()), client_id=client_id, title=details["title"],
            description=details.get("description", ""), starts_on=details["starts_on"],
            ends_on=details["ends_on"], budget=details.get("budget"),
            roles=tuple(ProjectRole.new(role) for role in details["roles"]),
            growth_seat=details.get("growth_seat", False),
            checkin_every_weeks=details.get("checkin_every_weeks", DEFAULT_CHECKIN_EVERY_WEEKS),
            created_at=now, updated_at=now)
        validate_project(project.as_solver_input(), known_skills)
        return project

    def as_solver_input(self) -> SolverProject:
        return SolverProject(self.id, self.client_id, self.starts_on, self.ends_on,
                             tuple(role.as_solver_role() for role in self.roles), self.budget,
                             self.growth_seat)

    def role(self, role_id: str) -> ProjectRole | None:
        return next((role for role in self.roles if role.id == role_id), None)

    def change(self, changes: dict, now: datetime, known_skills=None) -> bool:
        """Apply `changes` (roles are replaced as a whole); whether anything changed."""
        if self.status not in (DRAFT, PROPOSED):
            raise ProjectCannotChange(self.id, self.status)
        values = dict(changes)
        if "roles" in values:
            values["roles"] = tuple(ProjectRole.new(role) for role in values["roles"])
        changed = {name: value for name, value in values.items()
                   if name in EDITABLE_FIELDS and getattr(self, name) != value}
        if not changed:
            return False
        validate_project(replace(self, **changed).as_solver_input(), known_skills)
        for name, value in changed.items():
            setattr(self, name, value)
        self.status = DRAFT  # what was proposed was for the project as it was
        self._touch(now)
        return True

    def move(self, action: str, now: datetime) -> None:
        allowed_from, to = TRANSITIONS[action]
        if self.status not in allowed_from:
            raise ProjectTransitionNotAllowed(self.id, action, self.status, allowed_from)
        self.status = to
        self._touch(now)

    def _touch(self, now: datetime) -> None:
        self.version += 1
        self.updated_at = now

    @property
    def is_staffed(self) -> bool:
        return self.status in STAFFED

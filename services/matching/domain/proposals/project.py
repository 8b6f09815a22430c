"""A project as the solver sees it: a span of ISO weeks and roles with seats to fill.

A role asks for a skill at a minimum level, for some hours every week of the project,
in one or more seats (each seat is one person plus a named backup). Nice-to-have
skills only raise a candidate's score. The budget, when given, caps what the primaries
cost over the whole project (hours × hourly rate × weeks).

The checks here are the ones that hold whatever the storage: the adapter checks skill
slugs against the taxonomy by passing `known_skills`.
"""

from collections.abc import Callable, Collection
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import cached_property

from services.matching.domain.proposals.errors import (
    BudgetMustBePositive,
    HoursPerWeekOutOfRange,
    LevelOutOfRange,
    ProjectEndsBeforeStart,
    ProjectHasNoWorkingDays,
    ProjectLongerThanThreeYears,
    ProjectNeedsRoles,
    SeatsMustBePositive,
    UnknownSkill,
)
from services.matching.domain.proposals.iso_week import IsoWeek, working_weeks

MAX_PROJECT_YEARS = 3
MAX_HOURS_PER_WEEK = Decimal("40")
LEVELS = range(1, 6)


@dataclass(frozen=True)
class Role:
    skill: str
    minimum_level: int
    hours_per_week: Decimal
    seats: int = 1
    nice_to_have: tuple[str, ...] = ()
    id: str | None = None  # the adapter's role id, carried through to the result


@dataclass(frozen=True)
class Project:
    id: str
    client_id: str
    starts_on: date
    ends_on: date
    roles: tuple[Role, ...]
    budget: Decimal | None = None  # EUR for all primaries over the whole project
    growth_seat: bool = False  # the client opts in to one extra learner seat

    @cached_property
    def weeks(self) -> tuple[IsoWeek, ...]:
        """Every ISO week with a working day of the project: capacity is needed in each."""
        return working_weeks(self.starts_on, self.ends_on)

    @property
    def total_seats(self) -> int:
        return sum(role.seats for role in self.roles)


def latest_end(starts_on: date) -> date:
    """Three years after the start; 29 February becomes 28 February in a common year."""
    year = starts_on.year + MAX_PROJECT_YEARS
    try:
        return starts_on.replace(year=year)
    except ValueError:
        return starts_on.replace(year=year, day=28)


def validate_project(project: Project, known_skills: Collection[str] | None = None) -> Project:
    """Raise the first broken rule (naming every field that breaks it); else return `project`.

    `known_skills` is the taxonomy's slugs; `None` skips that check (already done).
    """
    if project.ends_on < project.starts_on:
        raise ProjectEndsBeforeStart(project.starts_on, project.ends_on)
    if project.ends_on > latest_end(project.starts_on):
        raise ProjectLongerThanThreeYears(project.starts_on, project.ends_on,
                                          latest_end(project.starts_on))
    if not project.weeks:
        raise ProjectHasNoWorkingDays(project.starts_on, project.ends_on)
    if not project.roles:
        raise ProjectNeedsRoles()
    if project.budget is not None and not project.budget > 0:
        raise BudgetMustBePositive(project.budget)
    if known_skills is not None:
        unknown = [(field, slug) for field, slug in _skill_fields(project)
                   if slug not in known_skills]
        if unknown:
            raise UnknownSkill(unknown)
    for rule, check in _ROLE_RULES:
        problems = [(f"roles[{index}].{name}", message)
                    for index, role in enumerate(project.roles)
                    for name, message in check(role)]
        if problems:
            raise rule(problems)
    return project


def _skill_fields(project: Project):
    for index, role in enumerate(project.roles):
        yield f"roles[{index}].skill", role.skill
        for position, slug in enumerate(role.nice_to_have):
            yield f"roles[{index}].nice_to_have[{position}]", slug


def _is_whole(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _level_problems(role: Role):
    if not _is_whole(role.minimum_level) or role.minimum_level not in LEVELS:
        yield "minimum_level", f"A level is a whole number from 1 to 5; got {role.minimum_level!r}."


def _hours_problems(role: Role):
    hours = role.hours_per_week
    if (isinstance(hours, bool) or not isinstance(hours, int | Decimal)
            or not 0 < hours <= MAX_HOURS_PER_WEEK):
        yield "hours_per_week", f"More than 0 and at most {MAX_HOURS_PER_WEEK}; got {hours}."


def _seat_problems(role: Role):
    if not _is_whole(role.seats) or role.seats < 1:
        yield "seats", f"At least 1 seat; got {role.seats!r}."


_ROLE_RULES: tuple[tuple[type, Callable], ...] = (
    (LevelOutOfRange, _level_problems),
    (HoursPerWeekOutOfRange, _hours_problems),
    (SeatsMustBePositive, _seat_problems),
)

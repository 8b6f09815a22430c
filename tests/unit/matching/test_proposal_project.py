from datetime import date
from decimal import Decimal

import pytest

from infra.errors import Invalid
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
from services.matching.domain.proposals.project import Project, latest_end, validate_project
from tests.unit.matching.proposal_builders import project, role

KNOWN = {"python", "sql", "ux", "docker"}


def fields(error) -> list[str]:
    return [entry["field"] for entry in error.errors]


def span(starts_on: date, ends_on: date) -> Project:
    return Project("p", "c", starts_on, ends_on, (role(),))


def test_a_valid_project_passes_and_knows_its_weeks():
    checked = validate_project(project(role("python"), role("sql", nice=["docker"]), weeks=26),
                               KNOWN)
    assert len(checked.weeks) == 26
    assert checked.total_seats == 2


def test_a_project_cannot_end_before_it_starts():
    with pytest.raises(ProjectEndsBeforeStart) as raised:
        validate_project(span(date(2027, 3, 1), date(2027, 2, 28)))
    assert raised.value.rule == "ProjectEndsBeforeStart"
    assert fields(raised.value) == ["ends_on"]


def test_a_project_lasts_at_most_three_years():
    validate_project(span(date(2027, 1, 4), date(2030, 1, 4)))
    with pytest.raises(ProjectLongerThanThreeYears) as raised:
        validate_project(span(date(2027, 1, 4), date(2030, 1, 5)))
    assert "2030-01-04" in raised.value.errors[0]["message"]


def test_three_years_after_29_february_is_28_february():
    assert latest_end(date(2028, 2, 29)) == date(2031, 2, 28)


def test_a_weekend_is_not_a_project():
    with pytest.raises(ProjectHasNoWorkingDays):
        validate_project(span(date(2027, 1, 9), date(2027, 1, 10)))


def test_a_project_needs_roles_and_a_positive_budget_if_any():
    with pytest.raises(ProjectNeedsRoles):
        validate_project(Project("p", "c", date(2027, 1, 4), date(2027, 2, 1), ()))
    with pytest.raises(BudgetMustBePositive) as raised:
        validate_project(project(budget=0))
    assert fields(raised.value) == ["budget"]


def test_every_unknown_skill_is_named_with_its_field():
    with pytest.raises(UnknownSkill) as raised:
        validate_project(project(role("python"), role("cobol", nice=["docker", "fortran"])),
                         KNOWN)
    assert fields(raised.value) == ["roles[1].skill", "roles[1].nice_to_have[1]"]
    assert "'cobol'" in raised.value.detail and "'fortran'" in raised.value.detail


def test_skills_are_not_checked_without_a_taxonomy():
    validate_project(project(role("cobol")))


@pytest.mark.parametrize(("bad", "rule", "field"), [
    (role(level=0), LevelOutOfRange, "roles[1].minimum_level"),
    (role(level=6), LevelOutOfRange, "roles[1].minimum_level"),
    (role(hours=0), HoursPerWeekOutOfRange, "roles[1].hours_per_week"),
    (role(hours="40.01"), HoursPerWeekOutOfRange, "roles[1].hours_per_week"),
    (role(seats=0), SeatsMustBePositive, "roles[1].seats"),
])
def test_role_fields_out_of_range_are_named(bad, rule, field):
    with pytest.raises(rule) as raised:
        validate_project(project(role(), bad))
    assert isinstance(raised.value, Invalid)
    assert fields(raised.value) == [field]


def test_forty_hours_a_week_is_allowed():
    validate_project(project(role(hours=40)))


def test_all_roles_breaking_a_rule_are_named_at_once():
    with pytest.raises(HoursPerWeekOutOfRange) as raised:
        validate_project(project(role(hours=-1), role(), role(hours=Decimal("41"))))
    assert fields(raised.value) == ["roles[0].hours_per_week", "roles[2].hours_per_week"]

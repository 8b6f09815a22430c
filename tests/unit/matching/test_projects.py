"""A project's rules and lifecycle, without storage."""

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest

from services.matching.domain.errors import ProjectCannotChange, ProjectTransitionNotAllowed
from services.matching.domain.projects import Project
from services.matching.domain.proposals.errors import (
    HoursPerWeekOutOfRange,
    LevelOutOfRange,
    ProjectEndsBeforeStart,
    ProjectLongerThanThreeYears,
    UnknownSkill,
)

NOW = datetime(2026, 11, 24, 9, tzinfo=UTC)
SKILLS = {"python", "ux-design", "sql"}


def details(**overrides) -> dict:
    return {"title": "Webshop", "starts_on": date(2027, 1, 4), "ends_on": date(2027, 3, 26),
            "roles": [{"skill": "python", "minimum_level": 3,
                       "hours_per_week": Decimal("24"), "seats": 2}], **overrides}


def test_a_new_project_is_a_draft_with_ids_for_its_roles():
    project = Project.create("client-1", details(), NOW, SKILLS)
    assert (project.status, project.version) == ("draft", 1)
    assert project.roles[0].id and project.roles[0].seats == 2
    assert project.as_solver_input().total_seats == 2


@pytest.mark.parametrize(("change", "rule", "field"), [
    ({"ends_on": date(2026, 12, 1)}, ProjectEndsBeforeStart, "ends_on"),
    ({"ends_on": date(2030, 1, 5)}, ProjectLongerThanThreeYears, "ends_on"),
    ({"roles": [{"skill": "cobol", "minimum_level": 3, "hours_per_week": Decimal(8)}]},
     UnknownSkill, "roles[0].skill"),
    ({"roles": [{"skill": "sql", "minimum_level": 6, "hours_per_week": Decimal(8)}]},
     LevelOutOfRange, "roles[0].minimum_level"),
    ({"roles": [{"skill": "sql", "minimum_level": 2, "hours_per_week": Decimal(41)}]},
     HoursPerWeekOutOfRange, "roles[0].hours_per_week"),
])
def test_bad_projects_are_refused_naming_the_field(change, rule, field):
    with pytest.raises(rule) as raised:
        Project.create("client-1", details(**change), NOW, SKILLS)
    assert raised.value.errors[0]["field"] == field


def test_the_lifecycle_runs_draft_proposed_accepted_running_finished():
    project = Project.create("client-1", details(), NOW, SKILLS)
    for action, status in [("propose", "proposed"), ("propose", "proposed"),
                           ("accept", "accepted"), ("start", "running"),
                           ("finish", "finished")]:
        project.move(action, NOW)
        assert project.status == status
    assert project.version == 6


@pytest.mark.parametrize(("moves", "illegal"), [
    ((), "accept"), ((), "start"), (("propose",), "finish"),
    (("propose", "accept", "start", "finish"), "cancel"),
    (("cancel",), "propose"),
])
def test_illegal_transitions_are_refused_with_the_reason(moves, illegal):
    project = Project.create("client-1", details(), NOW, SKILLS)
    for action in moves:
        project.move(action, NOW)
    with pytest.raises(ProjectTransitionNotAllowed) as refused:
        project.move(illegal, NOW)
    assert project.status in refused.value.detail


def test_a_change_sends_a_proposed_project_back_to_draft_and_raises_its_version():
    project = Project.create("client-1", details(), NOW, SKILLS)
    project.move("propose", NOW)
    assert project.change({"title": "Webshop 2"}, NOW, SKILLS) is True
    assert (project.status, project.version, project.title) == ("draft", 3, "Webshop 2")
    assert project.change({"title": "Webshop 2"}, NOW, SKILLS) is False


def test_an_invalid_change_leaves_the_project_as_it_was():
    project = Project.create("client-1", details(), NOW, SKILLS)
    with pytest.raises(ProjectEndsBeforeStart):
        project.change({"ends_on": date(2026, 1, 1)}, NOW, SKILLS)
    assert (project.ends_on, project.version) == (date(2027, 3, 26), 1)


def test_an_accepted_project_cannot_be_changed():
    project = Project.create("client-1", details(), NOW, SKILLS)
    project.move("propose", NOW)
    project.move("accept", NOW)
    with pytest.raises(ProjectCannotChange):
        project.change({"title": "Other"}, NOW, SKILLS)

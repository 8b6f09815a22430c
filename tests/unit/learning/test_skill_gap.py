"""The skill gap report: demand from projects and unfilled seats against members' levels."""

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

from services.learning.domain import use_cases
from services.learning.domain.skill_gap import CoverageGap, RoleDemand, window_start
from tests.unit.learning.builders import event, member
from tests.unit.learning.fakes import FakeUnitOfWork

NOW = datetime.now(UTC)


def project(uow, *roles, created=NOW):
    project_id = f"p-{len(uow.stored('roles'))}-{created.timestamp()}"
    use_cases.record_project(uow, event("project_created", "matching"), "client-1", [
        RoleDemand(project_id, skill, level, seats, created) for skill, level, seats in roles])
    return project_id


def gap(uow, project_id, skill, unfilled, level=3, when=NOW):
    use_cases.record_coverage_gap(uow, event("coverage_gap_detected", "matching"),
                                  CoverageGap(project_id, skill, level, unfilled, when))


def test_the_window_is_twelve_months_even_from_a_leap_day():
    assert window_start(date(2028, 2, 29)) == date(2027, 2, 28)
    assert window_start(date(2026, 6, 1)) == date(2025, 6, 1)


def test_skills_with_a_shortage_come_first_and_say_why():
    uow = FakeUnitOfWork()
    member(uow, "Ada", python=(4, 4), sql=3)
    member(uow, "Bob", python=3)
    member(uow, "Gone", status="left", rust=5)
    project(uow, ("python", 3, 2), ("rust", 4, 1), ("sql", 2, 1))
    later = project(uow, ("rust", 3, 1))
    gap(uow, later, "rust", 2, when=NOW - timedelta(days=3))
    gap(uow, later, "rust", 1)  # the latest detection counts, not both
    project(uow, ("cobol", 2, 5), created=NOW - timedelta(days=400))  # outside the window
    use_cases.offer_to_teach(uow, member(uow, "Cleo", rust=4).member_id, "rust", 4,
                             ["workshop"], Decimal("4"))

    report = use_cases.skill_gap_report(uow, top=5)
    by_skill = {row.skill: row for row in report.skills}
    assert set(by_skill) == {"python", "rust", "sql"}
    rust = by_skill["rust"]
    assert (rust.required_level, rust.seats_demanded, rust.seats_unfilled,
            rust.members_at_level, rust.shortage, rust.mentors_offering) == (4, 2, 1, 1, 1, 1)
    assert by_skill["python"].members_at_level == 2 and by_skill["python"].shortage == 0
    assert by_skill["python"].verified_at_level == 1
    assert [row.skill for row in report.develop_first] == ["rust"]
    assert "1 seat(s) went unfilled" in rust.reason and "1 member(s) offer" in rust.reason


def test_a_gap_reported_closed_is_no_longer_demand():
    uow = FakeUnitOfWork()
    gap(uow, "p1", "ux-research", 2, when=NOW - timedelta(days=1))
    gap(uow, "p1", "ux-research", 0)
    assert use_cases.skill_gap_report(uow).skills == ()

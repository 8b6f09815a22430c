"""Small builders for learning's unit tests: members, shared work, events, settings."""

import uuid
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

from services.learning.domain import use_cases
from services.learning.domain.member_view import MemberView, SkillLevels
from services.learning.domain.settings import LearningSettings
from services.learning.domain.work_history import Assignment

TODAY = datetime.now(UTC).date()
SETTINGS = LearningSettings(max_mentees=2, yearly_budget=Decimal("1000.00"))


def new_id() -> str:
    return str(uuid.uuid4())


def event(event_type: str = "member_updated", source: str = "members", **extra) -> dict:
    return {"id": new_id(), "type": event_type, "source": source,
            "time": datetime.now(UTC), "subject": "x", **extra}


def member(uow, name: str = "Member", status: str = "active", version: int = 1,
           member_id: str | None = None, **skills) -> MemberView:
    """A member learning knows of; skills as `python=4` (declared) or `python=(3, 4)`
    (declared, verified)."""
    levels = {}
    for slug, value in skills.items():
        declared, verified = value if isinstance(value, tuple) else (value, None)
        levels[slug.replace("_", "-")] = SkillLevels(declared, verified)
    view = MemberView(member_id or new_id(), version, name, status, levels)
    use_cases.record_member_snapshot(uow, event(), view)
    return view


def worked_together(uow, *members: MemberView, project_id: str | None = None,
                    starts_on: date | None = None, ends_on: date | None = None) -> str:
    """Assign every member to one project that began a month ago."""
    project_id = project_id or new_id()
    for person in members:
        use_cases.record_assignment(uow, event("assignment_confirmed", "matching"), Assignment(
            new_id(), project_id, "client-1", person.member_id, "python",
            starts_on or TODAY - timedelta(days=30), ends_on))
    return project_id


def no_availability(member_ids, from_week, to_week):
    return None


def hours(by_member: dict):
    """An availability lookup answering these hours (member id → hours over the weeks)."""

    def lookup(member_ids, from_week, to_week):
        return {member_id: Decimal(by_member.get(member_id, "0")) for member_id in member_ids}

    return lookup

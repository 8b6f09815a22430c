"""The skill gap report: demand from matching's projects against members' levels."""

from datetime import UTC, date, datetime, time

from services.learning.domain import skill_gap
from services.learning.domain.ports import UnitOfWork
from services.learning.domain.use_cases._support import today


def skill_gap_report(uow: UnitOfWork, top: int = 5,
                     as_of: date | None = None) -> skill_gap.SkillGapReport:
    as_of = as_of or today()
    since = datetime.combine(skill_gap.window_start(as_of), time.min, tzinfo=UTC)
    with uow:
        roles = uow.demand.roles_since(since)
        gaps = uow.demand.gaps_since(since)
        members = uow.members.active()
        offers = uow.offers.open_per_skill()
        wishes = uow.wishes.open_per_skill()
    return skill_gap.report(as_of, roles, gaps, members, offers, wishes, top)

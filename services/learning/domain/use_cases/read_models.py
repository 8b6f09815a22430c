"""What learning keeps from other services' events, each event applied once (inbox)."""

from datetime import date
from decimal import Decimal

from services.learning.domain.member_view import MemberView, newer
from services.learning.domain.ports import UnitOfWork
from services.learning.domain.skill_gap import CoverageGap, RoleDemand
from services.learning.domain.work_history import Assignment


def _once(uow: UnitOfWork, event: dict, apply) -> bool:
    """Run `apply()` in one transaction with the inbox entry; False if seen before."""
    with uow:
        if uow.already_handled(event):
            return False
        changed = apply()
        uow.mark_handled(event)
        uow.commit()
        return changed


def record_member_snapshot(uow: UnitOfWork, event: dict, snapshot: MemberView) -> bool:
    """Keep the member's public snapshot if it is newer than the one learning holds."""

    def apply() -> bool:
        if not newer(uow.members.get(snapshot.member_id), snapshot):
            return False
        uow.members.put(snapshot)
        return True

    return _once(uow, event, apply)


def record_assignment(uow: UnitOfWork, event: dict, assignment: Assignment) -> bool:
    def apply() -> bool:
        uow.work.put(assignment)
        return True

    return _once(uow, event, apply)


def record_project(uow: UnitOfWork, event: dict, client_id: str,
                   roles: list[RoleDemand]) -> bool:
    def apply() -> bool:
        uow.demand.add_roles(roles, client_id)
        return bool(roles)

    return _once(uow, event, apply)


def record_coverage_gap(uow: UnitOfWork, event: dict, gap: CoverageGap) -> bool:
    def apply() -> bool:
        uow.demand.add_gap(gap)
        return True

    return _once(uow, event, apply)


def record_fund_contribution(uow: UnitOfWork, event: dict, contribution_id: str,
                             member_id: str | None, year: int, amount: Decimal,
                             booked_on: date) -> bool:
    """Billing booked money into the development fund (negative: a correction)."""

    def apply() -> bool:
        return uow.budget.add_contribution(contribution_id, member_id, year, amount, booked_on)

    return _once(uow, event, apply)

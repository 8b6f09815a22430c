"""A member's hours per week and the periods they cannot work."""

from decimal import Decimal

from services.members.domain.errors import UnavailabilityNotFound
from services.members.domain.events import (
    MemberAvailableAgain,
    MemberCapacityChanged,
    MemberUnavailable,
)
from services.members.domain.iso_week import IsoWeek
from services.members.domain.member import Member
from services.members.domain.ports import UnitOfWork
from services.members.domain.unavailability import Unavailability
from services.members.domain.use_cases._support import load, now, today


def get_capacity(uow: UnitOfWork, member_id: str) -> Member:
    with uow:
        return load(uow, member_id)


def change_capacity(uow: UnitOfWork, member_id: str, default_weekly_hours: Decimal | None,
                    overrides: dict[IsoWeek, Decimal | None]) -> Member:
    """Set default hours per week and/or per-week overrides (`None` removes one)."""
    with uow:
        member = load(uow, member_id)
        changed_weeks = member.change_capacity(default_weekly_hours, overrides, today(), now())
        if changed_weeks is not None:
            uow.members.save(member)
            uow.publish(MemberCapacityChanged(member, changed_weeks=tuple(changed_weeks)))
            uow.commit()
        return member


def add_unavailability(uow: UnitOfWork, member_id: str, details: dict) -> Unavailability:
    """Record a period (kind, starts_on, ends_on, optional private reason)."""
    with uow:
        member = load(uow, member_id)
        period = Unavailability.new(**details)
        member.add_unavailability(period, today(), now())
        uow.members.save(member)
        uow.publish(MemberUnavailable(member, period=period))
        uow.commit()
        return period


def change_unavailability(uow: UnitOfWork, member_id: str, unavailability_id: str,
                          changes: dict) -> Unavailability:
    """Change a period, e.g. a sick leave that ends earlier; same id, new dates."""
    with uow:
        member = load(uow, member_id)
        current = member.capacity.find(unavailability_id)
        if current is None:
            raise UnavailabilityNotFound(member_id, unavailability_id)
        period = current.changed(changes)
        if member.change_unavailability(period, today(), now()):
            uow.members.save(member)
            uow.publish(MemberUnavailable(member, period=period))
            uow.commit()
        return period


def remove_unavailability(uow: UnitOfWork, member_id: str,
                          unavailability_id: str) -> Unavailability:
    with uow:
        member = load(uow, member_id)
        period = member.remove_unavailability(unavailability_id, now())
        uow.members.save(member)
        uow.publish(MemberAvailableAgain(member, period=period))
        uow.commit()
        return period

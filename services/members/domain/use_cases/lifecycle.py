"""Suspending, reinstating and leaving."""

from datetime import date

from services.members.domain.events import (
    MemberActivated,
    MemberLeft,
    MemberSuspended,
    MemberUpdated,
)
from services.members.domain.member import Member
from services.members.domain.ports import UnitOfWork
from services.members.domain.use_cases._support import load, now


def suspend_member(uow: UnitOfWork, member_id: str, reason: str) -> Member:
    """An operator suspends an active member; the reason stays private."""
    with uow:
        member = load(uow, member_id)
        member.suspend(reason, now())
        uow.members.save(member)
        uow.publish(MemberSuspended(member))
        uow.publish(MemberUpdated(member, changed_fields=("status",)))
        uow.commit()
        return member


def reinstate_member(uow: UnitOfWork, member_id: str) -> Member:
    """An operator lifts a suspension; announced as `member_activated` (reinstated)."""
    with uow:
        member = load(uow, member_id)
        member.reinstate(now())
        uow.members.save(member)
        uow.publish(MemberActivated(member, reinstated=True))
        uow.publish(MemberUpdated(member, changed_fields=("status",)))
        uow.commit()
        return member


def give_notice(uow: UnitOfWork, member_id: str, leave_on: date) -> Member:
    """The member leaves on `leave_on`; matching flags their assignments after that date."""
    with uow:
        member = load(uow, member_id)
        previous = member.leave(leave_on, now())
        uow.members.save(member)
        uow.publish(MemberLeft(member, previous_status=previous))
        uow.publish(MemberUpdated(member, changed_fields=("left_on", "status")))
        uow.commit()
        return member

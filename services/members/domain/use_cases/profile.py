"""Reading and changing who a member is."""

from services.members.domain.errors import EmailAlreadyRegistered
from services.members.domain.events import MemberUpdated
from services.members.domain.member import Member
from services.members.domain.ports import UnitOfWork
from services.members.domain.use_cases._support import load, now


def get_member(uow: UnitOfWork, member_id: str) -> Member:
    with uow:
        return load(uow, member_id)


def members_among(uow: UnitOfWork, member_ids: list[str]) -> list[Member]:
    """The members among `member_ids` (ids nobody has are left out), in registration order:
    billing asks for everyone a payout batch may pay at once."""
    wanted = list(dict.fromkeys(member_ids))
    if not wanted:
        return []
    with uow:
        return uow.members.page(len(wanted), None, member_ids=wanted).items


def list_members(uow: UnitOfWork, limit: int, cursor: str | None, status: str | None = None,
                 member_ids: list[str] | None = None, skill: str | None = None):
    """A page of members in registration order, optionally only those matching filters."""
    with uow:
        return uow.members.page(limit, cursor, status=status, member_ids=member_ids,
                                skill=skill)


def update_member(uow: UnitOfWork, member_id: str, changes: dict) -> Member:
    with uow:
        member = load(uow, member_id)
        new_email = changes.get("email")
        if new_email and new_email != member.email:
            holder = uow.members.get_by_email(new_email)
            if holder is not None:
                raise EmailAlreadyRegistered()
        changed = member.changed_fields(changes)
        if member.change(changes, now=now()):
            uow.members.save(member)
            uow.publish(MemberUpdated(member, changed_fields=tuple(changed)))
            uow.commit()
        return member

"""What every use case shares: the clock and loading what must exist."""

from datetime import UTC, date, datetime

from services.learning.domain.errors import MemberNotFound, UnknownMember
from services.learning.domain.member_view import MemberView


def now() -> datetime:
    return datetime.now(UTC)


def today() -> date:
    """Today in UTC, the coop's one calendar."""
    return now().date()


def member(uow, member_id: str) -> MemberView:
    """The member a call acts on (`MemberNotFound`: 404)."""
    found = uow.members.get(member_id)
    if found is None:
        raise MemberNotFound(member_id)
    return found


def other_member(uow, member_id: str, field: str) -> MemberView:
    """A member named inside a request (`UnknownMember`: 422 naming the field)."""
    found = uow.members.get(member_id)
    if found is None:
        raise UnknownMember(member_id, field)
    return found


def found(value, error):
    if value is None:
        raise error
    return value

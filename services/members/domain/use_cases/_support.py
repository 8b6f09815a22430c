"""What every use case shares: the clock and loading a member that must exist."""

from datetime import UTC, date, datetime

from services.members.domain.errors import MemberNotFound
from services.members.domain.member import Member


def now() -> datetime:
    return datetime.now(UTC)


def today() -> date:
    """Today's date in UTC, the coop's one calendar for plans and horizons."""
    return now().date()


def load(uow, member_id: str) -> Member:
    member = uow.members.get(member_id)
    if member is None:
        raise MemberNotFound(member_id)
    return member

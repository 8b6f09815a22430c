"""What books a member's hours: the coop's confirmed assignments and its lendings to
partner coops. Every count of booked hours goes through here."""

from collections.abc import Collection
from decimal import Decimal

from services.matching.domain.assignments import booked_hours
from services.matching.domain.ports import UnitOfWork
from services.matching.domain.proposals.iso_week import IsoWeek


def booked_for(uow: UnitOfWork, member_ids: Collection[str]) -> dict[str, dict[IsoWeek, Decimal]]:
    """member id → ISO week → booked hours (assignments and lendings)."""
    member_ids = list(member_ids)
    return booked_hours([*uow.assignments.confirmed_for(member_ids),
                         *uow.lendings.active_for(member_ids)])

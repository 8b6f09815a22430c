"""A candidate: matching's own view of a member, kept from the members service's events.

Matching never asks members per candidate while proposing a team; it keeps this
read model current instead. Events can arrive out of order (several relays,
redelivery), so a snapshot only replaces an older one: the member's version decides.
"""

from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class Candidate:
    member_id: str
    version: int
    name: str
    city: str | None
    introduction: str
    hourly_rate: Decimal | None
    status: str


def newer(current: Candidate | None, incoming: Candidate) -> bool:
    """Whether `incoming` should replace what matching knows now."""
    return current is None or incoming.version > current.version

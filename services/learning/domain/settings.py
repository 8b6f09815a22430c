"""The coop's settings for learning (from configuration; these are the defaults)."""

from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class LearningSettings:
    max_mentees: int = 3  # no mentor has more active mentees than this
    yearly_budget: Decimal = Decimal("1500.00")  # each active member's, per calendar year
    approvals_needed: int = 2  # members approving a development request (or one operator)
    availability_weeks: int = 4  # how far ahead mentor availability is looked at
    coop_name: str = "Multitalent cooperative"
    coop_url: str | None = None

"""How evenly the coop's work is spread: utilisation per member, Gini, the top 10 %'s share.

Input per member: hours assigned through the coop and capacity, both summed over the
horizon by the adapter. Decisions:
- utilisation = assigned ÷ capacity; a member with no capacity in the horizon has no
  utilisation (None) and is left out of the utilisation Gini, but counts for hours;
- two Gini coefficients: of utilisation (fair relative to what each member offers, so a
  part-timer is not "under-served" by working fewer hours) and of assigned hours (how
  concentrated the work itself is). Gini = Σᵢ Σⱼ |xᵢ − xⱼ| ÷ (2 n² x̄): 0 when all are
  equal, (n − 1) ÷ n when one member has everything; 0 when nobody has anything;
- the top 10 % are the ⌈n ÷ 10⌉ members with the most assigned hours; their share is
  of all assigned hours (0 when there are none).
"""

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

TOP_SHARE = 0.10


@dataclass(frozen=True)
class Workload:
    assigned_hours: Decimal
    capacity_hours: Decimal


@dataclass(frozen=True)
class FairnessReport:
    utilisation: dict[str, float | None]  # member id → assigned ÷ capacity
    gini_utilisation: float
    gini_hours: float
    top_10_percent_share: float
    members: int


def gini(values: Sequence[float]) -> float:
    """Mean absolute difference ÷ (2 × mean), in O(n log n) on the sorted values."""
    n = len(values)
    total = sum(values)
    if n == 0 or total <= 0:
        return 0.0
    ordered = sorted(values)
    # Σᵢ Σⱼ |xᵢ − xⱼ| = 2 Σᵢ (2i − n + 1) x₍ᵢ₎ for 0-based ranks of the sorted values
    weighted = sum((2 * rank - n + 1) * value for rank, value in enumerate(ordered))
    return 2 * weighted / (2 * n * total)


def top_share(hours: Sequence[float], share: float = TOP_SHARE) -> float:
    total = sum(hours)
    if not hours or total <= 0:
        return 0.0
    top = math.ceil(round(len(hours) * share, 9))
    return sum(sorted(hours, reverse=True)[:top]) / total


def fairness_report(workloads: Mapping[str, Workload]) -> FairnessReport:
    utilisation = {
        member_id: (float(w.assigned_hours / w.capacity_hours) if w.capacity_hours > 0 else None)
        for member_id, w in workloads.items()
    }
    hours = [float(w.assigned_hours) for w in workloads.values()]
    return FairnessReport(
        utilisation,
        gini([u for u in utilisation.values() if u is not None]),
        gini(hours),
        top_share(hours),
        len(workloads),
    )

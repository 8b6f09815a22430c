"""A period in which a member cannot work: holiday, sick, parental leave or other.

The kind and the reason are private: they never leave the service except to the
member themself and operators (health is special-category personal data). Others
only learn the dates.

Overlapping periods are **rejected**, not merged: merging a holiday with a sick
leave would lose what each one is, and silently changing dates the member entered
surprises them. The error names the period in the way, so the member can change it.
Periods that touch (one ends on the 4th, the next starts on the 5th) do not overlap.
"""

import uuid
from dataclasses import dataclass, replace
from datetime import date

from services.members.domain.errors import EndBeforeStart, UnavailabilityOverlaps

KINDS = ("holiday", "sick", "parental", "other")


@dataclass(frozen=True)
class Unavailability:
    id: str
    kind: str
    starts_on: date
    ends_on: date  # included
    reason: str | None = None

    def __post_init__(self):
        if self.kind not in KINDS:
            raise ValueError(f"kind must be one of {KINDS}, not {self.kind!r}")
        if self.ends_on < self.starts_on:
            raise EndBeforeStart(self.starts_on, self.ends_on)

    @classmethod
    def new(cls, kind: str, starts_on: date, ends_on: date,
            reason: str | None = None) -> "Unavailability":
        return cls(str(uuid.uuid4()), kind, starts_on, ends_on, reason)

    def changed(self, changes: dict) -> "Unavailability":
        """A copy with `changes` (any of kind, starts_on, ends_on, reason) applied."""
        unknown = set(changes) - {"kind", "starts_on", "ends_on", "reason"}
        if unknown:
            raise ValueError(f"not changeable: {sorted(unknown)}")
        return replace(self, **changes)

    def overlaps(self, other: "Unavailability") -> bool:
        return self.starts_on <= other.ends_on and other.starts_on <= self.ends_on


def check_no_overlap(existing: list[Unavailability], period: Unavailability) -> None:
    """`UnavailabilityOverlaps` if `period` overlaps any other period in `existing`."""
    for other in existing:
        if other.id != period.id and other.overlaps(period):
            raise UnavailabilityOverlaps(other.id, other.starts_on, other.ends_on)

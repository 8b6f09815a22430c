"""What the solver knows about a member: the input an adapter fills from its read model.

Everything here is a snapshot at proposal time. The adapter computes free hours
per ISO week from members' availability (capacity after unavailability) minus the
coop's own confirmed assignments, which it also passes as booked hours, so that
utilisation can be computed as booked ÷ (booked + free) over the project's weeks.
A week the adapter leaves out of `WeeklyHours.weeks` has the `usual` hours: give
the hours of most weeks as `usual` and list the others, or `usual=0` and every week.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from services.matching.domain.proposals.iso_week import IsoWeek

ACTIVE = "active"


@dataclass(frozen=True)
class SkillLevel:
    self_assessed: int | None  # what the member says (1–5), None if only verified
    verified: int | None = None  # what learning has verified, if anything
    wants_to_grow: bool = False

    @property
    def level(self) -> int:
        """A verified level replaces the member's own estimate, upwards or downwards."""
        if self.verified is not None:
            return self.verified
        return self.self_assessed or 0

    @property
    def is_verified(self) -> bool:
        return self.verified is not None


@dataclass(frozen=True)
class WeeklyHours:
    """Hours per ISO week: `usual` hours, except the weeks listed in `weeks`."""

    usual: Decimal = Decimal("0")
    weeks: Mapping[IsoWeek, Decimal] = field(default_factory=dict)

    @classmethod
    def of(cls, hours: Mapping[IsoWeek | str, Decimal], usual: Decimal = Decimal("0")):
        """From a map with `YYYY-Www` strings or `IsoWeek`s as keys."""
        return cls(usual, {week if isinstance(week, IsoWeek) else IsoWeek.parse(week): value
                           for week, value in hours.items()})

    def __getitem__(self, week: IsoWeek) -> Decimal:
        return self.weeks.get(week, self.usual)


NO_HOURS = WeeklyHours()


@dataclass(frozen=True)
class WorkHistory:
    """Past coop work. Having worked together is symmetric: one side's record is enough."""

    # client id → average check-in rating (1–5) the client gave, None if never rated
    clients: Mapping[str, float | None] = field(default_factory=dict)
    coworkers: frozenset[str] = frozenset()  # member ids this member worked with on projects


@dataclass(frozen=True)
class CandidateProfile:
    member_id: str
    status: str  # only "active" members are proposed
    hourly_rate: Decimal | None  # None: cannot be billed, so never proposed
    skills: Mapping[str, SkillLevel]
    free_hours: WeeklyHours  # after unavailability and the coop's confirmed assignments
    booked_hours: WeeklyHours = NO_HOURS  # the coop's confirmed assignments
    history: WorkHistory = field(default_factory=WorkHistory)

    @property
    def can_be_proposed(self) -> bool:
        return self.status == ACTIVE and self.hourly_rate is not None

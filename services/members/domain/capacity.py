"""A member's capacity: default hours per ISO week, per-week overrides, unavailability.

Hours are `Decimal` with at most 2 decimals, from 0 to 80 per week. An override
replaces the default for one week (0 is a week off without saying why; setting an
override to `None` removes it). Weeks and unavailability reach at most 3 years
ahead; availability per week is computed in `availability.py`.
"""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from services.members.domain.availability import CapacityFacts
from services.members.domain.errors import BeyondPlanningHorizon, UnavailabilityNotFound
from services.members.domain.iso_week import IsoWeek, beyond_horizon, planning_horizon
from services.members.domain.unavailability import Unavailability, check_no_overlap

MAX_WEEKLY_HOURS = Decimal("80")


def check_hours(hours: Decimal) -> Decimal:
    if not Decimal("0") <= hours <= MAX_WEEKLY_HOURS or hours.as_tuple().exponent < -2:
        raise ValueError(f"weekly hours are 0 to {MAX_WEEKLY_HOURS} with 2 decimals: {hours}")
    return hours.quantize(Decimal("0.01"))


@dataclass
class Capacity:
    default_weekly_hours: Decimal = Decimal("0.00")
    overrides: dict[IsoWeek, Decimal] = field(default_factory=dict)
    unavailability: list[Unavailability] = field(default_factory=list)

    def change(self, default_weekly_hours: Decimal | None,
               overrides: dict[IsoWeek, Decimal | None], today: date) -> list[IsoWeek]:
        """Set the default and/or overrides (`None` removes one); returns changed weeks.

        Every week is checked before anything changes, so a bad week changes nothing.
        """
        for week in overrides:
            if beyond_horizon(week, today):
                raise BeyondPlanningHorizon(f"overrides.{week}", f"Week {week}",
                                            planning_horizon(today))
        if default_weekly_hours is not None:
            self.default_weekly_hours = check_hours(default_weekly_hours)
        changed = []
        for week, hours in sorted(overrides.items()):
            if hours is None:
                if self.overrides.pop(week, None) is not None:
                    changed.append(week)
            elif self.overrides.get(week) != (hours := check_hours(hours)):
                self.overrides[week] = hours
                changed.append(week)
        return changed

    def find(self, unavailability_id: str) -> Unavailability | None:
        return next((p for p in self.unavailability if p.id == unavailability_id), None)

    def add_unavailability(self, period: Unavailability, today: date) -> None:
        _check_within_horizon(period, today)
        check_no_overlap(self.unavailability, period)
        self.unavailability.append(period)
        self.unavailability.sort(key=lambda p: p.starts_on)

    def replace_unavailability(self, period: Unavailability, today: date) -> Unavailability:
        """Put `period` in place of the one with its id; returns the one it replaced."""
        previous = self.find(period.id)
        if previous is None:
            raise ValueError(f"no unavailability {period.id}")
        _check_within_horizon(period, today)
        check_no_overlap(self.unavailability, period)
        self.unavailability = sorted(
            [period if p.id == period.id else p for p in self.unavailability],
            key=lambda p: p.starts_on,
        )
        return previous

    def remove_unavailability(self, member_id: str, unavailability_id: str) -> Unavailability:
        period = self.find(unavailability_id)
        if period is None:
            raise UnavailabilityNotFound(member_id, unavailability_id)
        self.unavailability.remove(period)
        return period

    def facts(self, left_on: date | None) -> CapacityFacts:
        return CapacityFacts(
            self.default_weekly_hours,
            {str(week): hours for week, hours in self.overrides.items()},
            tuple((p.starts_on, p.ends_on) for p in self.unavailability),
            left_on,
        )


def _check_within_horizon(period: Unavailability, today: date) -> None:
    horizon = planning_horizon(today)
    if period.ends_on > horizon:
        raise BeyondPlanningHorizon("ends_on", f"The end date {period.ends_on}", horizon)

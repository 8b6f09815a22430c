"""The three set-based queries behind `availability`, for any number of members.

This is the hot path of matching (1,000 members × 52 weeks per call), so:

- the statements are built once, with expanding `IN` parameters;
- rows are fetched in one go (`all()`), not one by one;
- hours and dates come back untyped and are converted once per distinct value
  (hours repeat a lot), instead of once per row by SQLAlchemy's type processors.
  SQLite returns numbers and ISO date strings; PostgreSQL `Decimal` and `date`.
"""

from collections import defaultdict
from datetime import date
from decimal import Decimal

from sqlalchemy import bindparam, select, type_coerce
from sqlalchemy.orm import Session
from sqlalchemy.types import NullType

from services.members.domain.availability import CapacityFacts
from services.members.domain.iso_week import IsoWeek
from services.members.models import capacity_overrides, members, unavailability

_IDS = bindparam("ids", expanding=True)


def _raw(column):
    return type_coerce(column, NullType())


_DEFAULTS = select(
    members.c.id, _raw(members.c.default_weekly_hours), _raw(members.c.left_on)
).where(members.c.id.in_(_IDS))

_OVERRIDES = select(
    capacity_overrides.c.member_id, capacity_overrides.c.week, _raw(capacity_overrides.c.hours)
).where(capacity_overrides.c.member_id.in_(_IDS),
        capacity_overrides.c.week.between(bindparam("first_week"), bindparam("last_week")))

_PERIODS = select(
    unavailability.c.member_id, _raw(unavailability.c.starts_on), _raw(unavailability.c.ends_on)
).where(unavailability.c.member_id.in_(_IDS),
        unavailability.c.starts_on <= bindparam("last_day"),
        unavailability.c.ends_on >= bindparam("first_day"))


class _Converted(dict):
    """raw value → typed value, each distinct raw value converted once."""

    def __init__(self, convert):
        super().__init__()
        self.convert = convert

    def __missing__(self, raw):
        value = self[raw] = self.convert(raw)
        return value


def _to_hours(raw) -> Decimal:
    return Decimal(str(raw)).quantize(Decimal("0.01"))


def _to_date(raw) -> date | None:
    if raw is None or isinstance(raw, date):
        return raw
    return date.fromisoformat(raw)


def capacity_facts(session: Session, member_ids: list[str], first_day: date,
                   last_day: date) -> dict[str, CapacityFacts]:
    """Defaults and leave dates, overrides in the weeks, and periods touching the days."""
    if not member_ids:
        return {}
    connection = session.connection()
    hours, days = _Converted(_to_hours), _Converted(_to_date)
    weeks = {"first_week": str(IsoWeek.of(first_day)), "last_week": str(IsoWeek.of(last_day))}
    overrides = defaultdict(dict)
    for member_id, week, raw_hours in connection.execute(
            _OVERRIDES, {"ids": member_ids, **weeks}).all():
        overrides[member_id][week] = hours[raw_hours]
    periods = defaultdict(list)
    for member_id, starts_on, ends_on in connection.execute(
            _PERIODS, {"ids": member_ids, "first_day": first_day, "last_day": last_day}).all():
        periods[member_id].append((days[starts_on], days[ends_on]))
    no_overrides, no_periods = {}, ()
    return {
        member_id: CapacityFacts(hours[raw_hours], overrides.get(member_id, no_overrides),
                                 tuple(periods.get(member_id, no_periods)), days[left_on])
        for member_id, raw_hours, left_on in connection.execute(
            _DEFAULTS, {"ids": member_ids}).all()
    }

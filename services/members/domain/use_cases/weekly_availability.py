"""Available hours per ISO week for many members at once (matching's main question)."""

from services.members.domain import availability as rules
from services.members.domain.availability import Availability
from services.members.domain.errors import BeyondPlanningHorizon, UnknownMembers
from services.members.domain.iso_week import IsoWeek, beyond_horizon, planning_horizon
from services.members.domain.ports import UnitOfWork
from services.members.domain.use_cases._support import today


def availability(uow: UnitOfWork, member_ids: list[str], from_week: IsoWeek,
                 to_week: IsoWeek) -> Availability:
    """Hours each member can work in every week from `from_week` to `to_week`.

    Three set-based queries (defaults and leave dates, overrides, unavailability)
    whatever the number of members; the arithmetic happens here, in Python.
    """
    if beyond_horizon(to_week, today()):
        raise BeyondPlanningHorizon("to_week", f"Week {to_week}", planning_horizon(today()))
    member_ids = list(dict.fromkeys(member_ids))
    with uow:
        facts = uow.members.capacity_facts(member_ids, from_week.monday, to_week.sunday)
    unknown = [member_id for member_id in member_ids if member_id not in facts]
    if unknown:
        raise UnknownMembers(unknown)
    return rules.availability(facts, from_week, to_week, member_ids)

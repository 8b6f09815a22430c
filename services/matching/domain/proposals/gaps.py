"""Seats the proposal cannot fill, each with the reason a person can act on.

Reasons, in the order they are checked for a role:
- `no_skill`: no active member with an hourly rate has the skill at the minimum level;
- `no_capacity`: some do, but none has the role's hours free in every week. Named are
  the weeks in which *nobody* skilled is free (when there are such weeks), else the
  weeks that block the best-fitting few;
- `taken`: those who could take it already hold other seats in this team;
- `budget`: people could take it, but not within the budget next to the other seats.
"""

from dataclasses import dataclass

import numpy as np

from services.matching.domain.proposals.instance import HOURS_TOLERANCE, Instance
from services.matching.domain.proposals.iso_week import IsoWeek, describe_weeks
from services.matching.domain.proposals.objective import Team, members

BLOCKED_CANDIDATES_NAMED = 3


@dataclass(frozen=True)
class SeatGap:
    role_index: int
    seat_index: int
    skill: str
    minimum_level: int
    reason: str  # no_skill | no_capacity | taken | budget
    message: str
    skilled_members: int  # active members with the skill at the level
    weeks: tuple[IsoWeek, ...] = ()  # for no_capacity: the weeks that block


def seat_gaps(instance: Instance, team: Team) -> list[SeatGap]:
    gaps = []
    for role_index, role in enumerate(instance.project.roles):
        filled = len(team.get(role_index, ()))
        if filled >= role.seats:
            continue
        reason, message, weeks = _reason(instance, team, role_index)
        gaps.extend(
            SeatGap(role_index, seat, role.skill, role.minimum_level, reason, message,
                    len(instance.skilled[role_index]), weeks)
            for seat in range(filled, role.seats))
    return gaps


def _reason(instance: Instance, team: Team, role_index: int) -> tuple[str, str, tuple]:
    role = instance.project.roles[role_index]
    skilled = instance.skilled[role_index]
    wanted = f"{role.skill} at level ≥ {role.minimum_level}"
    if not len(skilled):
        return "no_skill", f"No active member has {wanted}{_others(instance, role_index)}.", ()
    options = instance.options[role_index]
    count = f"{len(skilled)} member{'s' if len(skilled) != 1 else ''} {_have(len(skilled))} " \
            f"{wanted}"
    hours = float(role.hours_per_week)
    if not options:
        free = instance.free[skilled.candidates]
        nobody = [week for week, ok in zip(instance.weeks,
                                           (free >= hours - HOURS_TOLERANCE).any(axis=0),
                                           strict=True) if not ok]
        if nobody:
            return ("no_capacity", f"{count}, but none has {role.hours_per_week} free hours "
                    f"per week in {describe_weeks(nobody)}.", tuple(nobody))
        best = np.argsort(-skilled.skill_fit, kind="stable")[:BLOCKED_CANDIDATES_NAMED]
        blocked, named = set(), []
        for i in best.tolist():
            candidate = int(skilled.candidates[i])
            short = [week for week, hours_free in zip(instance.weeks, instance.free[candidate],
                                                      strict=True)
                     if hours_free < hours - HOURS_TOLERANCE]
            blocked.update(short)
            named.append(f"{instance.candidates[candidate].member_id} in "
                         f"{describe_weeks(short)}")
        return ("no_capacity", f"{count}, but none has {role.hours_per_week} free hours in every "
                f"week; the best fitting are short in: {'; '.join(named)}.",
                tuple(sorted(blocked)))
    seated = set(members(team))
    total = instance.option_counts[role_index]
    if total == len(options) and all(candidate in seated for candidate in options):
        return ("taken", f"{count}; only {total} of them {_have(total)} the free "
                "hours in every week, and they already hold seats in this team.", ())
    cheapest = min(option.cost for candidate, option in options.items()
                   if candidate not in seated)
    return ("budget", f"{total} could take this seat, but the budget of EUR "
            f"{instance.project.budget} does not cover them next to the other seats "
            f"(the cheapest costs EUR {cheapest:.2f}).", ())


def _have(count: int) -> str:
    return "has" if count == 1 else "have"


def _others(instance: Instance, role_index: int) -> str:
    notes = []
    if instance.not_proposable[role_index]:
        notes.append(f"{instance.not_proposable[role_index]} with it are not active or have "
                     "no hourly rate")
    if instance.below_level[role_index]:
        notes.append(f"{instance.below_level[role_index]} have it at a lower level")
    return f" ({'; '.join(notes)})" if notes else ""

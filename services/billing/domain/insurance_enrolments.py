"""Members' enrolments in collective insurance policies: opting in and out.

A member opts in with a start date and opts out with an end date (the last day covered,
inclusive). Two enrolments of one member in policies of the same kind may not share a
day (`EnrolmentsOverlap`): one professional liability cover at a time, whichever policy,
so nobody pays two premiums for one risk. An end before the start is refused
(`EnrolmentEndsBeforeStart`), except the day before it: that cancels an enrolment that
has not begun (it is never in force and costs nothing). An end can be moved earlier,
never later (`EnrolmentAlreadyEnded`: enrol again instead). Cover lies within the
member's membership of the coop: not after they left, not before they rejoined
(`insurance_membership.py`).

**No backdating** (`earliest_day`, rule `EnrolmentBackdated`, 422 naming the field):
a member starts and ends cover from today on, so cover never begins, ends or is
cancelled in the past. An operator may go back to the first day of the current
month (to correct a late enrolment or opt-out) and no further: earlier months are
history (premiums charged, certificates issued, the insurer told). So a cover that
ran in an earlier month stays covered for that month, and its premium stays owed.
"""

import uuid
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import TYPE_CHECKING

from infra.errors import Conflict, Invalid, NotFound
from infra.errors import field_error as _field
from services.billing.domain.insurance_policies import Policy, PolicyIsWithdrawn
from services.billing.domain.period import Month

if TYPE_CHECKING:
    from services.billing.domain.insurance_membership import CoopMembership


class EnrolmentPolicyNotFound(Invalid):
    """An enrolment names a policy that does not exist (an id in the payload: 422)."""

    def __init__(self, policy_id: str):
        super().__init__(f"No insurance policy with id {policy_id}.",
                         _field("policy_id", "Give the id of an insurance policy."),
                         rule="PolicyNotFound")


class EnrolmentNotFound(NotFound):
    def __init__(self, enrolment_id: str):
        super().__init__(f"No insurance enrolment with id {enrolment_id}.")


class EnrolmentsOverlap(Conflict):
    def __init__(self, other: "Enrolment"):
        until = other.ends_on.isoformat() if other.ends_on else "open-ended"
        super().__init__(f"The member already has {other.kind} cover from {other.starts_on} "
                         f"({until}): enrolments of one kind may not share a day, whichever "
                         f"policy (enrolment {other.id}).")


class EnrolmentBackdated(Invalid):
    def __init__(self, field_name: str, day: date, earliest: date):
        super().__init__(f"Cover cannot start or end before {earliest} ({field_name} {day}).",
                         _field(field_name, f"Give a day from {earliest} on."))


class EnrolmentEndsBeforeStart(Invalid):
    def __init__(self, starts_on: date, ends_on: date):
        super().__init__(f"An enrolment cannot end ({ends_on}) before it starts ({starts_on}).",
                         _field("ends_on", f"Give a day from {starts_on - timedelta(days=1)} "
                                           "(the day before the start cancels it) on."))


class EnrolmentAlreadyEnded(Conflict):
    def __init__(self, ends_on: date):
        super().__init__(f"The enrolment already ends on {ends_on}; an end can be moved "
                         "earlier, not later: enrol again instead.")


@dataclass(frozen=True)
class Enrolment:
    id: str
    member_id: str
    policy_id: str
    kind: str
    starts_on: date
    ends_on: date | None = None

    def __post_init__(self):
        if self.ends_on is not None and self.ends_on < self.starts_on - timedelta(days=1):
            raise EnrolmentEndsBeforeStart(self.starts_on, self.ends_on)

    @classmethod
    def opt_in(cls, member_id: str, policy: Policy, starts_on: date,
               ends_on: date | None, others: Iterable["Enrolment"],
               membership: "CoopMembership | None" = None) -> "Enrolment":
        """A new enrolment; `others`: the member's enrolments; `membership`: what billing
        knows of the member's leaving and rejoining (cover starts within the current
        membership and ends on its leave date at the latest)."""
        if not policy.active:
            raise PolicyIsWithdrawn(policy.name)
        if membership is not None:
            membership.check_cover_may_start(starts_on)
            ends_on = membership.last_day_covered(ends_on)
        enrolment = cls(str(uuid.uuid4()), member_id, policy.id, policy.kind, starts_on, ends_on)
        enrolment.check_overlap(others)
        return enrolment

    @property
    def cancelled(self) -> bool:
        return self.ends_on is not None and self.ends_on < self.starts_on

    def in_force_on(self, day: date) -> bool:
        return self.starts_on <= day and (self.ends_on is None or day <= self.ends_on)

    def overlaps(self, other: "Enrolment") -> bool:
        if self.cancelled or other.cancelled:
            return False
        return (self.starts_on <= (other.ends_on or date.max)
                and other.starts_on <= (self.ends_on or date.max))

    def check_overlap(self, others: Iterable["Enrolment"]) -> None:
        for other in others:
            if other.id != self.id and other.kind == self.kind and self.overlaps(other):
                raise EnrolmentsOverlap(other)

    def end(self, ends_on: date) -> "Enrolment":
        """Opt out: `ends_on` is the last day covered. The same end again changes nothing."""
        if self.ends_on is not None and ends_on > self.ends_on:
            raise EnrolmentAlreadyEnded(self.ends_on)
        return replace(self, ends_on=ends_on)

    def end_on_leaving(self, left_on: date) -> "Enrolment | None":
        """The member leaves on `left_on`: covered through that day at most (an enrolment
        starting later is cancelled). None when nothing changes."""
        last = max(left_on, self.starts_on - timedelta(days=1))
        if self.ends_on is not None and self.ends_on <= last:
            return None
        return replace(self, ends_on=last)


def earliest_day(today: date, by_operator: bool) -> date:
    """The earliest start or end a caller may give: a member, today; an operator, the first
    day of the current month."""
    return Month.of(today).first_day if by_operator else today


def check_not_backdated(earliest: date, **days: date | None) -> None:
    """`EnrolmentBackdated` naming the first of `days` (field name: day) before `earliest`."""
    for name, day in days.items():
        if day is not None and day < earliest:
            raise EnrolmentBackdated(name, day, earliest)


def kinds_in_force(enrolments: Iterable[Enrolment], on: date) -> list[str]:
    return sorted({e.kind for e in enrolments if e.in_force_on(on)})

"""A member's membership of the coop, as collective insurance needs it: whether and when
they left, and when they came back.

Billing follows the members service's public snapshot (`status, joined_on, left_on,
version`) in `member_left`, `member_erased` and `member_updated`, newest `version` first
(the events come on separate queues, so a late one must not undo a newer one):

- **Leaving** (`member_left`, `member_erased`): the leave date is the snapshot's `left_on`
  (else the one known already, else the event's day). Cover runs through it at most: every
  enrolment ends on it (one starting later is cancelled: it ends the day before its start),
  no enrolment may start after it (`MemberHasLeft`) and a new one ends on it at the latest.
  The leave date is the *current* membership's: a newer snapshot replaces it.
- **Rejoining** (`member_updated` with status `active` or `suspended` after a leave): the
  member is a member again, with no leave date, from `rejoined_on`: the snapshot's
  `joined_on` when that is after the leave date, else the day billing is told when that is
  after it. If neither is, the leave never took effect (the notice was withdrawn before its
  day): nothing was missed and the rejoin date stays as it was. A rejoined member may enrol
  from `rejoined_on` on, never before (`EnrolmentBeforeRejoining`, 409 naming
  `starts_on`): together with the leave date's cap, an enrolment never covers a day the
  member was away. Cover that ended because they left stays ended (they enrol again).
- **A late leave** (a snapshot no newer than the one followed, e.g. a parked `member_left`
  replayed after the member rejoined) changes nothing about the membership; it still ends,
  on its leave date, the enrolments of the membership it closed (those starting on or
  before that day), never those of a later one.
- Other snapshots (an applicant, a status billing already follows) change nothing.
"""

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date

from infra.errors import Conflict
from infra.errors import field_error as _field
from services.billing.domain.insurance_enrolments import Enrolment

MEMBER_AGAIN = frozenset({"active", "suspended"})  # a member again after a leave


class MemberHasLeft(Conflict):
    def __init__(self, left_on: date):
        super().__init__(f"The member left the coop on {left_on}: cover cannot start after "
                         "that day.")


class EnrolmentBeforeRejoining(Conflict):
    def __init__(self, starts_on: date, rejoined_on: date):
        super().__init__(f"The member rejoined the coop on {rejoined_on}: cover cannot start "
                         f"before that ({starts_on}), when they were not a member.",
                         _field("starts_on", f"Give a day from {rejoined_on} on."))


@dataclass(frozen=True)
class MembershipSnapshot:
    """What one members event says of the member's membership."""

    member_id: str
    version: int
    status: str | None
    joined_on: date | None
    left_on: date | None
    told_on: date  # the event's day


@dataclass(frozen=True)
class CoopMembership:
    member_id: str
    left_on: date | None = None  # the current membership's leave date (None: a member)
    rejoined_on: date | None = None  # when the member last came back after leaving
    version: int | None = None  # the snapshot followed (None: none yet)

    def is_older_than(self, snapshot: MembershipSnapshot) -> bool:
        return self.version is None or snapshot.version > self.version

    def check_cover_may_start(self, starts_on: date) -> None:
        """`MemberHasLeft` after the leave date; `EnrolmentBeforeRejoining` before the
        member came back."""
        if self.left_on is not None and starts_on > self.left_on:
            raise MemberHasLeft(self.left_on)
        if self.rejoined_on is not None and starts_on < self.rejoined_on:
            raise EnrolmentBeforeRejoining(starts_on, self.rejoined_on)

    def last_day_covered(self, ends_on: date | None) -> date | None:
        """`ends_on` capped at the leave date."""
        if self.left_on is None:
            return ends_on
        return self.left_on if ends_on is None else min(ends_on, self.left_on)


def leave(membership: CoopMembership, snapshot: MembershipSnapshot,
          enrolments: Iterable[Enrolment]) -> tuple[CoopMembership, list[Enrolment]]:
    """The membership after `snapshot` said the member left, and the member's enrolments
    whose cover it ends (changed; the others stay as they are)."""
    if membership.is_older_than(snapshot):
        left_on = snapshot.left_on or membership.left_on or snapshot.told_on
        membership = replace(membership, left_on=left_on, version=snapshot.version)
        closed = list(enrolments)
    else:  # a late leave: only the enrolments of the membership it closed
        left_on = snapshot.left_on or snapshot.told_on
        closed = [e for e in enrolments if e.starts_on <= left_on]
    ended = [e.end_on_leaving(left_on) for e in closed]
    return membership, [e for e in ended if e is not None]


def come_back(membership: CoopMembership, snapshot: MembershipSnapshot) -> CoopMembership:
    """The membership after `snapshot` (of any status) said how the member stands now:
    a member again after a leave rejoins; anything else changes nothing."""
    if snapshot.status not in MEMBER_AGAIN or not membership.is_older_than(snapshot):
        return membership
    followed = replace(membership, version=snapshot.version)
    left_on = membership.left_on
    if left_on is None:
        return followed
    rejoined_on = next((day for day in (snapshot.joined_on, snapshot.told_on)
                        if day is not None and day > left_on), None)
    if rejoined_on is None:  # back before the leave took effect: never away
        return replace(followed, left_on=None)
    return replace(followed, left_on=None, rejoined_on=rejoined_on)

"""What members offer to teach and wish to learn.

- An **offer**: a member teaches a skill at a level no higher than their own
  (declared or verified), in one or more formats, giving some hours a month.
- A **wish**: a member wants to grow from a current level (0 = not at all) to a
  higher target level, and says why.

A member has at most one open offer and one open wish per skill; to change one,
withdraw it and make a new one. A wish is `open` until a mentorship for it starts
(`matched`), `fulfilled` when that mentorship completes, or `withdrawn`.
"""

import uuid
from dataclasses import dataclass, replace
from datetime import datetime
from decimal import Decimal

from services.learning.domain.errors import (
    AlreadyOffering,
    AlreadyWishing,
    NoLongerOpen,
    OfferAboveOwnLevel,
    TargetNotAboveCurrent,
)
from services.learning.domain.member_view import MemberView

FORMATS = ("pairing", "workshop", "review")
LEVELS = range(1, 6)
CURRENT_LEVELS = range(0, 5)  # 0: not at all yet
MAX_HOURS_PER_MONTH = Decimal("80")

OPEN, WITHDRAWN = "open", "withdrawn"
MATCHED, FULFILLED = "matched", "fulfilled"
OFFER_STATUSES = (OPEN, WITHDRAWN)
WISH_STATUSES = (OPEN, MATCHED, FULFILLED, WITHDRAWN)


@dataclass(frozen=True)
class Offer:
    id: str
    member_id: str
    skill: str
    level: int
    formats: tuple[str, ...]
    hours_per_month: Decimal
    note: str
    status: str
    created_at: datetime

    @classmethod
    def make(cls, member: MemberView, skill: str, level: int, formats, hours_per_month: Decimal,
             note: str, open_skills: set[str], now: datetime) -> "Offer":
        member.check_active()
        own = member.level_in(skill)
        if own is None or level > own:
            raise OfferAboveOwnLevel(skill, level, own)
        if skill in open_skills:
            raise AlreadyOffering(skill)
        ordered = tuple(f for f in FORMATS if f in set(formats))
        return cls(str(uuid.uuid4()), member.member_id, skill, level, ordered, hours_per_month,
                   note, OPEN, now)

    @property
    def is_open(self) -> bool:
        return self.status == OPEN

    def withdrawn(self) -> "Offer":
        if not self.is_open:
            raise NoLongerOpen("offer", self.id, self.status)
        return replace(self, status=WITHDRAWN)


@dataclass(frozen=True)
class Wish:
    id: str
    member_id: str
    skill: str
    current_level: int
    target_level: int
    why: str
    status: str
    created_at: datetime

    @classmethod
    def make(cls, member: MemberView, skill: str, current_level: int, target_level: int,
             why: str, open_skills: set[str], now: datetime) -> "Wish":
        member.check_active()
        if target_level <= current_level:
            raise TargetNotAboveCurrent(current_level, target_level)
        if skill in open_skills:
            raise AlreadyWishing(skill)
        return cls(str(uuid.uuid4()), member.member_id, skill, current_level, target_level,
                   why, OPEN, now)

    @property
    def is_open(self) -> bool:
        return self.status == OPEN

    def _moved(self, to: str, allowed_from: tuple[str, ...]) -> "Wish":
        if self.status not in allowed_from:
            raise NoLongerOpen("wish", self.id, self.status)
        return replace(self, status=to)

    def withdrawn(self) -> "Wish":
        return self._moved(WITHDRAWN, (OPEN,))

    def matched(self) -> "Wish":
        return self._moved(MATCHED, (OPEN,))

    def fulfilled(self) -> "Wish":
        return self._moved(FULFILLED, (MATCHED,))

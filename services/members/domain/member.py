"""The member: a person in the cooperative, not a CV with a rate.

A member is one aggregate: profile, skills, capacity, sponsorships and lifecycle
status change together, and every change raises `version` by one and is checked
against the lifecycle (`lifecycle.py`): nothing about an erased member changes.
"""

import uuid
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from decimal import Decimal

from services.members.domain import admission, lifecycle
from services.members.domain import skills as skill_rules
from services.members.domain.capacity import Capacity
from services.members.domain.errors import ActivationNeedsFiscalDetails, LeaveDateBeforeJoining
from services.members.domain.iso_week import IsoWeek
from services.members.domain.lifecycle import ACTIVE, APPLICANT, ERASED, LEFT, SUSPENDED
from services.members.domain.unavailability import Unavailability

EDITABLE_FIELDS = frozenset(
    {"name", "email", "phone", "city", "introduction", "hourly_rate", "kvk_number", "btw_id",
     "iban", "languages", "motivation", "listed_in_directory"}
)
REGISTRATION_FIELDS = EDITABLE_FIELDS | {"introduced_by"}
FISCAL_FIELDS = ("kvk_number", "btw_id", "iban")
ERASED_NAME = "Erased member"


@dataclass
class Member:
    id: str
    name: str
    email: str
    kvk_number: str | None = None
    btw_id: str | None = None
    iban: str | None = None
    phone: str | None = None
    city: str | None = None
    introduction: str = ""
    hourly_rate: Decimal | None = None
    languages: tuple[str, ...] = ()
    motivation: str = ""
    listed_in_directory: bool = False  # the member opted in to the public directory
    introduced_by: str | None = None
    status: str = APPLICANT
    joined_on: date | None = None
    left_on: date | None = None
    suspension_reason: str | None = None
    erased_at: datetime | None = None
    version: int = 1
    created_at: datetime = field(default_factory=lambda: datetime.now(UTC))
    updated_at: datetime = field(default_factory=lambda: datetime.now(UTC))
    skills: dict[str, skill_rules.MemberSkill] = field(default_factory=dict)
    capacity: Capacity = field(default_factory=Capacity)
    sponsorships: list[admission.Sponsorship] = field(default_factory=list)

    @classmethod
    def register(cls, details: dict, now: datetime) -> "Member":
        """A new member starts as an applicant."""
        unknown = set(details) - REGISTRATION_FIELDS
        if unknown:
            raise ValueError(f"not member details: {sorted(unknown)}")
        details = {**details, "languages": tuple(details.get("languages") or ())}
        return cls(id=str(uuid.uuid4()), created_at=now, updated_at=now, **details)

    @property
    def skill_list(self) -> list[skill_rules.MemberSkill]:
        return [self.skills[slug] for slug in sorted(self.skills)]

    @property
    def in_directory(self) -> bool:
        """Shown on the public website: opted in, and an active member."""
        return self.listed_in_directory and self.status == ACTIVE

    @property
    def missing_fiscal_details(self) -> list[str]:
        return [name for name in FISCAL_FIELDS if not getattr(self, name)]

    def _touch(self, now: datetime) -> None:
        self.version += 1
        self.updated_at = now

    # --- profile ---------------------------------------------------------------------------

    def changed_fields(self, changes: dict) -> list[str]:
        """The names in `changes` whose value differs from the member's."""
        unknown = set(changes) - EDITABLE_FIELDS
        if unknown:
            raise ValueError(f"not editable: {sorted(unknown)}")
        if "languages" in changes:
            changes = {**changes, "languages": tuple(changes["languages"] or ())}
        return sorted(name for name, value in changes.items() if getattr(self, name) != value)

    def change(self, changes: dict, now: datetime) -> bool:
        """Apply `changes`; returns whether anything actually changed."""
        changed = self.changed_fields(changes)
        if not changed:
            return False
        lifecycle.check_changeable(self.id, self.status)
        for name in changed:
            value = changes[name]
            setattr(self, name, tuple(value or ()) if name == "languages" else value)
        self._touch(now)
        return True

    # --- skills ----------------------------------------------------------------------------

    def declare_skills(self, declaration: list[skill_rules.MemberSkill], now: datetime) -> bool:
        lifecycle.check_changeable(self.id, self.status)
        after = skill_rules.redeclare(self.skills, declaration)
        if after == self.skills:
            return False
        self.skills = after
        self._touch(now)
        return True

    def verify_skill(self, slug: str, level: int | None, evidence: tuple[str, ...],
                     verified_at: datetime, now: datetime) -> bool:
        """Learning's verification (level None: withdrawn); ignored (False) for erased
        members or if it is not news."""
        if self.status == ERASED:
            return False
        after = skill_rules.verify(self.skills, slug, level, evidence, verified_at)
        if after is None:
            return False
        self.skills = after
        self._touch(now)
        return True

    # --- capacity --------------------------------------------------------------------------

    def change_capacity(self, default_weekly_hours: Decimal | None,
                        overrides: dict[IsoWeek, Decimal | None], today: date,
                        now: datetime) -> list[IsoWeek] | None:
        """The weeks whose override changed, or None if nothing changed at all."""
        lifecycle.check_changeable(self.id, self.status)
        before = self.capacity.default_weekly_hours
        changed_weeks = self.capacity.change(default_weekly_hours, overrides, today)
        if not changed_weeks and self.capacity.default_weekly_hours == before:
            return None
        self._touch(now)
        return changed_weeks

    def add_unavailability(self, period: Unavailability, today: date, now: datetime) -> None:
        lifecycle.check_changeable(self.id, self.status)
        self.capacity.add_unavailability(period, today)
        self._touch(now)

    def change_unavailability(self, period: Unavailability, today: date,
                              now: datetime) -> bool:
        lifecycle.check_changeable(self.id, self.status)
        if self.capacity.replace_unavailability(period, today) == period:
            return False
        self._touch(now)
        return True

    def remove_unavailability(self, unavailability_id: str, now: datetime) -> Unavailability:
        lifecycle.check_changeable(self.id, self.status)
        period = self.capacity.remove_unavailability(self.id, unavailability_id)
        self._touch(now)
        return period

    # --- admission and lifecycle -----------------------------------------------------------

    def record_sponsorship(self, sponsor: "Member", met_on: date, note: str, today: date,
                           now: datetime) -> admission.Sponsorship:
        lifecycle.check_changeable(self.id, self.status)
        admission.check_sponsorship(self, sponsor, met_on, today)
        sponsorship = admission.Sponsorship(sponsor.id, met_on, note, now)
        self.sponsorships.append(sponsorship)
        self._touch(now)
        return sponsorship

    def activate(self, active_sponsors: int, active_members: int, today: date,
                 now: datetime) -> None:
        lifecycle.check_transition(self.id, self.status, "activate")
        admission.check_sponsors(self.id, active_sponsors, active_members)
        if self.missing_fiscal_details:
            raise ActivationNeedsFiscalDetails(self.id, self.missing_fiscal_details)
        self.status = ACTIVE
        self.joined_on = today
        self._touch(now)

    def suspend(self, reason: str, now: datetime) -> None:
        lifecycle.check_transition(self.id, self.status, "suspend")
        self.status = SUSPENDED
        self.suspension_reason = reason
        self._touch(now)

    def reinstate(self, now: datetime) -> None:
        lifecycle.check_transition(self.id, self.status, "reinstate")
        self.status = ACTIVE
        self.suspension_reason = None
        self._touch(now)

    def leave(self, leave_on: date, now: datetime) -> str:
        """Give notice (an applicant withdraws); returns the status the member left from."""
        lifecycle.check_transition(self.id, self.status, "leave")
        if self.joined_on is not None and leave_on < self.joined_on:
            raise LeaveDateBeforeJoining(leave_on, self.joined_on)
        previous = self.status
        self.status = LEFT
        self.left_on = leave_on
        self.suspension_reason = None
        self._touch(now)
        return previous

    def erase(self, now: datetime) -> None:
        """Anonymise: keep only the id, membership dates and sponsorship links.

        E-mail becomes a unique address in the reserved `.invalid` domain, so the
        unique constraint still holds; names and fiscal ids that issued invoices
        refer to are kept by billing, not here.
        """
        lifecycle.check_transition(self.id, self.status, "erase")
        self.name = ERASED_NAME
        self.email = f"erased-{self.id}@erased.invalid"
        for name in ("kvk_number", "btw_id", "iban", "phone", "city", "hourly_rate",
                     "introduced_by", "suspension_reason"):
            setattr(self, name, None)
        self.introduction = self.motivation = ""
        self.languages = ()
        self.listed_in_directory = False
        self.skills = {}
        self.capacity = Capacity()
        self.sponsorships = [
            admission.Sponsorship(s.sponsor_id, s.met_on, "", s.recorded_at)
            for s in self.sponsorships
        ]
        self.status = ERASED
        self.erased_at = now
        self._touch(now)

"""A lead: an organisation that may become a client, from first word to project.

Lifecycle: `received → qualified → intake_planned → converted`, and `closed` (with a
reason) from any open state. *Qualified* means someone of the coop took contact: on
which day, who (a member, or an operator when no member is named) and notes of the
conversation. The intake meeting can be moved while it is planned. *Converting* makes
a project from the lead, its roles, period and budget prefilled, for an existing
client or one registered from the lead's details. Converted and closed are final.

A member reaches only the leads assigned to them; a member who brings in a lead is
assigned to it, and a member who takes contact with an unassigned lead takes it on.
The contact person is personal data: never in events, only in the lead itself.

*Erasing the contact* forgets the contact person and the notes of the conversation (which
are about that person); what the organisation asked for stays. It is done when the
person asks (an open lead is closed by it: nobody is left to talk to), and for every
closed lead once `retention` has passed since it was closed. A converted lead is part
of a client relationship, whose history it stays in until the person asks; the client
keeps its own copy of the contact person.
"""

import uuid
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from decimal import Decimal

from services.matching.domain.client import ContactPerson
from services.matching.domain.lead_errors import (
    ContactNotYetTaken,
    ConversionNeedsPeriod,
    ConversionNeedsRoles,
    IntakeBeforeContact,
    LeadBudgetReversed,
    LeadFinderMissing,
    LeadFinderOnlyForMemberLeads,
    LeadPeriodReversed,
    LeadTransitionNotAllowed,
)

RECEIVED, QUALIFIED, INTAKE_PLANNED, CONVERTED, CLOSED = (
    "received", "qualified", "intake_planned", "converted", "closed")
STATUSES = (RECEIVED, QUALIFIED, INTAKE_PLANNED, CONVERTED, CLOSED)
OPEN = (RECEIVED, QUALIFIED, INTAKE_PLANNED)
WEBSITE, OPERATOR, MEMBER = "website", "operator", "member"
SOURCES = (WEBSITE, OPERATOR, MEMBER)

# action → (states it may start from, state it leads to)
TRANSITIONS = {
    "assign": (OPEN, None),  # stays where it is
    "qualify": ((RECEIVED,), QUALIFIED),
    "plan_intake": ((QUALIFIED, INTAKE_PLANNED), INTAKE_PLANNED),
    "convert": ((INTAKE_PLANNED,), CONVERTED),
    "close": (OPEN, CLOSED),
}

TITLE_LENGTH = 200
CLOSED_BY_ERASURE = "The contact person asked for their details to be erased."


@dataclass(frozen=True)
class LeadRole:
    skill: str
    minimum_level: int
    hours_per_week: Decimal
    seats: int = 1

    def as_project_role(self) -> dict:
        return {"skill": self.skill, "minimum_level": self.minimum_level,
                "hours_per_week": self.hours_per_week, "seats": self.seats}


@dataclass(frozen=True)
class Qualification:
    """Contact taken: when, by which member (None: an operator), what was said."""

    contacted_on: date
    member_id: str | None
    notes: str

    @property
    def by(self) -> str:
        return MEMBER if self.member_id else OPERATOR


@dataclass
class Lead:
    id: str
    organisation: str
    contact: ContactPerson | None  # None once erased
    description: str
    source: str
    received_at: datetime
    updated_at: datetime
    roles: tuple[LeadRole, ...] = ()
    starts_on: date | None = None
    ends_on: date | None = None
    budget_min: Decimal | None = None
    budget_max: Decimal | None = None
    found_by_member_id: str | None = None
    assignee_member_id: str | None = None
    status: str = RECEIVED
    qualification: Qualification | None = None
    intake_on: date | None = None
    client_id: str | None = None
    project_id: str | None = None
    closed_reason: str | None = None
    closed_from: str | None = None
    contact_erased_at: datetime | None = None
    version: int = 1

    @classmethod
    def receive(cls, details: dict, now: datetime) -> "Lead":
        source = details["source"]
        finder = details.get("found_by_member_id")
        if source == MEMBER and not finder:
            raise LeadFinderMissing()
        if source != MEMBER and finder:
            raise LeadFinderOnlyForMemberLeads(source)
        starts_on, ends_on = details.get("starts_on"), details.get("ends_on")
        if starts_on and ends_on and ends_on < starts_on:
            raise LeadPeriodReversed(starts_on, ends_on)
        low, high = details.get("budget_min"), details.get("budget_max")
        if low is not None and high is not None and high < low:
            raise LeadBudgetReversed(low, high)
        contact = details["contact"]
        return cls(
            id=str(uuid.uuid4()), organisation=details["organisation"],
            contact=contact if isinstance(contact, ContactPerson) else ContactPerson(**contact),
            description=details["description"], source=source, received_at=now,
            updated_at=now,
            roles=tuple(LeadRole(r["skill"], r["minimum_level"], r["hours_per_week"],
                                 r.get("seats", 1)) for r in details.get("roles") or ()),
            starts_on=starts_on, ends_on=ends_on, budget_min=low, budget_max=high,
            found_by_member_id=finder, assignee_member_id=finder)

    @property
    def is_open(self) -> bool:
        return self.status in OPEN

    @property
    def skills(self) -> list[str]:
        return sorted({role.skill for role in self.roles})

    def assign(self, member_id: str | None, now: datetime) -> None:
        self._check("assign")
        self.assignee_member_id = member_id
        self._touch(now)

    def qualify(self, contacted_on: date, member_id: str | None, notes: str, now: datetime,
                today: date) -> None:
        self._check("qualify")
        if contacted_on > today:
            raise ContactNotYetTaken(contacted_on, today)
        self.qualification = Qualification(contacted_on, member_id, notes)
        if member_id and self.assignee_member_id is None:
            self.assignee_member_id = member_id
        self._move("qualify", now)

    def plan_intake(self, intake_on: date, now: datetime) -> None:
        self._check("plan_intake")
        if intake_on < self.qualification.contacted_on:
            raise IntakeBeforeContact(intake_on, self.qualification.contacted_on)
        self.intake_on = intake_on
        self._move("plan_intake", now)

    def convert(self, client_id: str, project_id: str, now: datetime) -> None:
        self._check("convert")
        self.client_id, self.project_id = client_id, project_id
        self._move("convert", now)

    def close(self, reason: str, now: datetime) -> None:
        self._check("close")
        self.closed_reason, self.closed_from = reason, self.status
        self._move("close", now)

    def erase_contact(self, now: datetime) -> bool:
        """Forget the contact person and the notes of the conversation. An open lead is
        closed by it. True if this changed the lead, False if it was erased already."""
        if self.contact_erased_at is not None:
            return False
        if self.is_open:
            self.closed_reason, self.closed_from = CLOSED_BY_ERASURE, self.status
            self.status = CLOSED
        self.contact = None
        if self.qualification is not None:
            self.qualification = replace(self.qualification, notes="")
        self.contact_erased_at = now
        self._touch(now)
        return True

    def contact_outlived(self, retention: timedelta, now: datetime) -> bool:
        """Closed `retention` or longer ago, its contact still known."""
        return (self.status == CLOSED and self.contact_erased_at is None
                and self.updated_at <= now - retention)

    def check_convertible(self) -> None:
        """`LeadTransitionNotAllowed` unless the lead can be converted now."""
        self._check("convert")

    def project_details(self, given: dict) -> dict:
        """The project to create: what the lead says, overridden by what is `given`."""
        details = {
            "title": self.default_title(), "description": self.description,
            "starts_on": self.starts_on, "ends_on": self.ends_on, "budget": self.budget_max,
            "roles": [role.as_project_role() for role in self.roles], **given}
        missing = [name for name in ("starts_on", "ends_on") if details.get(name) is None]
        if missing:
            raise ConversionNeedsPeriod(missing)
        if not details["roles"]:
            raise ConversionNeedsRoles()
        return details

    def client_details(self, given: dict) -> dict:
        """A new client organisation: the lead's name and contact person, and `given`."""
        contact = {"name": self.contact.name, "email": self.contact.email,
                   "phone": self.contact.phone}
        return {"name": self.organisation, "contact": contact, **given}

    def default_title(self) -> str:
        first_line = self.description.strip().splitlines()[0] if self.description.strip() else ""
        title = f"{self.organisation}: {first_line}" if first_line else self.organisation
        return title if len(title) <= TITLE_LENGTH else title[:TITLE_LENGTH - 1] + "…"

    def contact_days(self, today: date) -> list[date]:
        """Days the coop was in touch about this lead: the contact, and a held intake."""
        days = [self.qualification.contacted_on] if self.qualification else []
        if self.intake_on is not None and self.intake_on <= today:
            days.append(self.intake_on)
        return days

    def _check(self, action: str) -> None:
        allowed_from, _ = TRANSITIONS[action]
        if self.status not in allowed_from:
            raise LeadTransitionNotAllowed(self.id, action.replace("_", " "), self.status,
                                           allowed_from)

    def _move(self, action: str, now: datetime) -> None:
        self.status = TRANSITIONS[action][1]
        self._touch(now)

    def _touch(self, now: datetime) -> None:
        self.version += 1
        self.updated_at = now

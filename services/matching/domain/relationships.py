"""The coop's relationship with a client organisation: who keeps it, what happened, and
whether it needs attention.

**Contact** is what shows that the coop and the client were in touch, on its day:
- a meeting whose day has come and that was rated (by the client or a member), and the
  introduction of a project that was not cancelled, once its day has come;
- a relationship note (a call, a visit, an e-mail … someone of the coop recorded);
- contact about a lead that became this client's project: the day contact was taken
  and the intake meeting, once its day has come.
A client without contact for `needs_attention_after_weeks` (default 6) is on the
operators' *needs attention* list; a client never contacted counts from its
registration. The SQL of `repository/relationships.py` applies the same rule to all
clients at once.

The **timeline** tells the relationship oldest first: registration, leads, projects and
their status changes, held meetings with their ratings, notes, who keeps the
relationship, invoices and credit notes (from billing's events).
"""

import uuid
from collections import defaultdict
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from decimal import Decimal

from services.matching.domain.lead_errors import NoteNotYetTaken, RelationshipSettingOutOfRange
from services.matching.domain.meetings import BY_CLIENT, BY_MEMBER, INTRODUCTION, Meeting

NOTE_KINDS = ("call", "meeting", "email", "visit", "other")
DEFAULT_AFTER_WEEKS = 6
MAX_AFTER_WEEKS = 52
CANCELLED = "cancelled"


@dataclass(frozen=True)
class RelationshipSettings:
    needs_attention_after_weeks: int = DEFAULT_AFTER_WEEKS

    def __post_init__(self):
        weeks = self.needs_attention_after_weeks
        if isinstance(weeks, bool) or not isinstance(weeks, int) or not (
                1 <= weeks <= MAX_AFTER_WEEKS):
            raise RelationshipSettingOutOfRange(
                "needs_attention_after_weeks",
                f"A whole number of weeks from 1 to {MAX_AFTER_WEEKS}.")


@dataclass(frozen=True)
class RelationshipOwner:
    """The member who is the client's contact person in the coop, since when."""

    client_id: str
    member_id: str
    since: datetime


@dataclass(frozen=True)
class RelationshipNote:
    id: str
    client_id: str
    contacted_on: date
    kind: str
    member_id: str | None  # who in the coop was in touch; None: an operator
    summary: str
    recorded_at: datetime

    @classmethod
    def new(cls, client_id: str, contacted_on: date, kind: str, member_id: str | None,
            summary: str, now: datetime, today: date) -> "RelationshipNote":
        if contacted_on > today:
            raise NoteNotYetTaken(contacted_on, today)
        return cls(str(uuid.uuid4()), client_id, contacted_on, kind, member_id, summary, now)


@dataclass(frozen=True)
class ClientInvoice:
    """What matching keeps of billing's invoices and credit notes: enough to tell the
    relationship. A credit note names the invoice it credits (`credited_invoice`, a
    number); its `gross_total` is what it takes off, a positive amount, as billing has it.
    `credited` is what credit notes took off an invoice (see `with_credits`)."""

    invoice_id: str
    client_id: str
    number: str | None = None
    project_id: str | None = None
    issue_date: date | None = None
    due_date: date | None = None
    gross_total: Decimal | None = None
    paid_on: date | None = None
    credited_invoice: str | None = None
    credited: Decimal = Decimal("0.00")

    @property
    def is_credit_note(self) -> bool:
        return self.credited_invoice is not None

    @property
    def status(self) -> str:
        """`credit_note`; `paid`; `credited` (credit notes took all of it off); `issued`."""
        if self.is_credit_note:
            return "credit_note"
        if self.paid_on:
            return "paid"
        if self.gross_total is not None and self.credited and self.credited >= self.gross_total:
            return "credited"
        return "issued"


def with_credits(invoices: list[ClientInvoice]) -> list[ClientInvoice]:
    """`invoices`, each invoice carrying what the credit notes among them took off it."""
    credits = defaultdict(Decimal)
    for note in invoices:
        if note.is_credit_note and note.gross_total is not None:
            credits[note.credited_invoice] += note.gross_total
    return [replace(invoice, credited=credits[invoice.number])
            if not invoice.is_credit_note and invoice.number in credits else invoice
            for invoice in invoices]


@dataclass(frozen=True)
class RelationshipEntry:
    on: date
    kind: str
    summary: str
    project_id: str | None = None
    data: dict = field(default_factory=dict)


def meeting_contact_day(meeting: Meeting, today: date, project_status: str) -> date | None:
    """The day a meeting counts as contact, or None (see the module's rule)."""
    if meeting.scheduled_on > today:
        return None
    if meeting.ratings or meeting.kind == INTRODUCTION and project_status != CANCELLED:
        return meeting.scheduled_on
    return None


def last_contact(days) -> date | None:
    days = [day for day in days if day is not None]
    return max(days) if days else None


def is_overdue(reference: date, today: date, after_weeks: int) -> bool:
    """Whether the last contact (or the registration) is `after_weeks` weeks ago or more."""
    return reference <= today - timedelta(weeks=after_weeks)


@dataclass(frozen=True)
class ClientContact:
    """One client as the needs-attention rule sees it."""

    client_id: str
    name: str
    registered_on: date
    last_contact_on: date | None
    owner_member_id: str | None = None


@dataclass(frozen=True)
class AttentionItem:
    client_id: str
    name: str
    last_contact_on: date | None
    weeks_without_contact: int
    owner_member_id: str | None


def needs_attention(clients: list[ClientContact], today: date,
                    after_weeks: int) -> list[AttentionItem]:
    """Clients without contact for `after_weeks` weeks or more, longest silence first."""
    found = []
    for client in clients:
        reference = client.last_contact_on or client.registered_on
        if is_overdue(reference, today, after_weeks):
            found.append((reference, client.name, AttentionItem(
                client.client_id, client.name, client.last_contact_on,
                (today - reference).days // 7, client.owner_member_id)))
    return [item for _, _, item in sorted(found, key=lambda found: found[:2])]


# --- the timeline ----------------------------------------------------------------------------


def _rating_summary(meeting: Meeting) -> str:
    client = [r.rating for r in meeting.ratings if r.by == BY_CLIENT]
    members = [r.rating for r in meeting.ratings if r.by == BY_MEMBER]
    parts = []
    if client:
        parts.append(f"the client rated it {client[0]}/5")
    if members:
        parts.append(f"the team {round(sum(members) / len(members), 1)}/5 on average")
    return "; ".join(parts) if parts else "not rated"


def meeting_entries(project, meetings: list[Meeting], today: date) -> list[RelationshipEntry]:
    entries = []
    for meeting in meetings:
        if meeting_contact_day(meeting, today, project.status) is None:
            continue
        kind = "Introduction meeting" if meeting.kind == INTRODUCTION else "Check-in"
        entries.append(RelationshipEntry(
            meeting.scheduled_on, meeting.kind,
            f"{project.title}: {kind} ({_rating_summary(meeting)}).", project.id,
            {"meeting_id": meeting.id,
             "ratings": [{"by": r.by, "member_id": r.member_id, "rating": r.rating}
                         for r in meeting.ratings]}))
    return entries


def project_entries(project, timeline) -> list[RelationshipEntry]:
    """The project's own timeline, but its ratings (the meetings tell those)."""
    return [RelationshipEntry(entry.at.date(), entry.kind, f"{project.title}: {entry.summary}",
                              project.id, dict(entry.data))
            for entry in timeline if entry.kind != "checkin_recorded"]


def lead_entries(lead, today: date) -> list[RelationshipEntry]:
    data = {"lead_id": lead.id}
    entries = [RelationshipEntry(lead.received_at.date(), "lead_received",
                                 f"Lead received ({lead.source}) from {lead.organisation}.",
                                 None, data)]
    if lead.qualification is not None:
        who = (f"member {lead.qualification.member_id}" if lead.qualification.member_id
               else "an operator")
        entries.append(RelationshipEntry(
            lead.qualification.contacted_on, "lead_qualified", f"Contact taken by {who}.",
            None, {**data, "member_id": lead.qualification.member_id,
                   "notes": lead.qualification.notes}))
    if lead.intake_on is not None:
        held = "held" if lead.intake_on <= today else "planned"
        entries.append(RelationshipEntry(lead.intake_on, "intake", f"Intake meeting ({held}).",
                                         None, data))
    if lead.project_id is not None:
        entries.append(RelationshipEntry(lead.updated_at.date(), "lead_converted",
                                         "The lead became a project.", lead.project_id, data))
    return entries


def note_entries(notes: list[RelationshipNote]) -> list[RelationshipEntry]:
    return [RelationshipEntry(note.contacted_on, "note", note.summary, None,
                              {"note_id": note.id, "kind": note.kind,
                               "member_id": note.member_id})
            for note in notes]


def owner_entries(owners: list[RelationshipOwner]) -> list[RelationshipEntry]:
    return [RelationshipEntry(owner.since.date(), "relationship_owner",
                              f"Member {owner.member_id} became the coop's contact person.",
                              None, {"member_id": owner.member_id})
            for owner in owners]


def invoice_entries(invoices: list[ClientInvoice]) -> list[RelationshipEntry]:
    entries = []
    for invoice in invoices:
        data = {"invoice_id": invoice.invoice_id, "number": invoice.number}
        total = f"EUR {invoice.gross_total}" if invoice.gross_total is not None else ""
        if invoice.issue_date is not None and invoice.is_credit_note:
            entries.append(RelationshipEntry(
                invoice.issue_date, "credit_note_issued",
                f"Credit note {invoice.number} on invoice {invoice.credited_invoice}: {total}.",
                invoice.project_id, {**data, "credited_invoice": invoice.credited_invoice}))
        elif invoice.issue_date is not None:
            due = f", due {invoice.due_date}" if invoice.due_date else ""
            entries.append(RelationshipEntry(invoice.issue_date, "invoice_issued",
                                             f"Invoice {invoice.number} issued: {total}{due}.",
                                             invoice.project_id, data))
        if invoice.paid_on is not None:
            entries.append(RelationshipEntry(invoice.paid_on, "invoice_paid",
                                             f"Invoice {invoice.number} was paid.",
                                             invoice.project_id, data))
    return entries


@dataclass(frozen=True)
class Relationship:
    client: object  # domain.client.Client
    owner: RelationshipOwner | None
    last_contact_on: date | None
    needs_attention: bool
    after_weeks: int
    projects: list
    leads: list
    invoices: list[ClientInvoice]
    client_rating_average: float | None
    next_meeting: Meeting | None
    entries: list[RelationshipEntry]


def relationship(client, owners: list[RelationshipOwner], leads: list, projects: list,
                 timelines: dict, meetings: dict, notes: list[RelationshipNote],
                 invoices: list[ClientInvoice], today: date, after_weeks: int) -> Relationship:
    """The whole relationship; `timelines` and `meetings` are by project id."""
    invoices = with_credits(invoices)
    entries = [RelationshipEntry(client.created_at.date(), "client_registered",
                                 f"{client.name} was registered as a client.")]
    contact_days = [note.contacted_on for note in notes]
    for lead in leads:
        entries += lead_entries(lead, today)
        contact_days += lead.contact_days(today)
    upcoming, ratings = [], []
    for project in projects:
        held = meetings.get(project.id, [])
        entries += project_entries(project, timelines.get(project.id, []))
        entries += meeting_entries(project, held, today)
        contact_days += [meeting_contact_day(m, today, project.status) for m in held]
        upcoming += [m for m in held if m.scheduled_on >= today and not m.ratings
                     and project.status != CANCELLED]
        ratings += [r.rating for m in held for r in m.ratings if r.by == BY_CLIENT]
    entries += note_entries(notes) + owner_entries(owners) + invoice_entries(invoices)
    last = last_contact(contact_days)
    return Relationship(
        client=client, owner=owners[-1] if owners else None, last_contact_on=last,
        needs_attention=is_overdue(last or client.created_at.date(), today, after_weeks),
        after_weeks=after_weeks, projects=projects, leads=leads, invoices=invoices,
        client_rating_average=round(sum(ratings) / len(ratings), 2) if ratings else None,
        next_meeting=min(upcoming, key=lambda m: m.scheduled_on) if upcoming else None,
        entries=sorted(entries, key=lambda entry: entry.on))

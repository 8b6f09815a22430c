"""Client relationships in SQL: owners, notes, invoices from billing, the setting, and
every client's last contact in a constant number of queries."""

import json
from collections import defaultdict
from datetime import UTC, date, datetime
from decimal import Decimal

from sqlalchemy import delete, exists, func, insert, select
from sqlalchemy.orm import Session

from services.matching.domain.meetings import INTRODUCTION
from services.matching.domain.relationships import (
    CANCELLED,
    ClientContact,
    ClientInvoice,
    RelationshipNote,
    RelationshipOwner,
    RelationshipSettings,
    last_contact,
)
from services.matching.models import (
    checkin_ratings,
    client_invoices,
    clients,
    leads,
    meetings,
    projects,
    relationship_notes,
    relationship_owners,
    settings,
)

RELATIONSHIPS = "relationships"  # the row of `settings`
_NOTE_FIELDS = ("id", "client_id", "contacted_on", "kind", "member_id", "summary",
                "recorded_at")
_INVOICE_FIELDS = ("invoice_id", "client_id", "number", "project_id", "issue_date", "due_date",
                   "gross_total", "paid_on", "credited_invoice")


class SqlRelationships:
    def __init__(self, session: Session):
        self.session = session

    def owners(self, client_id: str) -> list[RelationshipOwner]:
        rows = self.session.execute(
            select(relationship_owners).where(relationship_owners.c.client_id == client_id)
            .order_by(relationship_owners.c.seq))
        return [RelationshipOwner(row.client_id, row.member_id, row.since) for row in rows]

    def add_owner(self, owner: RelationshipOwner) -> None:
        self.session.execute(insert(relationship_owners).values(
            client_id=owner.client_id, member_id=owner.member_id, since=owner.since))

    def add_note(self, note: RelationshipNote) -> None:
        self.session.execute(insert(relationship_notes).values(
            {name: getattr(note, name) for name in _NOTE_FIELDS}))

    def notes(self, client_id: str) -> list[RelationshipNote]:
        rows = self.session.execute(
            select(relationship_notes).where(relationship_notes.c.client_id == client_id)
            .order_by(relationship_notes.c.seq))
        return [RelationshipNote(**{name: getattr(row, name) for name in _NOTE_FIELDS})
                for row in rows]

    def invoice(self, invoice_id: str) -> ClientInvoice | None:
        row = self.session.execute(select(client_invoices).where(
            client_invoices.c.invoice_id == invoice_id)).first()
        return _to_invoice(row) if row else None

    def put_invoice(self, invoice: ClientInvoice) -> None:
        self.session.execute(delete(client_invoices).where(
            client_invoices.c.invoice_id == invoice.invoice_id))
        self.session.execute(insert(client_invoices).values(
            {name: getattr(invoice, name) for name in _INVOICE_FIELDS}))

    def invoices(self, client_id: str) -> list[ClientInvoice]:
        rows = self.session.execute(
            select(client_invoices).where(client_invoices.c.client_id == client_id)
            .order_by(client_invoices.c.issue_date, client_invoices.c.number))
        return [_to_invoice(row) for row in rows]

    def settings(self) -> RelationshipSettings:
        stored = self.session.scalar(select(settings.c.value)
                                     .where(settings.c.name == RELATIONSHIPS))
        return RelationshipSettings(**json.loads(stored)) if stored else RelationshipSettings()

    def put_settings(self, value: RelationshipSettings) -> None:
        self.session.execute(delete(settings).where(settings.c.name == RELATIONSHIPS))
        self.session.execute(insert(settings).values(
            name=RELATIONSHIPS, value=json.dumps(value.__dict__), updated_at=datetime.now(UTC)))

    def client_contacts(self, today: date) -> list[ClientContact]:
        """Every client's last contact by the rule of `domain.relationships`, in seven
        queries however many clients there are."""
        days: dict[str, list[date]] = defaultdict(list)
        for query in self._contact_queries(today):
            for client_id, day in self.session.execute(query):
                days[client_id].append(day)
        latest_owner = (select(relationship_owners.c.client_id,
                               func.max(relationship_owners.c.seq).label("seq"))
                        .group_by(relationship_owners.c.client_id).subquery())
        owners = dict(self.session.execute(
            select(relationship_owners.c.client_id, relationship_owners.c.member_id)
            .join(latest_owner, relationship_owners.c.seq == latest_owner.c.seq)).all())
        rows = self.session.execute(select(clients.c.id, clients.c.name, clients.c.created_at)
                                    .order_by(clients.c.seq))
        return [ClientContact(row.id, row.name, row.created_at.date(),
                              last_contact(days.get(row.id, [])), owners.get(row.id))
                for row in rows]

    @staticmethod
    def _contact_queries(today: date):
        """(client id, latest day) per kind of contact."""
        held = meetings.c.scheduled_on <= today
        by_project = meetings.join(projects, projects.c.id == meetings.c.project_id)
        rated = exists().where(checkin_ratings.c.meeting_id == meetings.c.id)
        yield (select(projects.c.client_id, func.max(meetings.c.scheduled_on))
               .select_from(by_project).where(held, rated).group_by(projects.c.client_id))
        yield (select(projects.c.client_id, func.max(meetings.c.scheduled_on))
               .select_from(by_project)
               .where(held, meetings.c.kind == INTRODUCTION, projects.c.status != CANCELLED)
               .group_by(projects.c.client_id))
        yield (select(relationship_notes.c.client_id, func.max(relationship_notes.c.contacted_on))
               .where(relationship_notes.c.contacted_on <= today)
               .group_by(relationship_notes.c.client_id))
        yield (select(leads.c.client_id, func.max(leads.c.contacted_on))
               .where(leads.c.client_id.is_not(None), leads.c.contacted_on.is_not(None))
               .group_by(leads.c.client_id))
        yield (select(leads.c.client_id, func.max(leads.c.intake_on))
               .where(leads.c.client_id.is_not(None), leads.c.intake_on <= today)
               .group_by(leads.c.client_id))


def _to_invoice(row) -> ClientInvoice:
    values = {name: getattr(row, name) for name in _INVOICE_FIELDS}
    if values["gross_total"] is not None:
        values["gross_total"] = Decimal(values["gross_total"]).quantize(Decimal("0.01"))
    return ClientInvoice(**values)

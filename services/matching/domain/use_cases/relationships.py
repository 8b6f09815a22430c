"""Relationships with client organisations: the timeline, who keeps it, notes of contact,
the clients that need attention, and the invoices billing tells about.

`member_scope` is the caller's own member id when a member calls: a member reaches only
the relationships they keep (the client's current relationship owner).
"""

from dataclasses import replace
from datetime import UTC, date, datetime

from infra.pagination import Page, decode_cursor, encode_cursor
from services.matching.domain.client import Client
from services.matching.domain.errors import ClientNotFound
from services.matching.domain.ports import UnitOfWork
from services.matching.domain.relationships import (
    ClientInvoice,
    Relationship,
    RelationshipNote,
    RelationshipOwner,
    RelationshipSettings,
    needs_attention,
    relationship,
)
from services.matching.domain.use_cases.leads import require_active_member

PROJECTS_PER_READ = 100
CLIENT_INVOICES = "client_invoices"  # the named lock billing's invoice events take


def _now() -> datetime:
    return datetime.now(UTC)


def _client(uow: UnitOfWork, client_id: str, member_scope: str | None) -> Client:
    client = uow.clients.get(client_id)
    if client is None:
        raise ClientNotFound(client_id)
    if member_scope is not None:
        owners = uow.relationships.owners(client_id)
        if not owners or owners[-1].member_id != member_scope:
            raise ClientNotFound(client_id)
    return client


def _projects_of(uow: UnitOfWork, client_id: str) -> list:
    found, cursor = [], None
    while True:
        page = uow.projects.page(PROJECTS_PER_READ, cursor, client_id=client_id)
        found += page.items
        cursor = page.next_cursor
        if cursor is None:
            return found


def get_relationship(uow: UnitOfWork, client_id: str, today: date,
                     member_scope: str | None = None) -> Relationship:
    with uow:
        client = _client(uow, client_id, member_scope)
        projects = _projects_of(uow, client_id)
        return relationship(
            client, uow.relationships.owners(client_id), uow.leads.for_client(client_id),
            projects, {p.id: uow.timeline.for_project(p.id) for p in projects},
            {p.id: uow.meetings.for_project(p.id) for p in projects},
            uow.relationships.notes(client_id), uow.relationships.invoices(client_id), today,
            uow.relationships.settings().needs_attention_after_weeks)


def set_relationship_owner(uow: UnitOfWork, client_id: str,
                           member_id: str) -> RelationshipOwner:
    """The member becomes the client's contact person in the coop (the same one again
    changes nothing)."""
    with uow:
        _client(uow, client_id, None)
        require_active_member(uow, "member_id", member_id)
        owners = uow.relationships.owners(client_id)
        if owners and owners[-1].member_id == member_id:
            return owners[-1]
        owner = RelationshipOwner(client_id, member_id, _now())
        uow.relationships.add_owner(owner)
        uow.commit()
        return owner


def add_relationship_note(uow: UnitOfWork, client_id: str, contacted_on: date, kind: str,
                          member_id: str | None, summary: str, today: date,
                          member_scope: str | None = None) -> RelationshipNote:
    """Contact someone of the coop had with the client (it counts as contact)."""
    with uow:
        _client(uow, client_id, member_scope)
        if member_id is not None:
            require_active_member(uow, "member_id", member_id)
        note = RelationshipNote.new(client_id, contacted_on, kind, member_id, summary, _now(),
                                    today)
        uow.relationships.add_note(note)
        uow.commit()
        return note


def clients_needing_attention(uow: UnitOfWork, today: date, limit: int, cursor: str | None):
    """(weeks, page): clients without contact for the setting's weeks, longest silence
    first. The list is computed whole, so its cursor is a position in it."""
    with uow:
        weeks = uow.relationships.settings().needs_attention_after_weeks
        contacts = uow.relationships.client_contacts(today)
    items = needs_attention(contacts, today, weeks)
    start = decode_cursor(cursor) if cursor else 0
    more = len(items) > start + limit
    return weeks, Page(items[start:start + limit], encode_cursor(start + limit) if more else None)


def get_relationship_settings(uow: UnitOfWork) -> RelationshipSettings:
    with uow:
        return uow.relationships.settings()


def change_relationship_settings(uow: UnitOfWork, changes: dict) -> RelationshipSettings:
    with uow:
        settings = replace(uow.relationships.settings(), **changes)
        uow.relationships.put_settings(settings)
        uow.commit()
        return settings


# --- billing's invoices ----------------------------------------------------------------------


def record_invoice_issued(uow: UnitOfWork, event: dict, invoice: ClientInvoice) -> bool:
    """Keep an issued invoice, once per event; a payment heard of first is kept."""
    def merged(kept: ClientInvoice | None) -> ClientInvoice:
        return replace(invoice, paid_on=kept.paid_on if kept else None)
    return _record_invoice(uow, event, invoice.invoice_id, merged)


def record_invoice_paid(uow: UnitOfWork, event: dict, invoice_id: str, client_id: str,
                        number: str, paid_on: date) -> bool:
    """Mark the invoice paid, once per event (also when its issue was not heard of yet)."""
    def merged(kept: ClientInvoice | None) -> ClientInvoice:
        return replace(kept or ClientInvoice(invoice_id, client_id, number), paid_on=paid_on)
    return _record_invoice(uow, event, invoice_id, merged)


def _record_invoice(uow: UnitOfWork, event: dict, invoice_id: str, merged) -> bool:
    with uow:
        # an invoice's issue and payment events may be handled at the same moment; each
        # merges into what the other kept, so they take turns
        uow.locks.acquire(CLIENT_INVOICES)
        if uow.already_handled(event):
            return False
        uow.relationships.put_invoice(merged(uow.relationships.invoice(invoice_id)))
        uow.mark_handled(event)
        uow.commit()
        return True

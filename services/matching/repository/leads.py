"""Leads in SQL: the contact person in its own columns, the wished-for roles as JSON."""

import json
from datetime import datetime
from decimal import Decimal

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from infra.errors import Conflict
from infra.pagination import Page, keyset_page
from services.matching.domain.client import ContactPerson
from services.matching.domain.leads import CLOSED, Lead, LeadRole, Qualification
from services.matching.models import leads

_FIELDS = ("id", "organisation", "description", "source", "received_at", "updated_at",
           "starts_on", "ends_on", "found_by_member_id", "assignee_member_id", "status",
           "intake_on", "client_id", "project_id", "closed_reason", "closed_from",
           "contact_erased_at", "version")


class SqlLeadRepository:
    def __init__(self, session: Session):
        self.session = session

    def add(self, lead: Lead) -> None:
        self.session.execute(insert(leads).values(_row(lead)))

    def get(self, lead_id: str) -> Lead | None:
        row = self.session.execute(select(leads).where(leads.c.id == lead_id)).first()
        return _to_lead(row) if row else None

    def save(self, lead: Lead) -> None:
        """Optimistic: the row must still hold the version this change started from."""
        result = self.session.execute(
            update(leads).where(leads.c.id == lead.id, leads.c.version < lead.version)
            .values(_row(lead)))
        if result.rowcount != 1:
            raise Conflict(f"Lead {lead.id} was changed by someone else; try again.")

    def page(self, limit: int, cursor: str | None, status: str | None = None,
             source: str | None = None, assignee_member_id: str | None = None) -> Page:
        query = select(leads)
        for column, value in ((leads.c.status, status), (leads.c.source, source),
                              (leads.c.assignee_member_id, assignee_member_id)):
            if value is not None:
                query = query.where(column == value)
        return keyset_page(self.session, query, leads.c.seq, limit, cursor, _to_lead)

    def for_client(self, client_id: str) -> list[Lead]:
        rows = self.session.execute(select(leads).where(leads.c.client_id == client_id)
                                    .order_by(leads.c.seq))
        return [_to_lead(row) for row in rows]

    def with_contact_outlived(self, last_change_before: datetime, limit: int) -> list[Lead]:
        query = (select(leads)
                 .where(leads.c.status == CLOSED, leads.c.contact_erased_at.is_(None),
                        leads.c.updated_at <= last_change_before)
                 .order_by(leads.c.seq).limit(limit))
        return [_to_lead(row) for row in self.session.execute(query)]


def _row(lead: Lead) -> dict:
    qualification, contact = lead.qualification, lead.contact
    return {
        **{name: getattr(lead, name) for name in _FIELDS},
        "contact_name": contact.name if contact else None,
        "contact_email": contact.email if contact else None,
        "contact_phone": contact.phone if contact else None,
        "roles": json.dumps([{"skill": r.skill, "minimum_level": r.minimum_level,
                              "hours_per_week": str(r.hours_per_week), "seats": r.seats}
                             for r in lead.roles]),
        "budget_min": lead.budget_min, "budget_max": lead.budget_max,
        "contacted_on": qualification.contacted_on if qualification else None,
        "contacted_by_member_id": qualification.member_id if qualification else None,
        "qualification_notes": qualification.notes if qualification else None,
    }


def _money(value) -> Decimal | None:
    return Decimal(value).quantize(Decimal("0.01")) if value is not None else None


def _to_lead(row) -> Lead:
    qualification = None
    if row.contacted_on is not None:
        qualification = Qualification(row.contacted_on, row.contacted_by_member_id,
                                      row.qualification_notes or "")
    return Lead(
        **{name: getattr(row, name) for name in _FIELDS},
        contact=(None if row.contact_erased_at is not None
                 else ContactPerson(row.contact_name, row.contact_email, row.contact_phone)),
        roles=tuple(LeadRole(r["skill"], r["minimum_level"], Decimal(r["hours_per_week"]),
                             r["seats"]) for r in json.loads(row.roles)),
        budget_min=_money(row.budget_min), budget_max=_money(row.budget_max),
        qualification=qualification)

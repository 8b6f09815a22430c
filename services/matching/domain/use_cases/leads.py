"""Leads: from first word to a client's project, or closed with a reason.

`member_scope` is the caller's own member id when a member calls (the gateway takes it
from the token): a lead not assigned to that member is not found. Operators pass none.
"""

from datetime import UTC, date, datetime, timedelta

from infra.errors import Invalid
from services.matching.domain.client import Client
from services.matching.domain.errors import ProjectClientUnknown
from services.matching.domain.events import ClientRegistered, ProjectCreated
from services.matching.domain.lead_errors import LeadNotFound, NotAnActiveMember
from services.matching.domain.lead_events import (
    lead_closed,
    lead_converted,
    lead_qualified,
    lead_received,
)
from services.matching.domain.leads import MEMBER, Lead
from services.matching.domain.ports import UnitOfWork
from services.matching.domain.projects import Project
from services.matching.domain.proposals.errors import UnknownSkill
from services.matching.domain.timeline import TimelineEntry

ACTIVE = "active"


def _now() -> datetime:
    return datetime.now(UTC)


def find_lead(uow: UnitOfWork, lead_id: str, member_scope: str | None) -> Lead:
    lead = uow.leads.get(lead_id)
    if lead is None or member_scope is not None and lead.assignee_member_id != member_scope:
        raise LeadNotFound(lead_id)
    return lead


def require_active_member(uow: UnitOfWork, field: str, member_id: str) -> None:
    """The member must be active in matching's read model (it hears of members by events)."""
    candidate = uow.candidates.get(member_id)
    if candidate is None or candidate.status != ACTIVE:
        raise NotAnActiveMember(field, member_id)


def receive_lead(uow: UnitOfWork, details: dict, known_skills=None) -> Lead:
    """A lead from the website, an operator or a member (`found_by_member_id`)."""
    if known_skills is not None:
        unknown = [(f"roles[{index}].skill", role["skill"])
                   for index, role in enumerate(details.get("roles") or ())
                   if role["skill"] not in known_skills]
        if unknown:
            raise UnknownSkill(unknown)
    with uow:
        lead = Lead.receive(details, _now())
        if lead.source == MEMBER:
            require_active_member(uow, "found_by_member_id", lead.found_by_member_id)
        uow.leads.add(lead)
        uow.publish(lead_received(lead))
        uow.commit()
        return lead


def get_lead(uow: UnitOfWork, lead_id: str, member_scope: str | None = None) -> Lead:
    with uow:
        return find_lead(uow, lead_id, member_scope)


def list_leads(uow: UnitOfWork, limit: int, cursor: str | None, status: str | None = None,
               source: str | None = None, assignee_member_id: str | None = None,
               member_scope: str | None = None):
    """Oldest first; a member sees only the leads assigned to them."""
    if member_scope is not None:
        assignee_member_id = member_scope
    with uow:
        return uow.leads.page(limit, cursor, status, source, assignee_member_id)


def assign_lead(uow: UnitOfWork, lead_id: str, member_id: str | None) -> Lead:
    """Give an open lead to a member (None: to nobody, the operators keep it)."""
    with uow:
        lead = find_lead(uow, lead_id, None)
        if member_id is not None:
            require_active_member(uow, "member_id", member_id)
        lead.assign(member_id, _now())
        uow.leads.save(lead)
        uow.commit()
        return lead


def qualify_lead(uow: UnitOfWork, lead_id: str, contacted_on: date, member_id: str | None,
                 notes: str, today: date, member_scope: str | None = None) -> Lead:
    """Contact was taken on `contacted_on` by the member (None: an operator)."""
    with uow:
        lead = find_lead(uow, lead_id, member_scope)
        if member_id is not None:
            require_active_member(uow, "member_id", member_id)
        lead.qualify(contacted_on, member_id, notes, _now(), today)
        uow.leads.save(lead)
        uow.publish(lead_qualified(lead))
        uow.commit()
        return lead


def plan_intake(uow: UnitOfWork, lead_id: str, intake_on: date,
                member_scope: str | None = None) -> Lead:
    with uow:
        lead = find_lead(uow, lead_id, member_scope)
        lead.plan_intake(intake_on, _now())
        uow.leads.save(lead)
        uow.commit()
        return lead


def convert_lead(uow: UnitOfWork, lead_id: str, client_id: str | None, new_client: dict | None,
                 project: dict, known_skills=None):
    """A project from the lead (its roles, period and budget prefilled, `project`
    overriding them) for the existing `client_id`, or for a client registered from the
    lead's details and `new_client`. Everything is checked before anything is stored.

    Returns (lead, project, client).
    """
    with uow:
        lead = find_lead(uow, lead_id, None)
        lead.check_convertible()
        now = _now()
        if client_id is not None:
            client = uow.clients.get(client_id)
            if client is None:
                raise ProjectClientUnknown(client_id)
        else:
            client = _prefixed("client", lambda: Client.register(
                lead.client_details(new_client or {}), now))
        details = lead.project_details(project)
        created = _prefixed("project", lambda: Project.create(client.id, details, now,
                                                              known_skills))
        if client_id is None:
            uow.clients.add(client)
            uow.publish(ClientRegistered(client))
        uow.projects.add(created)
        uow.timeline.add(TimelineEntry.new(
            created.id, now, "project_created",
            f"Project “{created.title}” was created from a lead.", {"lead_id": lead.id}))
        uow.publish(ProjectCreated(created))
        lead.convert(client.id, created.id, now)
        uow.leads.save(lead)
        uow.publish(lead_converted(lead))
        uow.commit()
        return lead, created, client


def close_lead(uow: UnitOfWork, lead_id: str, reason: str) -> Lead:
    with uow:
        lead = find_lead(uow, lead_id, None)
        lead.close(reason, _now())
        uow.leads.save(lead)
        uow.publish(lead_closed(lead))
        uow.commit()
        return lead


def erase_lead_contact(uow: UnitOfWork, lead_id: str) -> Lead:
    """The contact person asked to be forgotten: their details and the notes of the
    conversation go; an open lead is closed (and `lead_closed` told). Erasing again
    changes nothing."""
    with uow:
        lead = find_lead(uow, lead_id, None)
        was_open = lead.is_open
        if lead.erase_contact(_now()):
            uow.leads.save(lead)
            if was_open:
                uow.publish(lead_closed(lead))
            uow.commit()
        return lead


def erase_outlived_lead_contacts(uow: UnitOfWork, now: datetime, retention: timedelta,
                                 batch_size: int = 200) -> int:
    """Erase the contact of every lead closed `retention` or longer ago, one batch per
    transaction. Returns how many were erased."""
    erased = 0
    while True:
        with uow:
            found = uow.leads.with_contact_outlived(now - retention, batch_size)
            outlived = [lead for lead in found if lead.contact_outlived(retention, now)]
            for lead in outlived:
                lead.erase_contact(now)
                uow.leads.save(lead)
            uow.commit()
        erased += len(outlived)
        if len(found) < batch_size or not outlived:  # never the same batch forever
            return erased


def _prefixed(prefix: str, make):
    """`make()`, its field errors named under `prefix` (`ends_on` → `project.ends_on`)."""
    try:
        return make()
    except Invalid as error:
        errors = [{**e, "field": f"{prefix}.{e['field']}"} for e in error.errors]
        raise Invalid(error.detail, errors, error.rule) from error

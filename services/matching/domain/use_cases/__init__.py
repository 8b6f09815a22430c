"""Matching's use cases, each one transaction; one family per module."""

from services.matching.domain.use_cases.candidates import (
    candidate_availability,
    get_candidate,
    record_availability_again,
    record_capacity,
    record_member_snapshot,
    record_unavailability,
)
from services.matching.domain.use_cases.clients import (
    create_client,
    get_client,
    list_clients,
    update_client,
)
from services.matching.domain.use_cases.continuity import (
    keep_seats_covered,
    tell_partners_of_unavailability,
)
from services.matching.domain.use_cases.coop import change_settings, fairness, get_settings
from services.matching.domain.use_cases.leads import (
    assign_lead,
    close_lead,
    convert_lead,
    erase_lead_contact,
    erase_outlived_lead_contacts,
    get_lead,
    list_leads,
    plan_intake,
    qualify_lead,
    receive_lead,
)
from services.matching.domain.use_cases.meetings import (
    list_meetings,
    project_health,
    rate_checkin,
    reschedule_meeting,
)
from services.matching.domain.use_cases.projects import (
    cancel_project,
    client_knows_member,
    create_project,
    finish_project,
    get_project,
    get_team,
    list_projects,
    member_assignments,
    project_timeline,
    start_project,
    update_project,
)
from services.matching.domain.use_cases.proposals import (
    accept,
    get_proposal,
    list_proposals,
    propose,
)
from services.matching.domain.use_cases.relationships import (
    add_relationship_note,
    change_relationship_settings,
    clients_needing_attention,
    get_relationship,
    get_relationship_settings,
    record_invoice_issued,
    record_invoice_paid,
    set_relationship_owner,
)

__all__ = [
    "accept", "cancel_project", "candidate_availability", "change_settings", "client_knows_member",
    "create_client", "create_project", "fairness", "finish_project", "get_candidate", "get_client",
    "get_project", "get_proposal", "get_settings", "get_team", "keep_seats_covered",
    "list_clients", "list_meetings", "list_projects", "list_proposals", "member_assignments",
    "project_health", "project_timeline", "propose", "rate_checkin", "record_availability_again",
    "record_capacity", "record_member_snapshot", "record_unavailability", "reschedule_meeting",
    "start_project", "tell_partners_of_unavailability", "update_client", "update_project",
    # leads and client relationships
    "add_relationship_note", "assign_lead", "change_relationship_settings",
    "clients_needing_attention", "close_lead", "convert_lead", "erase_lead_contact",
    "erase_outlived_lead_contacts", "get_lead", "get_relationship",
    "get_relationship_settings", "list_leads", "plan_intake", "qualify_lead", "receive_lead",
    "record_invoice_issued", "record_invoice_paid", "set_relationship_owner",
]

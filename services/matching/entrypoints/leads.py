"""RPC about leads: receiving them, taking contact, the intake, converting and closing.

`member_scope` is the caller's own member id when a member calls (the gateway takes it
from the token): a lead not assigned to that member is not found. Operators pass none.
Every hour, contact persons of leads closed longer ago than `LEAD_CONTACT_RETENTION_DAYS`
are erased.
"""

import logging
from datetime import UTC, date, datetime

from nameko.timer import timer

from infra.rpc import rpc
from services.matching.domain import use_cases
from services.matching.schemas.leads import (
    ConversionResultSchema,
    ConversionSchema,
    IntakeDetailsSchema,
    LeadAssigneeSchema,
    LeadClosureSchema,
    LeadDetailsSchema,
    LeadPageSchema,
    LeadQuerySchema,
    LeadSchema,
    QualificationDetailsSchema,
)

log = logging.getLogger(__name__)
HOUR = 3600  # not daily: a timer starts counting again at every restart


def _id(value) -> str | None:
    return None if value is None else str(value)


class LeadEntrypoints:
    """Mixed into the service with `ProjectEntrypoints`, whose `_known_skills` asks the
    members service for the taxonomy; the service gives `lead_contact_retention`."""

    @rpc
    def receive_lead(self, details):
        """A lead from the website's request form, an operator or a member who found it."""
        details = LeadDetailsSchema().load(details)
        details["found_by_member_id"] = _id(details["found_by_member_id"])
        skills = self._known_skills() if details["roles"] else None
        return LeadSchema().dump(use_cases.receive_lead(self.uow, details, skills))

    @rpc
    def get_lead(self, lead_id, member_scope=None):
        return LeadSchema().dump(use_cases.get_lead(self.uow, str(lead_id), member_scope))

    @rpc
    def list_leads(self, query=None, member_scope=None):
        query = LeadQuerySchema().load(query or {})
        query["assignee_member_id"] = _id(query["assignee_member_id"])
        page = use_cases.list_leads(self.uow, member_scope=member_scope, **query)
        return LeadPageSchema().dump(page)

    @rpc
    def assign_lead(self, lead_id, assignee):
        member_id = _id(LeadAssigneeSchema().load(assignee)["member_id"])
        return LeadSchema().dump(use_cases.assign_lead(self.uow, str(lead_id), member_id))

    @rpc
    def qualify_lead(self, lead_id, qualification, member_scope=None):
        given = QualificationDetailsSchema().load(qualification)
        lead = use_cases.qualify_lead(self.uow, str(lead_id), given["contacted_on"],
                                      _id(given["member_id"]), given["notes"], date.today(),
                                      member_scope)
        return LeadSchema().dump(lead)

    @rpc
    def plan_intake(self, lead_id, intake, member_scope=None):
        intake_on = IntakeDetailsSchema().load(intake)["intake_on"]
        lead = use_cases.plan_intake(self.uow, str(lead_id), intake_on, member_scope)
        return LeadSchema().dump(lead)

    @rpc
    def convert_lead(self, lead_id, conversion):
        """A project from the lead, roles prefilled; for an existing or a new client."""
        given = ConversionSchema().load(conversion)
        lead, project, client = use_cases.convert_lead(
            self.uow, str(lead_id), _id(given["client_id"]), given["client"],
            given["project"], self._known_skills())
        return ConversionResultSchema().dump({"lead": lead, "project": project,
                                              "client": client})

    @rpc
    def close_lead(self, lead_id, closure):
        reason = LeadClosureSchema().load(closure)["reason"]
        return LeadSchema().dump(use_cases.close_lead(self.uow, str(lead_id), reason))

    @rpc
    def erase_lead_contact(self, lead_id):
        """The contact person asked to be forgotten (an open lead is closed by it)."""
        return LeadSchema().dump(use_cases.erase_lead_contact(self.uow, str(lead_id)))

    @timer(interval=HOUR)
    def erase_outlived_lead_contacts(self):
        erased = use_cases.erase_outlived_lead_contacts(
            self.uow, datetime.now(UTC), self.lead_contact_retention)
        if erased:
            log.info("erased the contact person of %d leads closed more than %s ago",
                     erased, self.lead_contact_retention)

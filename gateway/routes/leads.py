"""Acquisition and relationships: leads, the relationship with each client organisation,
and the clients that need attention.

- Operators do everything.
- A member brings in leads they found (always as source `member`, found by
  themself), and lists, reads, qualifies (as themself) and plans the intake of the
  leads assigned to them; converting, closing, assigning and erasing the contact
  person are the operators'.
  A member reads the relationship of the clients they keep (the client's relationship
  owner) and notes contact with them, as themself.
- A client token reaches none of this: the relationship holds the coop's own notes of
  conversations; a client follows its projects through their timeline and health.

The member's id goes to matching as the call's `member_scope`: a lead or relationship
outside it is not found (404).
"""

from gateway.auth import out_of_scope
from gateway.http import RouteDoc, api
from gateway.problems import Problem
from gateway.requests import json_body, query_args
from infra.schemas import Page
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
from services.matching.schemas.relationships import (
    AttentionPageSchema,
    NoteDetailsSchema,
    NoteSchema,
    OwnerDetailsSchema,
    OwnerSchema,
    RelationshipSchema,
    RelationshipSettingsChangesSchema,
    RelationshipSettingsSchema,
)

COOP_SIDE = ("operator", "member")
OPERATOR = ("operator",)


def _member_scope(request) -> str | None:
    """The member id a member token is bound to; None for operators."""
    return request.caller.member_id if request.caller.role == "member" else None


def _as_member(request, body: dict, field: str = "member_id") -> dict:
    """A member acts as themself: `field` is their own id whatever was sent."""
    if request.caller.role == "member":
        body[field] = request.caller.member_id
    return body


class LeadRoutes:
    @api("POST", "/v1/leads",
         RouteDoc("Record a lead: an organisation that may hire the coop (a member token "
                  "records one it found, and is assigned to it)", "leads",
                  body=LeadDetailsSchema, response=LeadSchema, status=201), roles=COOP_SIDE)
    def receive_lead(self, request):
        details = json_body(request)
        caller = request.caller
        if caller.role == "member":
            if details.setdefault("source", "member") != "member":
                raise Problem(403, "forbidden", "Forbidden",
                              "A member records the leads they found: source `member`.")
            given = details.setdefault("found_by_member_id", caller.member_id)
            if given != caller.member_id:
                raise out_of_scope("member", str(given))
        lead = self.matching.receive_lead(details)
        return 201, {"Location": f"/v1/leads/{lead['id']}"}, lead

    @api("GET", "/v1/leads",
         RouteDoc("List leads in the order they came in (a member token: the leads "
                  "assigned to it)", "leads", query=LeadQuerySchema, response=LeadPageSchema),
         roles=COOP_SIDE)
    def list_leads(self, request):
        return self.matching.list_leads(query_args(request), _member_scope(request))

    @api("GET", "/v1/leads/<lead_id>",
         RouteDoc("One lead", "leads", response=LeadSchema), roles=COOP_SIDE)
    def get_lead(self, request, lead_id):
        return self.matching.get_lead(lead_id, _member_scope(request))

    @api("PUT", "/v1/leads/<lead_id>/assignee",
         RouteDoc("Assign an open lead to an active member (null: to nobody)", "leads",
                  body=LeadAssigneeSchema, response=LeadSchema, problems=(409,)),
         roles=OPERATOR)
    def assign_lead(self, request, lead_id):
        return self.matching.assign_lead(lead_id, json_body(request))

    @api("POST", "/v1/leads/<lead_id>/qualification",
         RouteDoc("Contact was taken: the day, who (a member token: itself) and notes of the "
                  "conversation; the lead becomes qualified", "leads",
                  body=QualificationDetailsSchema, response=LeadSchema), roles=COOP_SIDE)
    def qualify_lead(self, request, lead_id):
        body = _as_member(request, json_body(request))
        return self.matching.qualify_lead(lead_id, body, _member_scope(request))

    @api("POST", "/v1/leads/<lead_id>/intake",
         RouteDoc("Plan (or move) the intake meeting of a qualified lead", "leads",
                  body=IntakeDetailsSchema, response=LeadSchema), roles=COOP_SIDE)
    def plan_intake(self, request, lead_id):
        return self.matching.plan_intake(lead_id, json_body(request), _member_scope(request))

    @api("POST", "/v1/leads/<lead_id>/conversion",
         RouteDoc("Convert a lead whose intake is planned into a project, its roles, period "
                  "and budget prefilled, for an existing client or one registered from the "
                  "lead", "leads", body=ConversionSchema, response=ConversionResultSchema,
                  status=201), roles=OPERATOR)
    def convert_lead(self, request, lead_id):
        result = self.matching.convert_lead(lead_id, json_body(request))
        return 201, {"Location": f"/v1/projects/{result['project']['id']}"}, result

    @api("POST", "/v1/leads/<lead_id>/closure",
         RouteDoc("Close an open lead with a reason", "leads", body=LeadClosureSchema,
                  response=LeadSchema), roles=OPERATOR)
    def close_lead(self, request, lead_id):
        return self.matching.close_lead(lead_id, json_body(request))

    @api("POST", "/v1/leads/<lead_id>/contact-erasure",
         RouteDoc("Erase a lead's contact person and the notes of the conversation, at that "
                  "person's request; an open lead is closed by it, and erasing again changes "
                  "nothing (closed leads lose them by themselves "
                  "LEAD_CONTACT_RETENTION_DAYS after closing)", "leads", response=LeadSchema),
         roles=OPERATOR)
    def erase_lead_contact(self, request, lead_id):
        return self.matching.erase_lead_contact(lead_id)

    # --- relationships ----------------------------------------------------------------------

    @api("GET", "/v1/clients/<client_id>/relationship",
         RouteDoc("The relationship with a client organisation: who keeps it, the last "
                  "contact, leads, projects, meetings and ratings, notes and invoices, oldest "
                  "first (a member token: the clients it keeps)", "relationships",
                  response=RelationshipSchema), roles=COOP_SIDE)
    def get_relationship(self, request, client_id):
        return self.matching.get_relationship(client_id, _member_scope(request))

    @api("PUT", "/v1/clients/<client_id>/relationship-owner",
         RouteDoc("Make an active member the client's contact person in the coop",
                  "relationships", body=OwnerDetailsSchema, response=OwnerSchema),
         roles=OPERATOR)
    def set_relationship_owner(self, request, client_id):
        return self.matching.set_relationship_owner(client_id, json_body(request))

    @api("POST", "/v1/clients/<client_id>/notes",
         RouteDoc("Note contact with a client (a call, a visit …): it counts as contact "
                  "(a member token: as itself, for the clients it keeps)", "relationships",
                  body=NoteDetailsSchema, response=NoteSchema, status=201), roles=COOP_SIDE)
    def add_relationship_note(self, request, client_id):
        body = _as_member(request, json_body(request))
        note = self.matching.add_relationship_note(client_id, body, _member_scope(request))
        return 201, {}, note

    @api("GET", "/v1/coop/needs-attention",
         RouteDoc("Clients without contact for the set number of weeks, longest silence "
                  "first, with the day of their last contact", "relationships", query=Page,
                  response=AttentionPageSchema), roles=OPERATOR)
    def needs_attention(self, request):
        return self.matching.needs_attention(query_args(request))

    @api("GET", "/v1/coop/relationship-settings",
         RouteDoc("After how many weeks without contact a client needs attention",
                  "relationships", response=RelationshipSettingsSchema), roles=OPERATOR)
    def get_relationship_settings(self, request):
        return self.matching.get_relationship_settings()

    @api("PATCH", "/v1/coop/relationship-settings",
         RouteDoc("Change after how many weeks without contact a client needs attention",
                  "relationships", body=RelationshipSettingsChangesSchema,
                  response=RelationshipSettingsSchema), roles=OPERATOR)
    def change_relationship_settings(self, request):
        return self.matching.change_relationship_settings(json_body(request))

"""The `data` of the events matching publishes about leads.

No personal data: never the contact person's name, e-mail or phone, never the notes of
a conversation or the reason a lead was closed (free text may name people). Ids, the
organisation's name, status, dates and skills only.
"""

from marshmallow import fields

from infra.schemas import Schema


class LeadEventSchema(Schema):
    lead_id = fields.String(attribute="lead.id")
    organisation = fields.String(attribute="lead.organisation")
    status = fields.String(attribute="lead.status")
    at = fields.AwareDateTime(attribute="lead.updated_at")


class LeadReceivedSchema(LeadEventSchema):
    source = fields.String(attribute="lead.source")
    skills = fields.List(fields.String(), attribute="lead.skills")
    starts_on = fields.Date(attribute="lead.starts_on", allow_none=True)
    ends_on = fields.Date(attribute="lead.ends_on", allow_none=True)
    found_by_member_id = fields.String(attribute="lead.found_by_member_id", allow_none=True)


class LeadQualifiedSchema(LeadEventSchema):
    contacted_on = fields.Date(attribute="lead.qualification.contacted_on")
    member_id = fields.String(attribute="lead.qualification.member_id", allow_none=True,
                              metadata={"description": "Who took contact; null: an operator."})


class LeadConvertedSchema(LeadEventSchema):
    client_id = fields.String(attribute="lead.client_id")
    project_id = fields.String(attribute="lead.project_id")
    skills = fields.List(fields.String(), attribute="lead.skills")


class LeadClosedSchema(LeadEventSchema):
    closed_from = fields.String(attribute="lead.closed_from",
                                metadata={"description": "The status it was closed in."})


LEAD_EVENT_SCHEMAS = {
    "lead_received": LeadReceivedSchema(),
    "lead_qualified": LeadQualifiedSchema(),
    "lead_converted": LeadConvertedSchema(),
    "lead_closed": LeadClosedSchema(),
}

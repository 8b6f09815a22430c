"""Leads through their use cases, on in-memory storage: what is stored, what is told."""

import json
from datetime import date, timedelta
from decimal import Decimal

import pytest

from infra.errors import Invalid
from services.matching.domain import use_cases
from services.matching.domain.candidate import Candidate
from services.matching.domain.errors import ProjectClientUnknown
from services.matching.domain.lead_errors import (
    LeadNotFound,
    LeadTransitionNotAllowed,
    NotAnActiveMember,
)
from services.matching.domain.proposals.errors import UnknownSkill
from services.matching.schemas.lead_events import LEAD_EVENT_SCHEMAS
from tests.unit.matching.fakes import FakeUnitOfWork

TODAY = date.today()
ADA = "7b1e7a43-7a4c-4bd9-9d3f-2d1c7e0f4a11"
BOB = "0c6f8a1e-33a4-4a8e-9f61-5b8e2d0c9b22"
SKILLS = {"python", "ux-design"}
NEW_CLIENT = {"country": "NL", "vat_id": "NL004495445B01",
              "address": {"street": "Stadsplateau 1", "postal_code": "3521 AZ",
                          "city": "Utrecht"}}


def lead_details(**overrides) -> dict:
    return {"organisation": "Gemeente Utrecht",
            "contact": {"name": "Eva Smit", "email": "eva@utrecht.example",
                        "phone": "+31 30 000 0000"},
            "description": "A booking system for sports halls.",
            "roles": [{"skill": "python", "minimum_level": 3, "hours_per_week": Decimal(24),
                       "seats": 2},
                      {"skill": "ux-design", "minimum_level": 2,
                       "hours_per_week": Decimal(8)}],
            "starts_on": date(2027, 1, 4), "ends_on": date(2027, 3, 26),
            "budget_min": None, "budget_max": Decimal("90000.00"), "source": "operator",
            "found_by_member_id": None, **overrides}


def active(uow, *member_ids, status="active"):
    for member_id in member_ids:
        uow.candidates.put(Candidate(member_id, 1, "Ada", None, "", None, status))


def ready_for_intake(uow, **overrides):
    lead = use_cases.receive_lead(uow, lead_details(**overrides), SKILLS)
    use_cases.qualify_lead(uow, lead.id, TODAY, None, "Called Eva.", TODAY)
    return use_cases.plan_intake(uow, lead.id, TODAY + timedelta(days=7))


def test_a_received_lead_is_stored_and_announced_without_personal_data():
    uow = FakeUnitOfWork()
    lead = use_cases.receive_lead(uow, lead_details(), SKILLS)
    assert use_cases.get_lead(uow, lead.id) is lead
    [event] = uow.published
    assert (event.type, event.subject) == ("lead_received", lead.id)
    data = LEAD_EVENT_SCHEMAS[event.type].dump(event)
    assert data["skills"] == ["python", "ux-design"] and data["source"] == "operator"
    assert data["organisation"] == "Gemeente Utrecht"
    text = json.dumps(data)
    assert "Eva" not in text and "eva@" not in text and "+31" not in text


def test_a_lead_naming_an_unknown_skill_is_refused_and_nothing_is_stored():
    uow = FakeUnitOfWork()
    roles = [{"skill": "cobol", "minimum_level": 3, "hours_per_week": Decimal(8)}]
    with pytest.raises(UnknownSkill) as raised:
        use_cases.receive_lead(uow, lead_details(roles=roles), SKILLS)
    assert raised.value.errors[0]["field"] == "roles[0].skill"
    assert uow.leads.rows == [] and uow.published == []


def test_a_member_brings_in_a_lead_only_as_an_active_member():
    uow = FakeUnitOfWork()
    with pytest.raises(NotAnActiveMember) as raised:
        use_cases.receive_lead(uow, lead_details(source="member", found_by_member_id=ADA))
    assert raised.value.errors[0]["field"] == "found_by_member_id"
    active(uow, ADA)
    lead = use_cases.receive_lead(uow, lead_details(source="member", found_by_member_id=ADA))
    assert lead.assignee_member_id == ADA


def test_a_member_reaches_only_the_leads_assigned_to_them():
    uow = FakeUnitOfWork()
    active(uow, ADA, BOB)
    mine = use_cases.receive_lead(uow, lead_details(source="member", found_by_member_id=ADA))
    theirs = use_cases.receive_lead(uow, lead_details())
    assert use_cases.list_leads(uow, 20, None, member_scope=ADA).items == [mine]
    assert len(use_cases.list_leads(uow, 20, None).items) == 2
    with pytest.raises(LeadNotFound):
        use_cases.qualify_lead(uow, theirs.id, TODAY, ADA, "Called.", TODAY, member_scope=ADA)
    use_cases.assign_lead(uow, theirs.id, ADA)
    qualified = use_cases.qualify_lead(uow, theirs.id, TODAY, ADA, "Called.", TODAY,
                                       member_scope=ADA)
    assert qualified.status == "qualified"
    use_cases.assign_lead(uow, theirs.id, BOB)
    with pytest.raises(LeadNotFound):
        use_cases.get_lead(uow, theirs.id, member_scope=ADA)


def test_a_lead_goes_to_a_suspended_member_never():
    uow = FakeUnitOfWork()
    active(uow, ADA, status="suspended")
    lead = use_cases.receive_lead(uow, lead_details())
    with pytest.raises(NotAnActiveMember):
        use_cases.assign_lead(uow, lead.id, ADA)
    assert use_cases.get_lead(uow, lead.id).assignee_member_id is None


def test_qualifying_is_announced_with_the_day_and_who():
    uow = FakeUnitOfWork()
    active(uow, ADA)
    lead = use_cases.receive_lead(uow, lead_details())
    use_cases.qualify_lead(uow, lead.id, TODAY, ADA, "Eva wants a demo first.", TODAY)
    event = uow.published[-1]
    data = LEAD_EVENT_SCHEMAS[event.type].dump(event)
    assert (event.type, data["member_id"], data["contacted_on"]) == (
        "lead_qualified", ADA, TODAY.isoformat())
    assert "demo" not in json.dumps(data)


def test_conversion_registers_the_client_and_creates_the_project_with_its_roles():
    uow = FakeUnitOfWork()
    lead = ready_for_intake(uow)
    converted, project, client = use_cases.convert_lead(uow, lead.id, None, NEW_CLIENT, {},
                                                        SKILLS)
    assert (client.name, client.contact.email) == ("Gemeente Utrecht", "eva@utrecht.example")
    assert [(r.skill, r.minimum_level, r.hours_per_week, r.seats) for r in project.roles] == [
        ("python", 3, Decimal(24), 2), ("ux-design", 2, Decimal(8), 1)]
    assert (project.client_id, project.budget, project.status) == (
        client.id, Decimal("90000.00"), "draft")
    assert (converted.status, converted.client_id, converted.project_id) == (
        "converted", client.id, project.id)
    assert [e.type for e in uow.published][-3:] == [
        "client_registered", "project_created", "lead_converted"]
    assert uow.timeline.for_project(project.id)[0].data == {"lead_id": lead.id}


def test_conversion_for_an_existing_client_registers_nobody():
    uow = FakeUnitOfWork()
    client = use_cases.create_client(uow, {**NEW_CLIENT, "name": "Utrecht",
                                           "contact": {"name": "Eva", "email": "e@u.nl"}})
    lead = ready_for_intake(uow)
    _, project, _ = use_cases.convert_lead(uow, lead.id, client.id, None,
                                           {"title": "Sports halls"}, SKILLS)
    assert (project.client_id, project.title) == (client.id, "Sports halls")
    assert len(uow.clients.rows) == 1
    assert "client_registered" not in [e.type for e in uow.published[1:]]


@pytest.mark.parametrize(("client_id", "new_client", "project", "rule", "field"), [
    ("8f0a7c52-0b6f-4d3a-9d8e-1a2b3c4d5e6f", None, {}, ProjectClientUnknown, "client_id"),
    (None, {**NEW_CLIENT, "country": "DE"}, {}, Invalid, "client.vat_id"),
    (None, NEW_CLIENT, {"ends_on": date(2026, 1, 1)}, Invalid, "project.ends_on"),
    (None, NEW_CLIENT, {"roles": [{"skill": "cobol", "minimum_level": 3,
                                   "hours_per_week": Decimal(8)}]},
     Invalid, "project.roles[0].skill"),
])
def test_a_conversion_that_breaks_a_rule_stores_nothing(client_id, new_client, project, rule,
                                                        field):
    uow = FakeUnitOfWork()
    lead = ready_for_intake(uow)
    told = len(uow.published)
    with pytest.raises(rule) as raised:
        use_cases.convert_lead(uow, lead.id, client_id, new_client, project, SKILLS)
    assert raised.value.errors[0]["field"] == field
    assert uow.clients.rows == [] and uow.projects.rows == []
    assert len(uow.published) == told
    assert use_cases.get_lead(uow, lead.id).status == "intake_planned"


def test_a_lead_without_an_intake_cannot_be_converted():
    uow = FakeUnitOfWork()
    lead = use_cases.receive_lead(uow, lead_details())
    with pytest.raises(LeadTransitionNotAllowed):
        use_cases.convert_lead(uow, lead.id, None, NEW_CLIENT, {}, SKILLS)
    assert uow.clients.rows == []


def test_closing_is_announced_without_the_reason():
    uow = FakeUnitOfWork()
    lead = use_cases.receive_lead(uow, lead_details())
    use_cases.close_lead(uow, lead.id, "Eva Smit chose another supplier.")
    event = uow.published[-1]
    data = LEAD_EVENT_SCHEMAS[event.type].dump(event)
    assert (event.type, data["status"], data["closed_from"]) == (
        "lead_closed", "closed", "received")
    assert "Eva" not in json.dumps(data)
    with pytest.raises(LeadTransitionNotAllowed):
        use_cases.close_lead(uow, lead.id, "Again.")


def test_erasing_an_open_leads_contact_closes_it_and_announces_the_closing_only():
    uow = FakeUnitOfWork()
    lead = use_cases.receive_lead(uow, lead_details())
    use_cases.qualify_lead(uow, lead.id, TODAY, None, "Eva Smit called back.", TODAY)
    erased = use_cases.erase_lead_contact(uow, lead.id)
    stored = use_cases.get_lead(uow, lead.id)
    assert stored.contact is None and stored.qualification.notes == ""
    assert erased.status == "closed"
    event = uow.published[-1]
    assert (event.type, event.subject) == ("lead_closed", lead.id)
    published = len(uow.published)
    use_cases.erase_lead_contact(uow, lead.id)
    assert len(uow.published) == published


def test_erasing_a_closed_leads_contact_announces_nothing():
    uow = FakeUnitOfWork()
    lead = use_cases.receive_lead(uow, lead_details())
    use_cases.close_lead(uow, lead.id, "Went elsewhere.")
    published = len(uow.published)
    assert use_cases.erase_lead_contact(uow, lead.id).contact is None
    assert len(uow.published) == published


def test_an_unknown_lead_cannot_be_erased():
    with pytest.raises(LeadNotFound):
        use_cases.erase_lead_contact(FakeUnitOfWork(), "no-such-lead")


def test_contacts_of_final_leads_older_than_the_retention_are_erased_in_batches():
    uow = FakeUnitOfWork()
    retention = timedelta(days=365)
    leads = [use_cases.receive_lead(uow, lead_details()) for _ in range(5)]
    for lead in leads[:4]:
        use_cases.close_lead(uow, lead.id, "No budget.")
    now = max(lead.updated_at for lead in leads) + retention
    leads[3].updated_at = now - retention + timedelta(seconds=1)  # a second too young
    assert use_cases.erase_outlived_lead_contacts(uow, now, retention, batch_size=2) == 3
    assert [lead.contact is None for lead in leads] == [True, True, True, False, False]
    assert use_cases.erase_outlived_lead_contacts(uow, now, retention, batch_size=2) == 0

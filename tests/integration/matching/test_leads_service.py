"""Leads and client relationships on real members and matching services, a real broker
and database: every lead event, the conversion into a project, the relationship, the
needs-attention list and billing's invoice events."""

import json
import uuid
from datetime import UTC, date, datetime, timedelta

import pytest
from nameko.standalone.events import event_dispatcher
from sqlalchemy import select, update
from sqlalchemy.orm import sessionmaker

from infra.db import make_engine
from infra.errors import Conflict, Invalid, NotFound, ServiceError
from infra.events import envelope
from services.matching.domain import use_cases
from services.matching.models import clients, leads, meetings
from services.matching.unit_of_work import MatchingUnitOfWork
from tests.support.waiting import eventually

TODAY = date.today()
NEW_CLIENT = {"country": "NL", "vat_id": "NL004495445B01",
              "address": {"street": "Stadsplateau 1", "postal_code": "3521 AZ",
                          "city": "Utrecht"}}


def lead(skill=None, **overrides) -> dict:
    roles = [{"skill": skill, "minimum_level": 3, "hours_per_week": "24", "seats": 2}]
    return {"organisation": "Gemeente Utrecht",
            "contact": {"name": "Eva Smit", "email": "eva@utrecht.example",
                        "phone": "+31 30 286 0000"},
            "description": "A booking system for the city's sports halls.",
            "roles": roles if skill else [], "starts_on": "2027-01-04",
            "ends_on": "2027-02-26", "budget_min": "20000", "budget_max": "45000.00",
            "source": "website", **overrides}


def error_of(call) -> ServiceError:
    with pytest.raises(ServiceError) as raised:
        call()
    return raised.value


def up_to_intake(matching, lead_id: str, member_id=None) -> dict:
    matching.qualify_lead(lead_id, {"contacted_on": TODAY.isoformat(), "member_id": member_id,
                                    "notes": "Eva wants to start in January."})
    return matching.plan_intake(lead_id, {"intake_on": TODAY.isoformat()})


@pytest.fixture
def matching_db(database_urls):
    engine = make_engine(database_urls["matching"])
    yield engine
    engine.dispose()


def backdate_client(engine, client_id: str, weeks: int) -> None:
    with engine.begin() as connection:
        connection.execute(update(clients).where(clients.c.id == client_id).values(
            created_at=datetime.now(UTC) - timedelta(weeks=weeks)))


def attention_list(matching) -> dict:
    """client id → item, over every page."""
    found, cursor = {}, None
    while True:
        page = matching.needs_attention({"limit": 100, "cursor": cursor})
        found.update({item["client_id"]: item for item in page["items"]})
        cursor = page["next_cursor"]
        if cursor is None:
            return found


def test_every_step_of_a_lead_is_published_without_the_contact_person(coop, tap):
    skill = coop.new_skill()
    matching = coop.rpc.matching
    received = matching.receive_lead(lead(skill))
    assert (received["status"], received["budget_min"]) == ("received", "20000.00")
    [event] = tap.wait_for("lead_received", lead_id=received["id"])
    assert event["data"]["skills"] == [skill] and event["data"]["source"] == "website"
    assert event["subject"] == received["id"]
    ada = coop.member("Ada", {skill: 4})
    matching.qualify_lead(received["id"], {"contacted_on": TODAY.isoformat(), "member_id": ada,
                                           "notes": "Eva Smit wants a demo."})
    [qualified] = tap.wait_for("lead_qualified", lead_id=received["id"])
    assert (qualified["data"]["member_id"], qualified["data"]["contacted_on"]) == (
        ada, TODAY.isoformat())
    closed = matching.receive_lead(lead(organisation="Hoogheemraadschap"))
    matching.close_lead(closed["id"], {"reason": "Eva Smit found another supplier."})
    [closing] = tap.wait_for("lead_closed", lead_id=closed["id"])
    assert (closing["data"]["closed_from"], closing["data"]["status"]) == ("received", "closed")
    for told in (event, qualified, closing):
        text = json.dumps(told["data"])
        # the phone number whole: "286" alone also turns up in a timestamp's microseconds
        assert "Eva" not in text and "eva@" not in text and "+31 30 286 0000" not in text


def test_conversion_creates_the_project_with_its_roles_for_a_new_client(coop, tap):
    skill = coop.new_skill()
    matching = coop.rpc.matching
    received = matching.receive_lead(lead(skill))
    up_to_intake(matching, received["id"])
    result = matching.convert_lead(received["id"], {"client": NEW_CLIENT})
    project, client = result["project"], result["client"]
    assert [(r["skill"], r["minimum_level"], r["hours_per_week"], r["seats"])
            for r in project["roles"]] == [(skill, 3, "24.00", 2)]
    assert (project["starts_on"], project["ends_on"], project["budget"]) == (
        "2027-01-04", "2027-02-26", "45000.00")
    assert (client["name"], client["contact"]["email"]) == (
        "Gemeente Utrecht", "eva@utrecht.example")
    assert result["lead"]["status"] == "converted"
    assert result["lead"]["project_id"] == project["id"]
    [converted] = tap.wait_for("lead_converted", lead_id=received["id"])
    assert (converted["data"]["project_id"], converted["data"]["client_id"]) == (
        project["id"], client["id"])
    [created] = tap.wait_for("project_created", project_id=project["id"])
    assert created["data"]["roles"][0]["count"] == 2
    tap.wait_for("client_registered")
    assert matching.get_project(project["id"])["client_id"] == client["id"]
    proposal = matching.propose_team(project["id"])  # a lead's project is a project
    assert proposal["project_id"] == project["id"]


def test_a_refused_conversion_stores_nothing_and_the_lead_waits(coop):
    skill = coop.new_skill()
    matching = coop.rpc.matching
    received = matching.receive_lead(lead(skill))
    early = error_of(lambda: matching.convert_lead(received["id"], {"client": NEW_CLIENT}))
    assert isinstance(early, Conflict) and early.rule == "LeadTransitionNotAllowed"
    up_to_intake(matching, received["id"])
    before = len(matching.list_clients({"limit": 100})["items"])
    wrong = error_of(lambda: matching.convert_lead(received["id"], {
        "client": {**NEW_CLIENT, "country": "DE"},
        "project": {"ends_on": "2026-01-01"}}))
    assert isinstance(wrong, Invalid) and wrong.errors[0]["field"] == "client.vat_id"
    dates = error_of(lambda: matching.convert_lead(received["id"], {
        "client": NEW_CLIENT, "project": {"ends_on": "2026-01-01"}}))
    assert isinstance(dates, Invalid) and dates.errors[0]["field"] == "project.ends_on"
    both = error_of(lambda: matching.convert_lead(received["id"], {
        "client_id": str(uuid.uuid4()), "client": NEW_CLIENT}))
    assert isinstance(both, Invalid) and both.errors[0]["field"] == "client_id"
    assert len(matching.list_clients({"limit": 100})["items"]) == before
    assert matching.get_lead(received["id"])["status"] == "intake_planned"


def test_a_member_reaches_only_the_leads_assigned_to_them(coop):
    skill = coop.new_skill()
    matching = coop.rpc.matching
    ada, bob = coop.member("Ada", {skill: 4}), coop.member("Bob", {skill: 3})
    found = matching.receive_lead(lead(skill, source="member", found_by_member_id=ada))
    assert found["assignee_member_id"] == ada
    listed = matching.list_leads({"limit": 100}, member_scope=ada)["items"]
    assert [item["id"] for item in listed] == [found["id"]]
    assert isinstance(error_of(lambda: matching.get_lead(found["id"], member_scope=bob)),
                      NotFound)
    matching.assign_lead(found["id"], {"member_id": bob})
    assert matching.get_lead(found["id"], member_scope=bob)["assignee_member_id"] == bob
    unknown = error_of(lambda: matching.assign_lead(found["id"],
                                                    {"member_id": str(uuid.uuid4())}))
    assert isinstance(unknown, Invalid) and unknown.rule == "NotAnActiveMember"


def test_the_relationship_tells_lead_project_meetings_and_notes(coop, matching_db):
    skill = coop.new_skill()
    matching = coop.rpc.matching
    ada = coop.member("Ada", {skill: 5})
    received = matching.receive_lead(lead(skill, roles=[
        {"skill": skill, "minimum_level": 3, "hours_per_week": "16"}]))
    up_to_intake(matching, received["id"], member_id=ada)
    result = matching.convert_lead(received["id"], {"client": NEW_CLIENT})
    client_id, project_id = result["client"]["id"], result["project"]["id"]
    matching.accept_proposal(matching.propose_team(project_id)["id"])
    matching.set_relationship_owner(client_id, {"member_id": ada})
    # the introduction took place three weeks ago
    introduction = matching.list_meetings(project_id)["items"][0]
    with matching_db.begin() as connection:
        connection.execute(update(meetings).where(meetings.c.id == introduction["id"])
                           .values(scheduled_on=TODAY - timedelta(weeks=3)))
    found = matching.get_relationship(client_id, member_scope=ada)
    assert found["owner"]["member_id"] == ada
    assert found["last_contact_on"] == TODAY.isoformat()  # the lead's contact and intake
    kinds = [entry["kind"] for entry in found["entries"]]
    for kind in ("client_registered", "lead_received", "lead_qualified", "intake",
                 "lead_converted", "project_created", "team_proposed", "introduction",
                 "relationship_owner"):
        assert kind in kinds, kind
    assert [p["id"] for p in found["projects"]] == [project_id]
    assert found["next_meeting"]["kind"] == "checkin"
    note = matching.add_relationship_note(client_id, {"kind": "call", "summary": "Phase two?"},
                                          member_scope=ada)
    assert note["contacted_on"] == TODAY.isoformat()
    assert isinstance(error_of(lambda: matching.get_relationship(
        client_id, member_scope=str(uuid.uuid4()))), NotFound)


def test_needs_attention_lists_clients_without_contact_for_the_set_weeks(coop, matching_db):
    matching = coop.rpc.matching
    quiet, noted, met = coop.client("Quiet BV"), coop.client("Noted BV"), coop.client("Met BV")
    for client_id in (quiet, noted, met):
        backdate_client(matching_db, client_id, 10)
    matching.add_relationship_note(noted, {
        "contacted_on": (TODAY - timedelta(days=3)).isoformat(), "summary": "Lunch."})
    matching.add_relationship_note(met, {
        "contacted_on": (TODAY - timedelta(weeks=7)).isoformat(), "summary": "A call."})
    found = attention_list(matching)
    assert found[quiet]["last_contact_on"] is None
    assert found[quiet]["weeks_without_contact"] == 10
    assert found[met]["last_contact_on"] == (TODAY - timedelta(weeks=7)).isoformat()
    assert noted not in found
    relationship = matching.get_relationship(met)
    assert relationship["needs_attention"] and relationship["last_contact_on"] == (
        found[met]["last_contact_on"])
    assert not matching.get_relationship(noted)["needs_attention"]
    try:
        matching.change_relationship_settings({"needs_attention_after_weeks": 8})
        assert quiet in attention_list(matching) and met not in attention_list(matching)
    finally:
        matching.change_relationship_settings({"needs_attention_after_weeks": 6})
    bad = error_of(lambda: matching.change_relationship_settings(
        {"needs_attention_after_weeks": 0}))
    assert isinstance(bad, Invalid)
    assert bad.errors[0]["field"] == "needs_attention_after_weeks"


def test_invoices_from_billing_join_the_relationship_once(coop, nameko_config):
    matching = coop.rpc.matching
    client_id = coop.client("Invoiced BV")
    invoice_id = str(uuid.uuid4())
    dispatch = event_dispatcher(nameko_config)
    issued = envelope("billing", "invoice_issued", invoice_id, {
        "invoice_id": invoice_id, "number": "2027-0042", "client_id": client_id,
        "project_id": None, "issue_date": TODAY.isoformat(),
        "due_date": (TODAY + timedelta(days=30)).isoformat(), "net_total": "1000.00",
        "vat_total": "210.00", "gross_total": "1210.00", "member_ids": []})
    paid = envelope("billing", "invoice_paid", invoice_id, {
        "invoice_id": invoice_id, "number": "2027-0042", "client_id": client_id,
        "paid": "1210.00"})
    for event in (paid, issued, issued, paid):  # out of order, and delivered twice
        dispatch("billing", event["type"], event)

    def kept():
        invoices = matching.get_relationship(client_id)["invoices"]
        return invoices and invoices[0]["issue_date"] and invoices[0]["status"] == "paid" \
            and invoices
    [invoice] = eventually(kept, timeout=10)
    assert (invoice["number"], invoice["gross_total"]) == ("2027-0042", "1210.00")
    entries = [e["kind"] for e in matching.get_relationship(client_id)["entries"]]
    assert entries.count("invoice_issued") == 1 and entries.count("invoice_paid") == 1


def test_a_credit_note_joins_the_relationship_and_credits_its_invoice(coop, nameko_config):
    matching = coop.rpc.matching
    client_id = coop.client("Credited BV")
    invoice_id, note_id = str(uuid.uuid4()), str(uuid.uuid4())
    totals = {"net_total": "1000.00", "vat_total": "210.00", "gross_total": "1210.00"}
    common = {"client_id": client_id, "project_id": None, "issue_date": TODAY.isoformat(),
              "due_date": (TODAY + timedelta(days=30)).isoformat(), "member_ids": [], **totals}
    issued = envelope("billing", "invoice_issued", invoice_id, {
        "invoice_id": invoice_id, "number": "2027-0050", **common})
    credited = envelope("billing", "credit_note_issued", note_id, {
        "invoice_id": note_id, "number": "2027-0051", "credited_invoice": "2027-0050",
        "reason": "Wrong project", **common})
    dispatch = event_dispatcher(nameko_config)
    for event in (credited, issued, credited):  # out of order, and delivered twice
        dispatch("billing", event["type"], event)

    def both():
        invoices = matching.get_relationship(client_id)["invoices"]
        return len(invoices) == 2 and all(i["issue_date"] for i in invoices) and invoices
    by_number = {i["number"]: i for i in eventually(both, timeout=10)}
    assert (by_number["2027-0050"]["status"], by_number["2027-0050"]["credited"]) == (
        "credited", "1210.00")
    assert (by_number["2027-0051"]["status"], by_number["2027-0051"]["credited_invoice"]) == (
        "credit_note", "2027-0050")
    entries = [e for e in matching.get_relationship(client_id)["entries"]
               if e["kind"] == "credit_note_issued"]
    assert [e["summary"] for e in entries] == [
        "Credit note 2027-0051 on invoice 2027-0050: EUR 1210.00."]


def stored_contact(engine, lead_id: str) -> tuple:
    with engine.connect() as connection:
        row = connection.execute(select(leads).where(leads.c.id == lead_id)).one()
    return (row.contact_name, row.contact_email, row.contact_phone, row.qualification_notes)


def test_a_contact_who_asks_is_erased_and_the_open_lead_closed(coop, tap, matching_db):
    matching = coop.rpc.matching
    received = matching.receive_lead(lead())
    matching.qualify_lead(received["id"], {"contacted_on": TODAY.isoformat(),
                                           "notes": "Eva Smit, mobile 06 1234 5678."})
    erased = matching.erase_lead_contact(received["id"])
    assert (erased["contact"], erased["status"]) == (None, "closed")
    assert erased["qualification"]["notes"] == "" and erased["contact_erased_at"]
    assert matching.get_lead(received["id"]) == erased
    assert stored_contact(matching_db, received["id"]) == (None, None, None, "")
    [closing] = tap.wait_for("lead_closed", lead_id=received["id"])
    assert "Eva" not in json.dumps(closing) and "1234" not in json.dumps(closing)
    assert matching.erase_lead_contact(received["id"]) == erased
    assert isinstance(error_of(lambda: matching.erase_lead_contact(str(uuid.uuid4()))),
                      NotFound)


def test_contacts_of_leads_closed_longer_ago_than_the_retention_are_erased(coop, matching_db):
    matching = coop.rpc.matching
    old, recent, still_open = (matching.receive_lead(lead()) for _ in range(3))
    for closing in (old, recent):
        matching.close_lead(closing["id"], {"reason": "No budget."})
    with matching_db.begin() as connection:
        connection.execute(update(leads).where(leads.c.id == old["id"]).values(
            updated_at=datetime.now(UTC) - timedelta(days=366)))
    uow = MatchingUnitOfWork(sessionmaker(matching_db, expire_on_commit=False))
    assert use_cases.erase_outlived_lead_contacts(
        uow, datetime.now(UTC), timedelta(days=365)) >= 1
    assert matching.get_lead(old["id"])["contact"] is None
    assert stored_contact(matching_db, old["id"])[:3] == (None, None, None)
    for kept in (recent, still_open):
        assert matching.get_lead(kept["id"])["contact"]["name"] == "Eva Smit"

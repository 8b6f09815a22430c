"""What billing learns from matching's assignment events and members' snapshots, on a real
broker: a stand-in's assignment is a contract, an ended one takes no later hours, an
unknown one is parked; invoice lines name the member."""

import uuid
from datetime import date

import pytest
from lxml import etree
from sqlalchemy import select

from infra.errors import Invalid
from infra.handlers import ERROR_HEADER
from services.billing.models import contracts, inbox, member_names
from tests.integration.billing.conftest import member_snapshot as snapshot
from tests.integration.billing.test_reference_data import parked
from tests.support.waiting import eventually

ENDINGS = "evt-matching-assignment_ended--billing.on_assignment_ended"
UBL = {"cac": "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2",
       "cbc": "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2"}


@pytest.fixture
def members_say(announce):
    """`members_say(event_type, snapshot)`: a members event, as the members service sends it."""
    return lambda event_type, data: announce("members", event_type, data["member_id"], data)


def ending(contract: dict, ended_on: date, reason: str = "member_left") -> dict:
    return {"assignment_id": contract["id"], "project_id": contract["project_id"],
            "client_id": contract["client_id"], "member_id": contract["member_id"],
            "ended_on": ended_on.isoformat(), "reason": reason}


def test_a_stand_in_assignment_with_matchings_extra_fields_becomes_a_contract(coop):
    client_id = coop.client()
    contract = coop.contract(client_id, seat_id=str(uuid.uuid4()), role_id=str(uuid.uuid4()),
                             skill="python", kind="stand_in", hours_per_week="16.00",
                             description="Portaal — python")
    assert (contract["hourly_rate"], contract["description"], contract["ended_on"]) == (
        "85.00", "Portaal — python", None)
    assert "kind" not in contract and "seat_id" not in contract
    assert coop.approved_hours(contract, {2: "8"})[0]["status"] == "approved"


def test_an_ended_assignment_takes_no_later_hours_and_keeps_what_was_approved(
        coop, publish, billing, count_rows, year):
    contract = coop.contract(coop.client())
    approved = coop.approved_hours(contract, {2: "8", 20: "4"})
    submitted = coop.hours(contract, {23: "2"})

    event = publish("assignment_ended", contract["id"], ending(contract, date(year, 3, 15)))
    ended = eventually(lambda: billing.get_contract(contract["id"])["ended_on"], timeout=5)
    assert ended == date(year, 3, 15).isoformat()
    assert billing.get_contract(contract["id"])["end_reason"] == "member_left"

    with pytest.raises(Invalid) as raised:
        coop.hours(contract, {16: "8"})
    assert (raised.value.rule, raised.value.errors[0]["field"]) == ("DayOutsideAssignment",
                                                                    "day")
    assert coop.hours(contract, {13: "3"})[0]["status"] == "submitted"  # up to the end: fine
    entries = {e["id"]: e["status"] for e in billing.list_time_entries(
        {"contract_id": contract["id"], "limit": 100})["items"]}
    assert {entries[e["id"]] for e in approved} == {"approved"}
    assert entries[submitted[0]["id"]] == "submitted"  # the client still decides on it

    later = publish("assignment_ended", contract["id"], ending(contract, date(year, 4, 30)))
    eventually(lambda: count_rows(inbox, inbox.c.event_id == later["id"]), timeout=5)
    assert billing.get_contract(contract["id"])["ended_on"] == ended  # a later end: nothing
    publish("assignment_ended", contract["id"], ending(contract, date(year, 3, 1)))
    publish("assignment_ended", contract["id"], ending(contract, date(year, 3, 1)))  # twice
    eventually(lambda: billing.get_contract(contract["id"])["ended_on"]
               == date(year, 3, 1).isoformat(), timeout=5)
    assert count_rows(inbox, inbox.c.event_id == event["id"]) == 1


def test_the_end_of_an_assignment_billing_never_heard_of_is_parked(
        publish, billing, amqp_uri, billing_db):
    unknown = {"id": str(uuid.uuid4()), "project_id": str(uuid.uuid4()),
               "client_id": str(uuid.uuid4()), "member_id": str(uuid.uuid4())}
    event = publish("assignment_ended", unknown["id"], ending(unknown, date(2031, 3, 15)))
    message = eventually(lambda: parked(amqp_uri, ENDINGS, event["id"]), timeout=5)
    assert "UnknownAssignment" in message.headers[ERROR_HEADER]
    with billing_db.connect() as connection:
        assert connection.execute(select(contracts.c.id).where(
            contracts.c.id == unknown["id"])).first() is None


def test_invoice_lines_name_the_member_as_members_last_said(coop, billing, members_say,
                                                            billing_db):
    member_id = str(uuid.uuid4())
    members_say("member_created", snapshot(member_id, "Lotte Vissr"))
    members_say("member_updated", snapshot(member_id, "Lotte Visser", version=2))

    def stored():
        with billing_db.connect() as connection:
            return connection.execute(select(member_names).where(
                member_names.c.member_id == member_id)).first()

    eventually(lambda: stored().version == 2, timeout=5)
    client_id = coop.client()
    contract = coop.contract(client_id, member_id=member_id, description="Data engineering")
    coop.approved_hours(contract, {2: "8"})
    run = billing.run_monthly_invoicing({"month": f"{coop.year}-03",
                                         "issue_date": coop.issue_date()})
    [summary] = [i for i in run["issued"] if i["client_id"] == client_id]

    [line] = billing.get_invoice(summary["number"])["lines"]
    assert line["member_name"] == "Lotte Visser"
    assert line["description"] == f"Data engineering, {coop.year}-03 — Lotte Visser"
    ubl = etree.fromstring(billing.export_invoice_ubl(summary["number"])["content"].encode())
    assert ubl.xpath("//cac:InvoiceLine/cac:Item/cbc:Name/text()", namespaces=UBL) == [
        line["description"]]
    assert "Lotte Visser" in billing.export_invoice_html(summary["number"])["content"]

    members_say("member_erased", snapshot(member_id, "Erased member", 3, status="erased"))
    eventually(lambda: stored().version == 3, timeout=5)
    assert stored().name is None  # billing forgets the name; issued invoices keep theirs
    assert billing.get_invoice(summary["number"])["lines"][0]["member_name"] == "Lotte Visser"

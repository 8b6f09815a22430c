"""What billing learns from matching: clients (newest version wins) and contracts."""

import uuid
from datetime import date

import pytest
from kombu import Connection
from sqlalchemy import select

from infra.errors import Invalid, NotFound
from infra.handlers import ERROR_HEADER, parked_queue
from services.billing.models import clients, contracts, inbox
from services.matching.service import MatchingService
from tests.integration.billing.conftest import DUTCH_CLIENT
from tests.support.waiting import eventually

ASSIGNMENTS = "evt-matching-assignment_confirmed--billing.on_assignment_confirmed"


def stored_client(billing_db, client_id: str):
    with billing_db.connect() as connection:
        return connection.execute(select(clients).where(clients.c.id == client_id)).first()


def parked(amqp_uri: str, queue: str, event_id: str):
    with Connection(amqp_uri) as connection:
        messages = parked_queue(queue).bind(connection.channel())
        messages.declare()
        while (message := messages.get(no_ack=False)) is not None:
            if message.payload["id"] == event_id:
                message.ack()
                return message
            message.requeue()
    return None


def test_a_client_event_stores_the_party_and_only_a_newer_version_replaces_it(
        coop, publish, billing_db, count_rows):
    client_id = coop.client()
    row = stored_client(billing_db, client_id)
    assert (row.name, row.vat_id, row.kvk_number, row.street, row.version) == (
        "Gemeente Utrecht", "NL004495445B01", "30280353", "Stadsplateau 1", 1)

    newer = {**DUTCH_CLIENT, "client_id": client_id, "version": 3,
             "name": "Gemeente Utrecht (SSC)", "contact": {"name": "not billing's business"}}
    publish("client_updated", client_id, newer)
    eventually(lambda: stored_client(billing_db, client_id).version == 3, timeout=5)

    older = publish("client_updated", client_id, {**newer, "version": 2, "name": "Old name"})
    eventually(lambda: count_rows(inbox, inbox.c.event_id == older["id"]), timeout=5)
    assert (stored_client(billing_db, client_id).name,
            stored_client(billing_db, client_id).version) == ("Gemeente Utrecht (SSC)", 3)


def test_an_assignment_confirmed_by_matching_becomes_a_contract(coop, publish, year):
    client_id = coop.client()
    contract = coop.contract(client_id, rate="92.50", vat_rate="9")
    assert (contract["hourly_rate"], contract["vat_rate"], contract["fee_percent"],
            contract["development_percent"]) == ("92.50", "9", "5", "1")
    assert contract["starts_on"] == date(year, 3, 1).isoformat()
    assert contract["description"] == "Software development"
    assert contract["client_id"] == client_id


def test_an_assignment_with_an_unknown_vat_rate_is_parked_and_makes_no_contract(
        coop, publish, amqp_uri, count_rows, billing):
    assignment_id = str(uuid.uuid4())
    event = publish("assignment_confirmed", assignment_id, {
        "assignment_id": assignment_id, "member_id": str(uuid.uuid4()),
        "client_id": str(uuid.uuid4()), "project_id": str(uuid.uuid4()), "hourly_rate": "85.00",
        "starts_on": "2031-03-01", "ends_on": "2031-04-30", "vat_rate": "19"})
    message = eventually(lambda: parked(amqp_uri, ASSIGNMENTS, event["id"]), timeout=5)
    assert "is not a Dutch VAT rate" in message.headers[ERROR_HEADER]
    assert count_rows(contracts, contracts.c.id == assignment_id) == 0
    with pytest.raises(NotFound):
        billing.get_contract(assignment_id)


def test_operators_record_an_assignment_and_bad_terms_name_their_field(billing, coop):
    client_id = coop.client()
    terms = {"assignment_id": str(uuid.uuid4()), "member_id": str(uuid.uuid4()),
             "client_id": client_id, "project_id": str(uuid.uuid4()), "hourly_rate": "85.00",
             "starts_on": "2031-03-01", "ends_on": "2031-04-30"}
    for changes, field, rule in [({"vat_rate": "19"}, "vat_rate", "UnknownVatRate"),
                                 ({"hourly_rate": "-85.00"}, "hourly_rate", None),
                                 ({"hourly_rate": "85.001"}, "hourly_rate", None),
                                 ({"ends_on": "2031-02-01"}, "ends_on",
                                  "ContractDatesOutOfOrder")]:
        with pytest.raises(Invalid) as raised:
            billing.record_assignment({**terms, **changes})
        assert [e["field"] for e in raised.value.errors] == [field], changes
        assert raised.value.rule == rule
    with pytest.raises(NotFound):
        billing.get_contract(terms["assignment_id"])
    contract = billing.record_assignment(terms)
    assert (contract["id"], contract["vat_rate"]) == (terms["assignment_id"], "21")
    assert billing.record_assignment(terms) == contract  # the same assignment twice: once
    page = billing.list_contracts({"client_id": client_id})
    assert [c["id"] for c in page["items"]] == [contract["id"]]


def test_a_client_registered_in_matching_reaches_billing(run_services, rpc, billing,
                                                         billing_db):
    run_services(MatchingService)
    created = rpc.matching.create_client({
        "name": "Stadtwerke Köln GmbH", "country": "DE", "vat_id": "DE136695976",
        "address": {"street": "Parkgürtel 24", "postal_code": "50823", "city": "Köln"},
        "billing_email": "rechnung@koeln.example",
        "contact": {"name": "Eva Smit", "email": "eva@koeln.example"}})
    row = eventually(lambda: stored_client(billing_db, created["id"]), timeout=5)
    assert (row.name, row.country, row.vat_id, row.kvk_number, row.city) == (
        "Stadtwerke Köln GmbH", "DE", "DE136695976", None, "Köln")

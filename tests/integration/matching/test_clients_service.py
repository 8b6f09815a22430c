"""Client organisations in the matching service: a real nameko container, broker and database."""

import json
import uuid
from datetime import datetime

import pytest
from sqlalchemy import create_engine, func, select

from infra.errors import Invalid, NotFound
from services.matching.models import clients, outbox
from services.matching.service import MatchingService
from tests.support.broker import EventTap
from tests.support.waiting import eventually

CONTACT_DATA = ("Eva Smit", "eva.smit@utrecht.example", "+31 30 123 4567")


def new_details(**overrides) -> dict:
    return {
        "name": "Gemeente Utrecht",
        "country": "nl",
        "vat_id": "NL 0044.95.445.B01",
        "kvk_number": "30280353",
        "address": {"street": "Stadsplateau 1", "postal_code": "3521 AZ", "city": "Utrecht"},
        "billing_email": "Facturen@Utrecht.example",
        "contact": dict(zip(("name", "email", "phone"), CONTACT_DATA, strict=True)),
        **overrides,
    }


@pytest.fixture
def matching(run_services, rpc):
    run_services(MatchingService)
    return rpc.matching


@pytest.fixture
def tap(amqp_uri):
    event_tap = EventTap(amqp_uri, "matching")
    yield event_tap
    event_tap.close()


@pytest.fixture
def stored(database_urls):
    """How many clients and outbox rows the matching database holds."""
    engine = create_engine(database_urls["matching"])

    def count() -> tuple[int, int]:
        with engine.connect() as connection:
            return tuple(
                connection.execute(select(func.count()).select_from(table)).scalar()
                for table in (clients, outbox)
            )

    yield count
    engine.dispose()


def parse(timestamp: str) -> datetime:
    moment = datetime.fromisoformat(timestamp)
    assert moment.utcoffset() is not None
    return moment


def collect(tap: EventTap, how_many: int) -> list[dict]:
    events = []
    eventually(lambda: events.extend(tap.drain()) or len(events) >= how_many, timeout=5)
    return events


def test_create_get_and_update_a_client(matching):
    created = matching.create_client(new_details())
    assert uuid.UUID(created["id"])
    assert created["country"] == "NL"
    assert created["vat_id"] == "NL004495445B01"
    assert created["billing_email"] == "facturen@utrecht.example"
    assert created["is_business"] is True
    assert created["version"] == 1
    assert parse(created["created_at"]).utcoffset().total_seconds() == 0
    assert matching.get_client(created["id"]) == created

    address = {"street": "Neude 11", "postal_code": "3512 AE", "city": "Utrecht"}
    updated = matching.update_client(created["id"], {"address": address, "billing_email": None})
    assert (updated["address"], updated["billing_email"]) == (address, None)
    assert updated["version"] == 2
    assert updated["created_at"] == created["created_at"]
    assert parse(updated["updated_at"]) > parse(created["updated_at"])
    assert matching.get_client(created["id"]) == updated


def test_registration_and_changes_are_published_without_the_contact_person(matching, tap):
    created = matching.create_client(new_details())
    matching.update_client(created["id"], {"name": "Gemeente Utrecht (ICT)"})

    events = collect(tap, 2)
    assert [e["type"] for e in events] == ["client_registered", "client_updated"]
    assert all(e["subject"] == created["id"] and e["source"] == "matching" for e in events)
    assert events[0]["data"] == {
        "client_id": created["id"], "version": 1, "name": "Gemeente Utrecht", "country": "NL",
        "vat_id": "NL004495445B01", "kvk_number": "30280353", "is_business": True,
        "address": created["address"], "billing_email": "facturen@utrecht.example",
    }
    assert (events[1]["data"]["version"], events[1]["data"]["name"]) == (
        2, "Gemeente Utrecht (ICT)")
    published = json.dumps(events).lower()
    assert not any(personal.lower() in published for personal in CONTACT_DATA)


def test_a_change_that_changes_nothing_publishes_nothing(matching, tap, stored):
    created = matching.create_client(new_details())
    collect(tap, 1)
    before = stored()
    unchanged = matching.update_client(created["id"], {"name": "Gemeente Utrecht",
                                                       "country": "NL"})
    assert unchanged == created
    assert stored() == before
    assert tap.drain() == []


def test_bad_input_names_each_field_and_stores_nothing(matching, tap, stored):
    before = stored()
    details = new_details(vat_id="NL004495446B01", country="XX", shoe_size=44)
    del details["contact"]
    with pytest.raises(Invalid) as raised:
        matching.create_client(details)
    assert {e["field"] for e in raised.value.errors} == {"vat_id", "country", "shoe_size",
                                                         "contact"}
    with pytest.raises(Invalid) as raised:
        matching.create_client(new_details(contact={"name": "Eva", "mail": "eva@x.example"}))
    assert {e["field"] for e in raised.value.errors} == {"contact.email", "contact.mail"}
    assert stored() == before
    assert tap.drain() == []


def test_a_vat_id_of_another_country_is_refused_by_name(matching, tap, stored):
    before = stored()
    with pytest.raises(Invalid) as raised:
        matching.create_client(new_details(country="BE", kvk_number=None))
    assert raised.value.rule == "VatIdMustMatchCountry"
    assert [e["field"] for e in raised.value.errors] == ["vat_id"]
    assert stored() == before
    assert tap.drain() == []


def test_a_change_that_breaks_a_rule_changes_nothing(matching, tap, stored):
    created = matching.create_client(new_details())
    collect(tap, 1)
    before = stored()
    with pytest.raises(Invalid) as raised:
        matching.update_client(created["id"], {"country": "DE", "vat_id": "DE136695976"})
    assert raised.value.rule == "KvkNumberOnlyForDutchClients"
    with pytest.raises(Invalid) as raised:
        matching.update_client(created["id"], {})
    assert raised.value.errors[0]["message"] == "Give at least one field to change."
    assert matching.get_client(created["id"]) == created
    assert stored() == before
    assert tap.drain() == []


def test_unknown_client_is_not_found(matching):
    with pytest.raises(NotFound) as raised:
        matching.get_client(str(uuid.uuid4()))
    assert raised.value.rule == "ClientNotFound"
    with pytest.raises(NotFound):
        matching.update_client(str(uuid.uuid4()), {"name": "Someone"})


def test_listing_pages_through_every_client_once_in_registration_order(matching):
    created = [matching.create_client(new_details(name=f"Client {i}"))["id"] for i in range(7)]
    seen, cursor = [], None
    while True:
        page = matching.list_clients({"limit": 3, **({"cursor": cursor} if cursor else {})})
        assert len(page["items"]) <= 3
        seen.extend(item["id"] for item in page["items"])
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert len(seen) == len(set(seen))
    assert [client_id for client_id in seen if client_id in created] == created


def test_a_forged_cursor_or_bad_limit_is_invalid(matching):
    with pytest.raises(Invalid) as raised:
        matching.list_clients({"limit": 101})
    assert {e["field"] for e in raised.value.errors} == {"limit"}
    with pytest.raises(Invalid) as raised:
        matching.list_clients({"cursor": "forged"})
    assert raised.value.errors[0]["field"] == "cursor"
    assert matching.list_clients(None)["items"] is not None

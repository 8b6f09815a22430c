"""Fixtures for the billing service in a real container, on a real broker and database.

The database lives for the whole test session and a monthly run invoices every
approved hour of its month, so each test works in a year of its own (`year`):
its contracts, hours and invoice numbers do not meet another test's.
"""

import itertools
import uuid
from datetime import date

import pytest
from nameko.standalone.events import event_dispatcher
from sqlalchemy import create_engine, func, select

from infra.events import envelope
from services.billing.models import clients, ledger_entries, outbox, postings
from services.billing.service import BillingService
from tests.support.broker import EventTap
from tests.support.waiting import eventually

_YEARS = itertools.count(2031)

DUTCH_CLIENT = {
    "name": "Gemeente Utrecht", "country": "NL", "vat_id": "NL004495445B01",
    "kvk_number": "30280353", "is_business": True,
    "address": {"street": "Stadsplateau 1", "postal_code": "3521 AZ", "city": "Utrecht"},
    "billing_email": "facturen@utrecht.example",
}


@pytest.fixture
def year() -> int:
    return next(_YEARS)


@pytest.fixture
def billing(run_services, rpc):
    run_services(BillingService)
    return rpc.billing


@pytest.fixture
def publish(nameko_config):
    """`publish(event_type, subject, data)`: an event from matching, as matching sends it."""
    dispatch = event_dispatcher(nameko_config)

    def send(event_type: str, subject: str, data: dict) -> dict:
        event = envelope("matching", event_type, subject, data)
        dispatch("matching", event_type, event)
        return event

    return send


@pytest.fixture
def announce(nameko_config):
    """`announce(source, event_type, subject, data)`: an event as another service sends it
    (members' snapshots, learning's approved expenses)."""
    dispatch = event_dispatcher(nameko_config)

    def send(source: str, event_type: str, subject: str, data: dict) -> dict:
        event = envelope(source, event_type, subject, data)
        dispatch(source, event_type, event)
        return event

    return send


def member_snapshot(member_id: str, name: str, version: int = 1,
                    status: str = "active") -> dict:
    """members' public snapshot, as in `member_created` / `member_updated`."""
    return {"member_id": member_id, "version": version, "name": name, "city": "Tiel",
            "introduction": "", "hourly_rate": "85.00", "status": status, "languages": ["nl"],
            "skills": [], "joined_on": "2026-01-01", "left_on": None}


class Tap(EventTap):
    """The billing events a test caused, waited for."""

    def __init__(self, amqp_uri: str):
        super().__init__(amqp_uri, "billing")
        self.seen: list[dict] = []

    def wait_for(self, event_type: str, count: int = 1, timeout: float = 5, **data) -> list:
        def enough():
            self.seen.extend(self.drain())
            return len(self.of_type(event_type, **data)) >= count

        eventually(enough, timeout=timeout)
        return self.of_type(event_type, **data)

    def of_type(self, event_type: str, **data) -> list[dict]:
        """Each event once: delivery is at least once (e.g. two relays on one SQLite file
        while the e2e system runs too)."""
        unique = {e["id"]: e for e in self.seen if e["type"] == event_type
                  and all(e["data"].get(key) == value for key, value in data.items())}
        return list(unique.values())


@pytest.fixture
def tap(amqp_uri):
    event_tap = Tap(amqp_uri)
    yield event_tap
    event_tap.close()


@pytest.fixture
def billing_db(database_urls):
    engine = create_engine(database_urls["billing"])
    yield engine
    engine.dispose()


@pytest.fixture
def count_rows(billing_db):
    """`count_rows(table, *where)`: rows in a billing table right now."""

    def count(table, *where) -> int:
        with billing_db.connect() as connection:
            return connection.execute(
                select(func.count()).select_from(table).where(*where)).scalar()

    return count


@pytest.fixture
def written(count_rows):
    """What a failed call must leave unchanged: postings, ledger entries, outbox rows."""
    return lambda: (count_rows(postings), count_rows(ledger_entries), count_rows(outbox))


class Coop:
    """Sets up clients, contracts and approved hours the way production does: clients and
    assignments arrive as matching's events, hours through billing's RPC."""

    def __init__(self, billing, publish, count_rows, billing_db, year: int):
        self.billing = billing
        self.billing_db = billing_db
        self.publish = publish
        self.count_rows = count_rows
        self.year = year

    def client(self, **overrides) -> str:
        client_id = str(uuid.uuid4())
        data = {**DUTCH_CLIENT, "client_id": client_id, "version": 1, **overrides}
        self.publish("client_registered", client_id, data)
        eventually(lambda: self.count_rows(clients, clients.c.id == client_id), timeout=5)
        return client_id

    def contract(self, client_id: str, member_id: str | None = None, rate: str = "85.00",
                 month: int = 3, **overrides) -> dict:
        assignment_id = str(uuid.uuid4())
        data = {"assignment_id": assignment_id, "member_id": member_id or str(uuid.uuid4()),
                "client_id": client_id, "project_id": str(uuid.uuid4()), "hourly_rate": rate,
                "starts_on": date(self.year, month, 1).isoformat(),
                "ends_on": date(self.year, month + 1, 28).isoformat(),
                "description": "Software development", **overrides}
        self.publish("assignment_confirmed", assignment_id, data)
        return eventually(lambda: self.billing.get_contract(assignment_id), timeout=5)

    def hours(self, contract: dict, days: dict[int, str], month: int = 3) -> list[dict]:
        """The contract's member writes `days` ({day of month: hours}) of `month`."""
        entries = [{"day": date(self.year, month, day).isoformat(), "hours": hours}
                   for day, hours in days.items()]
        return self.billing.submit_hours(contract["id"], {"member_id": contract["member_id"],
                                                          "entries": entries})

    def approved_hours(self, contract: dict, days: dict[int, str], month: int = 3) -> list:
        entries = self.hours(contract, days, month)
        return self.billing.approve_hours({"client_id": contract["client_id"],
                                           "entry_ids": [e["id"] for e in entries]})

    def issue_date(self, month: int = 4, day: int = 1) -> str:
        return date(self.year, month, day).isoformat()


@pytest.fixture
def coop(billing, publish, count_rows, billing_db, year) -> Coop:
    return Coop(billing, publish, count_rows, billing_db, year)

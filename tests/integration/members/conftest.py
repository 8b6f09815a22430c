"""Fixtures for the members service in a real container, on a real broker and database."""

import uuid
from datetime import UTC, datetime

import pytest
from sqlalchemy import create_engine, func, select

from services.members.models import outbox
from services.members.service import MembersService
from tests.support.broker import EventTap
from tests.support.waiting import eventually

TODAY = datetime.now(UTC).date()


def new_details(**overrides) -> dict:
    return {
        "name": "Anouk de Vries",
        "email": f"anouk-{uuid.uuid4().hex[:8]}@example.nl",
        "kvk_number": "70000001",
        "btw_id": "NL100023757B01",
        "iban": "NL91 ABNA 0417 1643 00",
        "hourly_rate": "85.00",
        **overrides,
    }


@pytest.fixture
def members(run_services, rpc):
    run_services(MembersService)
    return rpc.members


class Tap(EventTap):
    """The members events a test caused, waited for."""

    def __init__(self, amqp_uri: str):
        super().__init__(amqp_uri, "members")
        self.seen: list[dict] = []

    def wait_for(self, count: int, subject: str | None = None, timeout: float = 5) -> list:
        def enough():
            self.seen.extend(self.drain())
            return len(self.about(subject)) >= count

        eventually(enough, timeout=timeout)
        return self.about(subject)

    def wait_for_type(self, event_type: str, subject: str, count: int = 1,
                      timeout: float = 5) -> list[dict]:
        def enough():
            self.seen.extend(self.drain())
            return len(self.of_type(event_type, subject)) >= count

        eventually(enough, timeout=timeout)
        return self.of_type(event_type, subject)

    def of_type(self, event_type: str, subject: str) -> list[dict]:
        return [e for e in self.about(subject) if e["type"] == event_type]

    def about(self, subject: str | None) -> list[dict]:
        return [e for e in self.seen if subject is None or e["subject"] == subject]

    def types(self, subject: str | None = None) -> list[str]:
        return [event["type"] for event in self.about(subject)]


@pytest.fixture
def tap(amqp_uri):
    event_tap = Tap(amqp_uri)
    yield event_tap
    event_tap.close()


@pytest.fixture
def members_db(database_urls):
    engine = create_engine(database_urls["members"])
    yield engine
    engine.dispose()


@pytest.fixture
def count_rows(members_db):
    """`count_rows(table, *where)`: rows in a members table right now."""

    def count(table, *where) -> int:
        with members_db.connect() as connection:
            return connection.execute(select(func.count()).select_from(table).where(*where)
                                      ).scalar()

    return count


@pytest.fixture
def outbox_count(count_rows):
    return lambda: count_rows(outbox)


@pytest.fixture
def make_active(members):
    """Create a member and make them active, as the coop's rules allow right now.

    The test database lives for the whole session, so the coop may already have
    active members: then two of them sponsor the newcomer; otherwise the newcomer
    is a founding member and needs no sponsors.
    """

    def make(**overrides) -> dict:
        member = members.create_member(new_details(**overrides))
        active = members.list_members({"status": "active", "limit": 2})["items"]
        if len(active) == 2:
            for sponsor in active:
                members.sponsor_applicant(member["id"], sponsor["id"], TODAY.isoformat(),
                                          "We had coffee.")
        return members.activate_member(member["id"])

    return make

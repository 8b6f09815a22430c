"""What happens when processes die: no event lost, none applied twice, no late execution."""

import time
import uuid

import requests
from sqlalchemy import create_engine, select

from services.matching.models import candidates, inbox
from services.members.models import members as members_table
from services.members.models import outbox
from tests.support.broker import set_write_permission
from tests.support.waiting import eventually


def new_member() -> dict:
    return {
        "name": "Joris Jansen",
        "email": f"joris-{uuid.uuid4().hex[:8]}@example.nl",
        "kvk_number": "70000004",
        "btw_id": "NL100174218B01",
        "iban": "NL44RABO0123456789",
    }


def rows(url: str, query) -> list:
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            return connection.execute(query).all()
    finally:
        engine.dispose()


def test_member_created_survives_a_crash_between_commit_and_relay(isolated_system):
    system, urls = isolated_system, isolated_system.database_urls
    api = Operator(system)
    # The broker refuses members' events, so the relay cannot publish what was committed.
    # (A fresh system: RabbitMQ caches a channel's permissions once it has published.)
    set_write_permission(system.vhost, r"^(?!members\.events$).*")
    try:
        created = api.post("/v1/members", json=new_member())
        assert created.status_code == 201, created.text
        member_id = created.json()["id"]
        unsent = select(outbox.c.event_id).where(
            outbox.c.event_type == "member_created", outbox.c.published_at.is_(None),
            outbox.c.envelope.contains(member_id))
        in_matching = select(candidates.c.member_id).where(candidates.c.member_id == member_id)
        time.sleep(1.5)  # the relay has tried (woken at commit) and been refused
        (event_id,) = rows(urls["members"], unsent)[0]
        assert rows(urls["matching"], in_matching) == []
        # ...and the members process dies before it could relay it.
        system.kill("members")
    finally:
        set_write_permission(system.vhost, ".*")

    system.start("members")
    eventually(lambda: rows(urls["matching"], in_matching), timeout=15)
    system.wait_until_ready()

    # Restarting again publishes nothing twice, and matching applied the event once.
    system.kill("members")
    system.start("members")
    system.wait_until_ready()
    time.sleep(1.5)
    handled = select(inbox.c.event_id).where(inbox.c.event_id == event_id)
    assert len(rows(urls["matching"], handled)) == 1
    assert len(rows(urls["matching"], in_matching)) == 1
    published = select(outbox.c.published_at).where(outbox.c.event_id == event_id)
    assert rows(urls["members"], published)[0].published_at is not None


class Operator:
    def __init__(self, system):
        self.system = system

    def post(self, path: str, **kwargs):
        token = self.system.env["OPERATOR_TOKEN"]
        return requests.post(self.system.url + path, timeout=15,
                             headers={"Authorization": f"Bearer {token}"}, **kwargs)


def test_a_service_that_does_not_answer_gives_504_and_the_request_never_runs_later(
    system, api, database_urls
):
    system.kill("members")
    try:
        details = new_member()
        started = time.monotonic()
        response = api.post("/v1/members", json=details)
        assert response.status_code == 504, response.text
        assert response.json()["type"] == "/problems/service-timeout"
        assert time.monotonic() - started < 10
    finally:
        system.start("members")
        system.wait_until_ready()
    time.sleep(1)
    stored = select(members_table.c.id).where(members_table.c.email == details["email"])
    assert rows(database_urls["members"], stored) == []

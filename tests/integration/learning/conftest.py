"""Fixtures for the learning service in a real container, on a real broker and database.

Other services' events are published by the tests themselves (matching and billing
do not publish them yet; members' snapshots are faked where the members service
itself is not needed).
"""

import base64
import uuid
from datetime import UTC, datetime, timedelta

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from nameko.standalone.events import event_dispatcher
from sqlalchemy import create_engine, func, select

from infra.events import envelope
from services.learning.models import members as member_views
from services.learning.models import outbox
from services.learning.service import LearningService
from tests.support.broker import EventTap
from tests.support.waiting import eventually

TODAY = datetime.now(UTC).date()
SIGNING_KEY = base64.b64encode(Ed25519PrivateKey.generate().private_bytes_raw()).decode()
SETTINGS = {"LEARNING_SIGNING_KEY": SIGNING_KEY, "LEARNING_MAX_MENTEES": 2,
            "LEARNING_YEARLY_BUDGET": "1000.00"}


def new_id() -> str:
    return str(uuid.uuid4())


@pytest.fixture
def learning_container(run_services):
    (container,) = run_services(LearningService, **SETTINGS)
    return container


@pytest.fixture
def learning(learning_container, rpc):
    return rpc.learning


@pytest.fixture
def publish(nameko_config):
    """`publish(source, type, data, subject=None)`: an event as that service would send it."""
    dispatch = event_dispatcher(nameko_config)

    def send(source: str, event_type: str, data: dict, subject: str | None = None) -> dict:
        event = envelope(source, event_type, subject or new_id(), data)
        dispatch(source, event_type, event)
        return event

    return send


@pytest.fixture
def learning_db(database_urls):
    engine = create_engine(database_urls["learning"])
    yield engine
    engine.dispose()


@pytest.fixture
def count_rows(learning_db):
    def count(table, *where) -> int:
        with learning_db.connect() as connection:
            return connection.execute(
                select(func.count()).select_from(table).where(*where)).scalar()

    return count


@pytest.fixture
def outbox_count(count_rows):
    return lambda: count_rows(outbox)


def snapshot(member_id: str, name: str, version: int = 1, status: str = "active",
             **skills) -> dict:
    """members' public snapshot; skills as `python=4` or `python=(4, 5)` (declared, verified)."""
    entries = []
    for slug, value in skills.items():
        declared, verified = value if isinstance(value, tuple) else (value, None)
        entries.append({"skill": slug.replace("_", "-"), "level": declared,
                        "years_experience": None, "wants_to_grow": False,
                        "verified_level": verified})
    return {"member_id": member_id, "version": version, "name": name, "city": "Utrecht",
            "introduction": "", "hourly_rate": "85.00", "status": status, "languages": ["nl"],
            "skills": entries, "joined_on": TODAY.isoformat(), "left_on": None,
            "changed_fields": ["skills"]}


@pytest.fixture
def known_member(publish, count_rows):
    """`known_member(name, **skills)`: a member learning has heard of from members' events."""

    def make(name: str = "Member", member_id: str | None = None, version: int = 1,
             status: str = "active", **skills) -> str:
        member_id = member_id or new_id()
        publish("members", "member_updated",
                snapshot(member_id, name, version, status, **skills), member_id)
        eventually(lambda: count_rows(member_views, member_views.c.member_id == member_id,
                                      member_views.c.version == version) == 1, timeout=5)
        return member_id

    return make


@pytest.fixture
def worked_together(publish, count_rows):
    """Confirm assignments of these members on one project that began a month ago."""
    from services.learning.models import assignments

    def confirm(*member_ids: str, client_id: str | None = None) -> str:
        project_id, client_id = new_id(), client_id or new_id()
        ids = []
        for member_id in member_ids:
            ids.append(new_id())
            publish("matching", "assignment_confirmed", {
                "assignment_id": ids[-1], "project_id": project_id, "client_id": client_id,
                "member_id": member_id, "role": "Backend developer", "skill": "python",
                "starts_on": (TODAY - timedelta(days=30)).isoformat(), "ends_on": None},
                project_id)
        eventually(lambda: count_rows(assignments, assignments.c.assignment_id.in_(ids))
                   == len(ids), timeout=5)
        return project_id

    return confirm


class Tap(EventTap):
    """The learning events a test caused, waited for."""

    def __init__(self, amqp_uri: str, source: str = "learning"):
        super().__init__(amqp_uri, source)
        self.seen: list[dict] = []

    def of_type(self, event_type: str, subject: str | None = None) -> list[dict]:
        return [e for e in self.seen
                if e["type"] == event_type and subject in (None, e["subject"])]

    def wait_for(self, event_type: str, subject: str | None = None, count: int = 1,
                 timeout: float = 5) -> list[dict]:
        def enough():
            self.seen.extend(self.drain())
            return len(self.of_type(event_type, subject)) >= count

        eventually(enough, timeout=timeout)
        return self.of_type(event_type, subject)


@pytest.fixture
def tap(amqp_uri):
    event_tap = Tap(amqp_uri)
    yield event_tap
    event_tap.close()

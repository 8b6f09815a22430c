"""The outbox relay on a real database and a real broker."""

import uuid
from datetime import UTC, datetime, timedelta

import eventlet
import pytest
from kombu import Connection, Exchange, Queue
from nameko.amqp.publish import Publisher
from sqlalchemy import delete, insert, select, update

from infra.db import make_engine
from infra.events import envelope
from infra.outbox import OutboxRelay, forget_handled_events, inbox_row, outbox_row
from services.learning.models import (  # learning's: no test here runs that service
    inbox,
    outbox,
)
from tests.support import databases


@pytest.fixture
def engine(database_urls):
    engine = make_engine(database_urls["learning"])
    with engine.begin() as connection:
        connection.execute(delete(outbox))
    yield engine
    engine.dispose()


@pytest.fixture
def sink(amqp_uri):
    exchange = Exchange(f"relay-test-{uuid.uuid4().hex[:6]}", type="topic", auto_delete=True)
    with Connection(amqp_uri) as connection:
        queue = Queue(f"sink-{uuid.uuid4().hex[:6]}", exchange=exchange, routing_key="#",
                      exclusive=True, auto_delete=True).bind(connection.channel())
        queue.declare()
        publisher = Publisher(amqp_uri, declare=[exchange])

        def publish(event):
            publisher.publish(event, exchange=exchange, routing_key=event["type"])

        def received():
            payloads = []
            while (message := queue.get(no_ack=True)) is not None:
                payloads.append(message.payload)
            return payloads

        yield publish, received


def write_events(engine, count: int) -> list[dict]:
    events = [envelope("learning", "thing_happened", str(n), {"n": n}) for n in range(count)]
    with engine.begin() as connection:
        connection.execute(insert(outbox), [outbox_row(event) for event in events])
    return events


def test_the_relay_publishes_committed_rows_in_order_and_marks_them_sent(engine, sink):
    publish, received = sink
    events = write_events(engine, 450)
    assert OutboxRelay(engine, outbox, publish, batch_size=200).drain() == 450
    assert [event["id"] for event in received()] == [event["id"] for event in events]
    with engine.connect() as connection:
        unsent = connection.execute(select(outbox).where(outbox.c.published_at.is_(None))).all()
    assert unsent == []
    assert OutboxRelay(engine, outbox, publish).drain() == 0


def test_a_failed_publish_leaves_the_batch_unsent_for_the_next_try(engine, sink):
    publish, received = sink
    write_events(engine, 3)
    attempts = []

    def flaky(event):
        attempts.append(event)
        if len(attempts) == 2:
            raise ConnectionError("broker went away")
        publish(event)

    with pytest.raises(ConnectionError):
        OutboxRelay(engine, outbox, flaky).drain()
    assert OutboxRelay(engine, outbox, publish).drain() == 3
    assert len(received()) == 4  # at least once: the first one went out twice


@pytest.mark.skipif(databases.backend() != "postgresql",
                    reason="several relays per database is a PostgreSQL deployment; "
                           "SQLite runs one process per service")
def test_concurrent_relays_share_a_backlog_without_publishing_twice(engine, sink):
    publish, received = sink
    write_events(engine, 1000)

    def slow_publish(event):
        publish(event)
        eventlet.sleep(0)  # let the other relay run while this one holds its batch

    relays = [OutboxRelay(engine, outbox, slow_publish, batch_size=50) for _ in range(3)]
    sent = [thread.wait() for thread in [eventlet.spawn(relay.drain) for relay in relays]]
    assert sum(sent) == 1000
    assert all(count > 0 for count in sent)
    ids = [event["id"] for event in received()]
    assert len(ids) == len(set(ids)) == 1000


def test_published_rows_are_pruned_after_the_retention_and_unsent_ones_never(engine, sink):
    publish, _ = sink
    old, recent, unsent = write_events(engine, 3)
    long_ago = datetime.now(UTC) - timedelta(days=30)
    with engine.begin() as connection:
        connection.execute(update(outbox).where(outbox.c.event_id == old["id"])
                           .values(published_at=long_ago))
        connection.execute(update(outbox).where(outbox.c.event_id == recent["id"])
                           .values(published_at=datetime.now(UTC)))
    assert OutboxRelay(engine, outbox, publish).prune(timedelta(days=7)) == 1
    with engine.connect() as connection:
        left = {row.event_id for row in connection.execute(select(outbox.c.event_id))}
    assert left == {recent["id"], unsent["id"]}


def test_handled_events_are_forgotten_after_the_inbox_retention(engine):
    events = [envelope("members", "member_updated", str(n), {"n": n}) for n in range(3)]
    old, recent, today = ({**inbox_row(event)} for event in events)
    old["handled_at"] = datetime.now(UTC) - timedelta(days=91)
    recent["handled_at"] = datetime.now(UTC) - timedelta(days=89)
    with engine.begin() as connection:
        connection.execute(insert(inbox), [old, recent, today])
    assert forget_handled_events(engine, inbox, timedelta(days=90)) == 1
    with engine.connect() as connection:
        left = {row.event_id for row in connection.execute(
            select(inbox.c.event_id).where(inbox.c.event_id.in_(
                [str(event["id"]) for event in events])))}
    assert left == {recent["event_id"], today["event_id"]}

"""Outbox relay throughput against publishing the same events straight to the broker.

The relay reads committed rows, publishes each with publisher confirms and marks
them sent; the baseline publishes the same envelopes with the same publisher and
no database. Both run on the local broker in a throwaway vhost-free exchange and a
temporary SQLite database. Target: the relay costs at most 3x a bare publish.
"""

import tempfile
import time
import uuid
from pathlib import Path

from kombu import Connection, Exchange, Queue
from nameko.amqp.publish import Publisher
from sqlalchemy import MetaData, insert

from infra import config
from infra.db import make_engine
from infra.events import envelope
from infra.outbox import OutboxRelay, outbox_row, outbox_table

EVENTS = 2000
TARGET_RATIO = 3.0


def _events() -> list[dict]:
    return [envelope("bench", "thing_happened", str(uuid.uuid4()), {"n": n}) for n in range(EVENTS)]


def main() -> None:
    amqp_uri = config.amqp_uri()
    exchange = Exchange(f"bench-{uuid.uuid4().hex[:6]}.events", type="topic", durable=False,
                        auto_delete=True)
    publisher = Publisher(amqp_uri, declare=[exchange])
    with Connection(amqp_uri) as connection:
        sink = Queue(f"bench-sink-{uuid.uuid4().hex[:6]}", exchange=exchange, routing_key="#",
                     exclusive=True, auto_delete=True)
        sink.bind(connection.channel()).declare()

        def publish(event):
            publisher.publish(event, exchange=exchange, routing_key=event["type"])

        started = time.perf_counter()
        for event in _events():
            publish(event)
        baseline = time.perf_counter() - started

        with tempfile.TemporaryDirectory() as folder:
            engine = make_engine(f"sqlite:///{Path(folder) / 'bench.db'}")
            outbox = outbox_table(MetaData())
            outbox.metadata.create_all(engine)
            with engine.begin() as db:
                db.execute(insert(outbox), [outbox_row(event) for event in _events()])
            relay = OutboxRelay(engine, outbox, publish)
            started = time.perf_counter()
            sent = relay.drain()
            relayed = time.perf_counter() - started
            engine.dispose()
        assert sent == EVENTS, sent

    ratio = relayed / baseline
    print(
        f"outbox relay: {EVENTS / relayed:,.0f} events/s; bare publish: {EVENTS / baseline:,.0f} "
        f"events/s; ratio {ratio:.2f}x (target <= {TARGET_RATIO:.1f}x) "
        f"{'OK' if ratio <= TARGET_RATIO else 'SLOWER THAN TARGET'}"
    )

"""Transactional outbox and inbox.

A use case writes its events into the `outbox` table in the same transaction as
its state change. The relay publishes unsent rows in insertion order and marks
them sent, so an event leaves the service if and only if its change committed
(at-least-once). Handlers record each handled event id in `inbox` in the same
transaction as their effect, so a redelivered event changes nothing.
"""

import json
import logging
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from sqlalchemy import Column, MetaData, String, Table, Text, delete, select, update
from sqlalchemy.engine import Engine

from infra.sql_types import SequenceKey, UtcDateTime

log = logging.getLogger(__name__)

def outbox_table(metadata: MetaData) -> Table:
    return Table(
        "outbox",
        metadata,
        Column("seq", SequenceKey, primary_key=True, autoincrement=True),
        Column("event_id", String(36), nullable=False, unique=True),
        Column("event_type", String(100), nullable=False),
        Column("envelope", Text, nullable=False),
        Column("created_at", UtcDateTime(), nullable=False),
        Column("published_at", UtcDateTime(), nullable=True, index=True),
    )


def inbox_table(metadata: MetaData) -> Table:
    return Table(
        "inbox",
        metadata,
        Column("event_id", String(36), primary_key=True),
        Column("event_type", String(100), nullable=False),
        Column("source", String(200), nullable=False),
        Column("handled_at", UtcDateTime(), nullable=False),
    )


def outbox_row(event: dict) -> dict:
    return {
        "event_id": event["id"],
        "event_type": event["type"],
        "envelope": json.dumps(event, separators=(",", ":")),
        "created_at": datetime.now(UTC),
        "published_at": None,
    }


def forget_handled_events(engine: Engine, inbox: Table, retention: timedelta) -> int:
    """Delete the inbox rows of events handled more than `retention` ago; returns how many.

    An inbox row has to outlive every redelivery of its event (the broker's, within
    minutes; an outbox relay publishing again after a crash; an operator replaying a
    parked message days later), not the service: kept for ever, the table only grows.
    """
    cutoff = datetime.now(UTC) - retention
    with engine.begin() as connection:
        return connection.execute(delete(inbox).where(inbox.c.handled_at < cutoff)).rowcount


def inbox_row(event: dict) -> dict:
    return {
        "event_id": str(event["id"]),
        "event_type": event["type"],
        "source": event["source"],
        "handled_at": datetime.now(UTC),
    }


class OutboxRelay:
    """Publishes committed outbox rows, oldest first, in batches.

    Several relays may drain one PostgreSQL database at once: each batch is
    claimed with `FOR UPDATE SKIP LOCKED`. A row is marked sent only after the
    broker confirmed it; a crash in between publishes it again (consumers dedupe).
    """

    def __init__(self, engine: Engine, outbox: Table, publish: Callable[[dict], None],
                 batch_size: int = 200):
        self.engine = engine
        self.outbox = outbox
        self.publish = publish
        self.batch_size = batch_size

    def drain(self) -> int:
        """Publish every unsent row; returns how many were sent."""
        sent = 0
        while True:
            batch = self._relay_batch()
            sent += batch
            if batch < self.batch_size:
                return sent

    def _relay_batch(self) -> int:
        unsent = (
            select(self.outbox.c.seq, self.outbox.c.envelope)
            .where(self.outbox.c.published_at.is_(None))
            .order_by(self.outbox.c.seq)
            .limit(self.batch_size)
        )
        if self.engine.dialect.name == "postgresql":
            # Claim the batch so that other relays skip it while we publish.
            with self.engine.begin() as connection:
                rows = connection.execute(unsent.with_for_update(skip_locked=True)).all()
                self._publish(rows)
                self._mark_sent(connection, rows)
        else:
            # SQLite: one relay per database file. Holding a transaction while
            # publishing would make a writer's busy-wait block the eventlet hub.
            with self.engine.begin() as connection:
                rows = connection.execute(unsent).all()
            self._publish(rows)
            with self.engine.begin() as connection:
                self._mark_sent(connection, rows)
        return len(rows)

    def prune(self, retention: timedelta) -> int:
        """Delete rows published more than `retention` ago; returns how many.

        Published rows only serve debugging once the broker confirmed them, and they
        hold event data (names, for example) that should not be kept for ever.
        """
        cutoff = datetime.now(UTC) - retention
        with self.engine.begin() as connection:
            result = connection.execute(
                delete(self.outbox).where(self.outbox.c.published_at < cutoff))
        return result.rowcount

    def _publish(self, rows) -> None:
        for row in rows:
            self.publish(json.loads(row.envelope))

    def _mark_sent(self, connection, rows) -> None:
        if rows:
            connection.execute(
                update(self.outbox)
                .where(self.outbox.c.seq.in_([row.seq for row in rows]))
                .values(published_at=datetime.now(UTC))
            )

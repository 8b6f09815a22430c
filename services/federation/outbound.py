"""The relay that delivers queued events to partners, signed, with publisher confirms.

`send` commits a row to `outbound_events`; the relay, woken right after that commit and
otherwise every second, takes unsent rows oldest first, signs each at that moment (so the
partner's 5-minute window starts when the message leaves, not when it was queued),
publishes it to the partner's inbound exchange as a persistent, mandatory message on a
channel with publisher confirms, and marks it sent only once the partner's broker
confirmed it. A crash in between sends it again; the partner drops the second copy as a
replay of an id it already accepted, so the effect happens once.

A partner that cannot be reached (or refuses) holds back only its own rows: the relay
records the error, waits longer each time (up to 5 minutes) and keeps that partner's
order. On PostgreSQL several replicas share the work: a batch is claimed with
`FOR UPDATE SKIP LOCKED`. On SQLite (one process) each row is marked in its own short
transaction, as infra's relay does.
"""

import contextlib
import logging
import time
from datetime import UTC, datetime, timedelta

import eventlet
from eventlet.queue import Empty, LightQueue
from kombu import Connection, Producer
from nameko.extensions import DependencyProvider
from sqlalchemy import or_, select, update
from sqlalchemy.engine import Engine

from infra import config
from infra.db import make_engine
from services.federation.domain.cloud_event import CONTENT_TYPE
from services.federation.domain.keys import KeyPair
from services.federation.domain.signing import sign
from services.federation.models import outbound_events, partners
from services.federation.signing_key import our_keys

log = logging.getLogger(__name__)

MAX_BACKOFF_SECONDS = 300
CONFIRM_TIMEOUT_SECONDS = 10


class PartnerBrokers:
    """One connection per partner broker, kept open between messages; dropped on error."""

    def __init__(self):
        self._connections: dict[str, Connection] = {}

    def publish(self, uri: str, exchange: str, routing_key: str, body: bytes,
                headers: dict, message_id: str) -> None:
        connection = self._connections.get(uri)
        if connection is None:
            connection = Connection(uri, connect_timeout=5, transport_options={
                "confirm_publish": True, "max_retries": 1})
            self._connections[uri] = connection
        try:
            Producer(connection.default_channel).publish(
                body, exchange=exchange, routing_key=routing_key, headers=headers,
                content_type=CONTENT_TYPE, content_encoding="utf-8", delivery_mode=2,
                mandatory=True, message_id=message_id, retry=False,
                timeout=CONFIRM_TIMEOUT_SECONDS, confirm_timeout=CONFIRM_TIMEOUT_SECONDS)
        except Exception:
            self.discard(uri)
            raise

    def discard(self, uri: str) -> None:
        connection = self._connections.pop(uri, None)
        if connection is not None:
            with contextlib.suppress(Exception):
                connection.release()

    def close(self) -> None:
        for uri in list(self._connections):
            self.discard(uri)


class OutboundRelay:
    def __init__(self, engine: Engine, key: KeyPair, brokers: PartnerBrokers,
                 batch_size: int = 50, clock=time.time):
        self.engine = engine
        self.key = key
        self.brokers = brokers
        self.batch_size = batch_size
        self.clock = clock

    def drain(self) -> int:
        """Send every due row; returns how many were sent."""
        sent = 0
        while True:
            batch, attempted = self._relay_batch()
            sent += batch
            if attempted < self.batch_size or batch == 0:
                return sent

    def _due(self):
        now = datetime.now(UTC)
        return (
            select(outbound_events.c.seq, outbound_events.c.event_id,
                   outbound_events.c.partner_id, outbound_events.c.event_type,
                   outbound_events.c.body, outbound_events.c.attempts,
                   partners.c.address_uri, partners.c.address_exchange)
            .join(partners, partners.c.id == outbound_events.c.partner_id)
            .where(outbound_events.c.sent_at.is_(None),
                   or_(outbound_events.c.next_attempt_at.is_(None),
                       outbound_events.c.next_attempt_at <= now))
            .order_by(outbound_events.c.seq)
            .limit(self.batch_size)
        )

    def _relay_batch(self) -> tuple[int, int]:
        if self.engine.dialect.name == "postgresql":
            # Claim the batch so that other replicas' relays skip it while we send.
            with self.engine.begin() as connection:
                claim = self._due().with_for_update(skip_locked=True, of=outbound_events)
                rows = connection.execute(claim).all()
                sent = self._send_all(rows, lambda: contextlib.nullcontext(connection))
            return sent, len(rows)
        with self.engine.begin() as connection:
            rows = connection.execute(self._due()).all()
        return self._send_all(rows, self.engine.begin), len(rows)

    def _send_all(self, rows, transaction) -> int:
        sent, held_back = 0, set()
        for row in rows:
            if row.partner_id in held_back:
                continue
            try:
                self._send(row)
            except Exception as error:
                held_back.add(row.partner_id)
                with transaction() as connection:
                    self._hold_back(connection, row, error)
                continue
            with transaction() as connection:
                connection.execute(update(outbound_events)
                                   .where(outbound_events.c.seq == row.seq)
                                   .values(sent_at=datetime.now(UTC), last_error=None))
            sent += 1
        return sent

    def _send(self, row) -> None:
        body = row.body.encode("utf-8")
        headers = sign(row.event_id, int(self.clock()), body, self.key)
        self.brokers.publish(row.address_uri, row.address_exchange, row.event_type, body,
                             headers, row.event_id)

    def _hold_back(self, connection, row, error: Exception) -> None:
        """Record the failure and delay every unsent row of this partner, keeping order."""
        attempts = row.attempts + 1
        delay = min(2 ** attempts, MAX_BACKOFF_SECONDS)
        message = f"{type(error).__name__}: {error}"[:500]
        log.warning("could not deliver %s to partner %s (attempt %d), retrying in %d s: %s",
                    row.event_id, row.partner_id, attempts, delay, message,
                    extra={"event_id": row.event_id})
        connection.execute(update(outbound_events).where(outbound_events.c.seq == row.seq)
                           .values(attempts=attempts, last_error=message))
        connection.execute(
            update(outbound_events)
            .where(outbound_events.c.partner_id == row.partner_id,
                   outbound_events.c.sent_at.is_(None))
            .values(next_attempt_at=datetime.now(UTC) + timedelta(seconds=delay)))


class PartnerOutbox(DependencyProvider):
    """Runs the relay in the service; `wake()` after a commit sends at once."""

    def __init__(self, poll_interval: float = 1.0):
        self.poll_interval = poll_interval

    def setup(self):
        service = self.container.service_name
        url = self.container.config.get(f"{service.upper()}_DATABASE_URL") or \
            config.database_url(service)
        self.engine = make_engine(url)
        self.brokers = PartnerBrokers()
        self.relay = OutboundRelay(self.engine, our_keys(self.container.config).current,
                                   self.brokers)
        self._wake_up = LightQueue(maxsize=1)
        self._running = False

    def start(self):
        self._running = True
        self.container.spawn_managed_thread(self._relay_forever,
                                            identifier="federation.outbound")

    def stop(self):
        self._running = False
        self.wake()

    def kill(self):
        self._running = False

    def get_dependency(self, worker_ctx):
        return self

    def wake(self) -> None:
        if self._wake_up.empty():
            self._wake_up.put_nowait(True)

    def _relay_forever(self):
        try:
            while self._running:
                try:
                    self.relay.drain()
                except Exception:
                    log.exception("federation outbound relay failed; retrying")
                    eventlet.sleep(self.poll_interval)
                with contextlib.suppress(Empty):
                    self._wake_up.get(timeout=self.poll_interval)
        finally:
            self.brokers.close()
            self.engine.dispose()

"""Database access for a nameko service: engine, unit of work, DependencyProvider.

Each service owns one database; its URL comes from `<SERVICE>_DATABASE_URL`
(nameko config or environment), defaulting to a SQLite file under var/.

A unit of work is one transaction. Use cases call `uow.commit()` explicitly, so
the change is durable before the RPC reply leaves (nameko sends the reply before
DependencyProvider.worker_result runs, which is too late to commit in). Leaving
the `with` block without committing rolls everything back, events included.
"""

import contextlib
import logging
import time
from collections.abc import Callable
from pathlib import Path

import eventlet
from eventlet.queue import Empty, LightQueue
from nameko.amqp.publish import Publisher
from nameko.constants import AMQP_URI_CONFIG_KEY
from nameko.extensions import DependencyProvider
from nameko.standalone.events import get_event_exchange
from sqlalchemy import MetaData, create_engine, event, insert, select
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from infra import config
from infra.errors import Conflict
from infra.events import envelope
from infra.outbox import OutboxRelay, forget_handled_events, inbox_row, outbox_row

log = logging.getLogger(__name__)


def make_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        database = make_url(url).database
        if database and database != ":memory:":
            Path(database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": 30})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True, pool_size=10, max_overflow=20)


def _unicode_lower(text):
    return None if text is None else str(text).lower()


def _sqlite_pragmas(dbapi_connection, _record):
    # SQLite's own lower() knows only ASCII; PostgreSQL's (and Python's) every letter, so
    # a case-insensitive search finds "Émile" on both databases
    dbapi_connection.create_function("lower", 1, _unicode_lower, deterministic=True)
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.close()


class SqlUnitOfWork:
    """One transaction; repositories hang off it; events go to the outbox.

    Subclasses set `metadata` (holding `outbox` and `inbox` tables), `source` (the
    service name) and `event_schemas` (event type → marshmallow schema dumping
    the domain event), and build their repositories in `_open`.
    """

    metadata: MetaData
    source: str
    event_schemas: dict = {}

    def __init__(self, session_factory: Callable[[], Session],
                 on_commit: Callable[[], None] = lambda: None):
        self._session_factory = session_factory
        self._on_commit = on_commit
        self.session: Session | None = None

    def __enter__(self):
        self.session = self._session_factory()
        self._open(self.session)
        return self

    def __exit__(self, exc_type, error, traceback):
        self.session.rollback()
        self.session.close()
        if isinstance(error, IntegrityError):  # raised by an insert before any commit
            raise _conflict() from error

    def _open(self, session: Session) -> None:
        """Create repositories on `session`."""

    def publish(self, domain_event) -> None:
        schema = self.event_schemas[domain_event.type]
        data = schema.dump(domain_event)
        event = envelope(self.source, domain_event.type, domain_event.subject, data)
        self.session.execute(insert(self.metadata.tables["outbox"]).values(outbox_row(event)))

    def already_handled(self, event: dict) -> bool:
        inbox = self.metadata.tables["inbox"]
        query = select(inbox.c.event_id).where(inbox.c.event_id == str(event["id"]))
        return self.session.execute(query).first() is not None

    def mark_handled(self, event: dict) -> None:
        self.session.execute(insert(self.metadata.tables["inbox"]).values(inbox_row(event)))

    def commit(self) -> None:
        try:
            self.session.commit()
        except IntegrityError as error:
            self.session.rollback()
            raise _conflict() from error
        self._on_commit()


def _conflict() -> Conflict:
    """A unique or foreign-key constraint refused the change (e.g. two requests racing)."""
    return Conflict("The change conflicts with data that already exists.")


class Database(DependencyProvider):
    """Gives each worker a unit of work and relays the service's outbox.

    The relay wakes right after every commit and otherwise polls every
    `poll_interval` seconds as a safety net (e.g. rows left by a crash). About once
    an hour it deletes rows published longer ago than OUTBOX_RETENTION_DAYS, and inbox
    rows of events handled longer ago than INBOX_RETENTION_DAYS.
    """

    prune_every = 3600.0

    def __init__(self, unit_of_work_class: type[SqlUnitOfWork], poll_interval: float = 1.0):
        self.unit_of_work_class = unit_of_work_class
        self.poll_interval = poll_interval

    def setup(self):
        service = self.container.service_name
        url = self.container.config.get(f"{service.upper()}_DATABASE_URL") or config.database_url(
            service
        )
        self.engine = make_engine(url)
        self.session_factory = sessionmaker(self.engine, expire_on_commit=False)
        exchange = get_event_exchange(service, self.container.config)
        publisher = Publisher(self.container.config[AMQP_URI_CONFIG_KEY], declare=[exchange])
        outbox = self.unit_of_work_class.metadata.tables["outbox"]
        self.inbox = self.unit_of_work_class.metadata.tables["inbox"]
        self.inbox_retention = config.inbox_retention(
            self.container.config.get("INBOX_RETENTION_DAYS"))
        self.relay = OutboxRelay(
            self.engine,
            outbox,
            lambda event: publisher.publish(event, exchange=exchange, routing_key=event["type"]),
        )
        self._wake_up = LightQueue(maxsize=1)
        self._running = False

    def start(self):
        self._running = True
        self.container.spawn_managed_thread(self._relay_forever)

    def stop(self):
        self._running = False
        self.wake_relay()
        self.engine.dispose()

    def kill(self):
        self._running = False
        self.engine.dispose()

    def get_dependency(self, worker_ctx):
        return self.unit_of_work_class(self.session_factory, on_commit=self.wake_relay)

    def wake_relay(self):
        if self._wake_up.empty():
            self._wake_up.put_nowait(True)

    def _relay_forever(self):
        backoff = self.poll_interval
        pruned_at = 0.0
        while self._running:
            try:
                self.relay.drain()
                if time.monotonic() - pruned_at > self.prune_every:
                    self.relay.prune(config.outbox_retention())
                    forget_handled_events(self.engine, self.inbox, self.inbox_retention)
                    pruned_at = time.monotonic()
                backoff = self.poll_interval
            except Exception:
                log.exception("outbox relay failed; retrying in %.1f s", backoff)
                eventlet.sleep(backoff)
                backoff = min(backoff * 2, 30.0)
                continue
            with contextlib.suppress(Empty):
                self._wake_up.get(timeout=self.poll_interval)

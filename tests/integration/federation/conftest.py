"""Two coops side by side: each its own RabbitMQ vhost, federation database and key.

Coop A runs in the session's vhost and database, coop B in a vhost and database of its
own (created for the test and removed afterwards). Coop URIs are unique per test, so
that registrations in the session's database never clash.
"""

import base64
import uuid
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import pytest
from kombu import Connection, Exchange, Producer, Queue
from nameko.containers import ServiceContainer
from nameko.standalone.rpc import ClusterRpcProxy
from sqlalchemy import create_engine, func, select

from infra.topology import declare
from services.federation.domain.keys import KeyPair
from services.federation.models import outbound_events, received_events
from services.federation.service import FederationService
from services.federation.topology import REJECTION_HEADER, inbound_topology
from tests.support import databases
from tests.support.broker import EventTap, fresh_vhost
from tests.support.waiting import eventually

INBOUND = "federation.inbound"


@dataclass
class Coop:
    """One coop's federation service, its broker vhost, database and signing key."""

    coop_uri: str
    amqp_uri: str
    database_url: str
    key: KeyPair
    var_dir: str
    containers: list = field(default_factory=list)

    @property
    def config(self) -> dict:
        return {"AMQP_URI": self.amqp_uri, "FEDERATION_DATABASE_URL": self.database_url,
                "COOP_URI": self.coop_uri, "MULTITALENT_VAR_DIR": self.var_dir,
                "FEDERATION_SIGNING_KEY": base64.b64encode(
                    self.key.private_key.private_bytes_raw()).decode()}

    def start(self) -> None:
        # as `deploy.declare_queues` does at deploy time
        declare(inbound_topology(INBOUND).queues, self.amqp_uri)
        container = ServiceContainer(FederationService, self.config)
        container.start()
        self.containers.append(container)

    def kill(self) -> None:
        """As abrupt as nameko allows in-process: every thread killed, nothing finished."""
        self.containers.pop().kill()

    def stop_all(self) -> None:
        while self.containers:
            self.kill()

    @contextmanager
    def rpc(self):
        with ClusterRpcProxy(self.config, timeout=10) as proxy:
            yield proxy.federation

    def address_for_partners(self, user: str = "guest", password: str = "guest") -> dict:
        parts = urlsplit(self.amqp_uri)
        uri = f"amqp://{user}:{password}@{parts.hostname}:{parts.port}{parts.path}"
        return {"uri": uri, "exchange": INBOUND}

    def identity_as_partner(self, accepted, shared, **address) -> dict:
        with self.rpc() as federation:
            identity = federation.our_identity()
        return {"coop_uri": identity["coop_uri"], "name": f"Coop {identity['coop_uri']}",
                "public_keys": [key["public_key"] for key in identity["public_keys"]],
                "address": self.address_for_partners(**address),
                "accepted_types": list(accepted), "shared_types": list(shared)}

    # --- looking inside -------------------------------------------------------------------

    def count(self, table, *where) -> int:
        engine = create_engine(self.database_url)
        try:
            with engine.connect() as connection:
                return connection.execute(
                    select(func.count()).select_from(table).where(*where)).scalar()
        finally:
            engine.dispose()

    def received(self, event_id: str | None = None) -> int:
        where = [received_events.c.event_id == event_id] if event_id else []
        return self.count(received_events, *where)

    def unsent(self, event_id: str) -> bool:
        return self.count(outbound_events, outbound_events.c.event_id == event_id,
                          outbound_events.c.sent_at.is_(None)) == 1

    def publish_inbound(self, body: bytes, headers: dict, routing_key: str = "x") -> None:
        """As a partner (or an attacker with broker access) would."""
        with Connection(self.amqp_uri, transport_options={"confirm_publish": True}) as conn:
            Producer(conn.channel()).publish(
                body, exchange=Exchange(INBOUND, type="topic", durable=True),
                routing_key=routing_key, headers=headers, declare=[],
                content_type="application/cloudevents+json", content_encoding="utf-8",
                delivery_mode=2, mandatory=True)

    def dead_letters(self) -> list[dict]:
        """Every rejected message so far (taken off the queue)."""
        letters = []
        with Connection(self.amqp_uri) as conn:
            queue = Queue(f"{INBOUND}.rejected", durable=True).bind(conn.channel())
            queue.declare()
            while (message := queue.get(no_ack=True)) is not None:
                body = message.body  # py-amqp decodes a body that names its encoding
                body = body.encode(message.content_encoding) if isinstance(body, str) else body
                letters.append({"rule": message.headers[REJECTION_HEADER],
                                "headers": message.headers, "body": body})
        return letters

    def wait_for_dead_letters(self, count: int, timeout: float = 10) -> list[dict]:
        letters = []

        def enough():
            letters.extend(self.dead_letters())
            return len(letters) >= count

        eventually(enough, timeout=timeout, interval=0.1)
        return letters


@pytest.fixture
def coops(nameko_config, database_urls, tmp_path, docker_services):
    """(A, B): A in the session's vhost and database, B in its own; both running."""
    with ExitStack() as stack:
        _vhost, uri_b = stack.enter_context(fresh_vhost())
        url_b = stack.enter_context(databases.fresh_database("federation", tmp_path))
        suffix = uuid.uuid4().hex[:8]
        a = Coop(f"https://coop-a-{suffix}.example/", nameko_config["AMQP_URI"],
                 database_urls["federation"], KeyPair.generate(), str(tmp_path / "a"))
        b = Coop(f"https://coop-b-{suffix}.example/", uri_b, url_b, KeyPair.generate(),
                 str(tmp_path / "b"))
        stack.callback(a.stop_all)
        stack.callback(b.stop_all)
        b.start()
        a.start()
        a.dead_letters()  # earlier tests' leftovers in the session's vhost
        yield a, b


class PartnerEventTap(EventTap):
    """Partners' events as re-published by federation; the registry's own events
    (`partner_registered`, `partner_updated`: for billing) are left out."""

    def drain(self) -> list[dict]:
        return [e for e in super().drain()
                if e["type"] not in ("partner_registered", "partner_updated")]


@pytest.fixture
def tap_b(coops):
    _, b = coops
    tap = PartnerEventTap(b.amqp_uri, "federation")
    yield tap
    tap.close()

"""A RabbitMQ vhost of its own for each test session."""

import shutil
import socket
import subprocess
import uuid
from contextlib import contextmanager
from urllib.parse import quote

RABBIT_HOST = "127.0.0.1"
RABBIT_PORT = 5672


def reachable(host: str, port: int, timeout: float = 2.0) -> bool:
    try:
        with socket.create_connection((host, port), timeout=timeout):
            return True
    except OSError:
        return False


def rabbitmqctl(*args: str) -> None:
    subprocess.run(["rabbitmqctl", "-q", *args], check=True, capture_output=True, timeout=60)


def set_write_permission(vhost: str, write_pattern: str) -> None:
    """Change what `guest` may publish to in `vhost` (used to make the broker refuse events)."""
    rabbitmqctl("set_permissions", "-p", vhost, "guest", ".*", write_pattern, ".*")


@contextmanager
def fresh_vhost():
    """Yield (vhost, amqp_uri) for a new vhost, deleted afterwards."""
    if shutil.which("rabbitmqctl") is None:
        raise RuntimeError("rabbitmqctl is needed to create a test vhost")
    vhost = f"mt-test-{uuid.uuid4().hex[:10]}"
    rabbitmqctl("add_vhost", vhost)
    try:
        set_write_permission(vhost, ".*")
        yield vhost, f"amqp://guest:guest@{RABBIT_HOST}:{RABBIT_PORT}/{quote(vhost, safe='')}"
    finally:
        rabbitmqctl("delete_vhost", vhost)


class EventTap:
    """A private queue bound to `<source>.events`: what a service really published."""

    def __init__(self, amqp_uri: str, source: str, routing_key: str = "#"):
        from kombu import Connection, Exchange, Queue

        self.connection = Connection(amqp_uri)
        exchange = Exchange(f"{source}.events", type="topic", durable=True)
        self.queue = Queue(f"tap-{uuid.uuid4().hex[:8]}", exchange=exchange,
                           routing_key=routing_key, exclusive=True, auto_delete=True)
        self.queue = self.queue.bind(self.connection.channel())
        self.queue.declare()

    def drain(self) -> list[dict]:
        """Every event that arrived since the last call."""
        events = []
        while (message := self.queue.get(no_ack=True)) is not None:
            events.append(message.payload)
        return events

    def close(self) -> None:
        self.connection.release()

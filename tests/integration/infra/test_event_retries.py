"""Failing event handlers on a real broker: retried with backoff, then parked, never dropped."""

import logging
import uuid

import pytest
from kombu import Connection
from nameko.containers import ServiceContainer
from nameko.standalone.events import event_dispatcher

from infra.errors import Conflict, Invalid
from infra.handlers import ATTEMPT_HEADER, ERROR_HEADER, event_handler, parked_queue
from tests.support.waiting import eventually

SOURCE = "retrytest"
calls: dict[str, list] = {}


class FlakyService:
    name = "flaky"

    @event_handler(SOURCE, "thing_happened")
    def on_thing(self, event):
        attempts = calls.setdefault(event["id"], [])
        attempts.append(event)
        if event.get("conflict") and len(attempts) == 1:
            raise Conflict("another worker changed it meanwhile")
        if event["fail"] == "always" or len(attempts) <= event["fail"]:
            raise ConnectionError("database went away")

    @event_handler(SOURCE, "malformed_thing")
    def on_malformed(self, event):
        calls.setdefault(event["id"], []).append(event)
        raise Invalid("this event can never be handled")


QUEUE = "evt-retrytest-thing_happened--flaky.on_thing"
MALFORMED_QUEUE = "evt-retrytest-malformed_thing--flaky.on_malformed"


@pytest.fixture
def flaky(nameko_config):
    config = {**nameko_config, "EVENT_RETRY_DELAYS_MS": [100, 200, 300]}
    container = ServiceContainer(FlakyService, config)
    container.start()
    yield event_dispatcher(config)
    container.kill()


def parked(amqp_uri: str, queue: str, event_id: str):
    with Connection(amqp_uri) as connection:
        parked_messages = parked_queue(queue).bind(connection.channel())
        parked_messages.declare()
        while (message := parked_messages.get(no_ack=False)) is not None:
            if message.payload["id"] == event_id:
                message.ack()
                return message
            message.requeue()
    return None


def test_a_handler_that_fails_twice_gets_the_event_a_third_time(flaky):
    event_id = str(uuid.uuid4())
    flaky(SOURCE, "thing_happened", {"id": event_id, "fail": 2})
    eventually(lambda: len(calls.get(event_id, [])) == 3, timeout=5)


def test_an_event_that_keeps_failing_is_parked_with_its_error(flaky, amqp_uri):
    event_id = str(uuid.uuid4())
    flaky(SOURCE, "thing_happened", {"id": event_id, "fail": "always"})
    message = eventually(lambda: parked(amqp_uri, QUEUE, event_id), timeout=8)
    assert len(calls[event_id]) == 4  # the first try and three retries
    assert message.headers[ATTEMPT_HEADER] == 5
    assert "database went away" in message.headers[ERROR_HEADER]


def test_a_malformed_event_is_parked_without_retrying(flaky, amqp_uri):
    event_id = str(uuid.uuid4())
    flaky(SOURCE, "malformed_thing", {"id": event_id})
    message = eventually(lambda: parked(amqp_uri, MALFORMED_QUEUE, event_id), timeout=5)
    assert len(calls[event_id]) == 1
    assert "Invalid" in message.headers[ERROR_HEADER]


def test_a_conflict_is_retried_and_logged_as_a_warning_not_an_error(flaky, caplog):
    event_id = str(uuid.uuid4())
    with caplog.at_level(logging.WARNING, logger="nameko.containers"):
        flaky(SOURCE, "thing_happened", {"id": event_id, "fail": 0, "conflict": True})
        eventually(lambda: len(calls.get(event_id, [])) == 2, timeout=5)
    about_it = [r for r in caplog.records
                if r.name == "nameko.containers" and "changed it meanwhile" in r.getMessage()]
    assert [r.levelname for r in about_it] == ["WARNING"]

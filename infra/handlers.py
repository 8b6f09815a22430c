"""Event handlers that never drop an event because handling it failed.

nameko's own `event_handler` acks and drops a message whose handler raised (or,
with `requeue_on_error`, redelivers it in a hot loop). This one:

- retries a failed event after growing delays (1 s, 5 s, 30 s, 2 min, 10 min by
  default; `EVENT_RETRY_DELAYS_MS` in the nameko config) through per-delay retry
  queues whose message TTL dead-letters the event back into the handler's queue;
- parks an event that still fails after the last delay, or that is malformed
  (`Invalid`, `ValidationError`: retrying cannot help), in `<queue>.parked` with
  the error in its headers, for an operator to inspect and replay;
- acks the original only after the retry or parked copy was confirmed by the
  broker; if that publish fails the original is requeued instead.

Handlers must be idempotent (inbox): a retried event may have half-run before.
"""

import logging

from kombu import Queue
from marshmallow import ValidationError
from nameko.amqp.publish import Publisher
from nameko.constants import AMQP_URI_CONFIG_KEY
from nameko.events import EventHandler as NamekoEventHandler

from infra.errors import Conflict, Invalid

log = logging.getLogger(__name__)

DEFAULT_RETRY_DELAYS_MS = (1_000, 5_000, 30_000, 120_000, 600_000)
ATTEMPT_HEADER = "x-multitalent-attempt"
ERROR_HEADER = "x-multitalent-error"
PERMANENT_ERRORS = (Invalid, ValidationError)
# nameko logs these at WARNING instead of ERROR: a Conflict is a race with another worker
# that the retry resolves, a permanent error is parked (and logged as an ERROR below)
EXPECTED_ERRORS = (Conflict, *PERMANENT_ERRORS)


def retry_queue(queue_name: str, delay_ms: int) -> Queue:
    return Queue(
        f"{queue_name}.retry.{delay_ms}ms",
        durable=True,
        queue_arguments={
            "x-message-ttl": delay_ms,
            "x-dead-letter-exchange": "",
            "x-dead-letter-routing-key": queue_name,
        },
    )


def parked_queue(queue_name: str) -> Queue:
    return Queue(f"{queue_name}.parked", durable=True)


def next_step(attempt: int, error: Exception, delays_ms) -> int | None:
    """The delay before the next attempt, or None to park the event."""
    if isinstance(error, PERMANENT_ERRORS) or attempt > len(delays_ms):
        return None
    return delays_ms[attempt - 1]


class EventHandler(NamekoEventHandler):
    def __init__(self, *args, expected_exceptions=EXPECTED_ERRORS, **kwargs):
        super().__init__(*args, expected_exceptions=expected_exceptions, **kwargs)

    def setup(self):
        super().setup()
        config = self.container.config
        self.delays_ms = tuple(config.get("EVENT_RETRY_DELAYS_MS", DEFAULT_RETRY_DELAYS_MS))
        self.publisher = Publisher(config[AMQP_URI_CONFIG_KEY])

    def handle_message_processed(self, message, result=None, exc_info=None):
        if exc_info is None:
            self.queue_consumer.ack_message(message)
            return
        try:
            self._retry_or_park(message, exc_info[1])
        except Exception:
            log.exception("could not schedule a retry for %s; requeueing", self.queue.name)
            self.queue_consumer.requeue_message(message)
            return
        self.queue_consumer.ack_message(message)

    def _retry_or_park(self, message, error: Exception) -> None:
        headers = dict(message.headers or {})
        headers.pop("x-death", None)
        attempt = int(headers.get(ATTEMPT_HEADER, 1))
        delay_ms = next_step(attempt, error, self.delays_ms)
        headers[ATTEMPT_HEADER] = attempt + 1
        headers[ERROR_HEADER] = f"{type(error).__name__}: {error}"[:500]
        target = parked_queue(self.queue.name) if delay_ms is None else retry_queue(
            self.queue.name, delay_ms)
        if delay_ms is None:
            log.error("parking event after %d attempt(s) in %s: %s", attempt, target.name,
                      headers[ERROR_HEADER])
        else:
            log.warning("event failed (attempt %d); retrying in %d ms: %s", attempt, delay_ms,
                        headers[ERROR_HEADER])
        self.publisher.publish(message.payload, exchange="", routing_key=target.name,
                               declare=[target], headers=headers)


event_handler = EventHandler.decorator

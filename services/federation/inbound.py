"""The nameko entrypoint that takes partners' messages off our inbound queue.

A plain kombu consumer (not nameko's `consume`): a partner's message must be read as the
exact bytes that were signed, whatever content type it claims, and kombu's decoding in
nameko's consumer would refuse or alter it first. For each message it runs a worker of
the decorated method with a `Delivery` (body and headers) and then:

- the method returned: the event was accepted and recorded; ack;
- it raised a `Rejection`: copy the message to `<exchange>.rejected` with the rule's name
  in `x-federation-rejection`, confirmed by the broker, log it, then ack;
- anything else (database down, a bug): pause, then requeue, so nothing is lost and the
  queue is not spun in a hot loop.

Messages are handled one at a time per process; run more replicas for more throughput.
"""

import logging

import eventlet
from eventlet.event import Event
from kombu import Connection, Consumer, Producer
from nameko.constants import AMQP_URI_CONFIG_KEY
from nameko.extensions import Entrypoint

from services.federation.configuration import settings_from
from services.federation.domain.rules import Rejection
from services.federation.domain.signing import ID_HEADER
from services.federation.domain.verification import Delivery
from services.federation.topology import (
    REJECTION_DETAIL_HEADER,
    REJECTION_HEADER,
    inbound_topology,
)

log = logging.getLogger(__name__)

RETRY_PAUSE_SECONDS = 2.0
PREFETCH = 1  # one at a time: the dead-letter confirm must not interleave deliveries


class PartnerMessages(Entrypoint):
    def __init__(self, **kwargs):
        super().__init__(expected_exceptions=Rejection, **kwargs)

    def setup(self):
        self.amqp_uri = self.container.config[AMQP_URI_CONFIG_KEY]
        self.topology = inbound_topology(settings_from(self.container.config).inbound_exchange)
        self._running = False

    def start(self):
        self._running = True
        self.container.spawn_managed_thread(self._consume_forever,
                                            identifier="federation.inbound")

    def stop(self):
        self._running = False

    def kill(self):
        self._running = False

    def _consume_forever(self):
        backoff = 1.0
        while self._running:
            try:
                with Connection(self.amqp_uri, heartbeat=60,
                                transport_options={"confirm_publish": True}) as connection:
                    self._consume(connection)
                backoff = 1.0
            except Exception:
                log.exception("federation inbound consumer failed; reconnecting in %.0f s",
                              backoff)
                eventlet.sleep(backoff)
                backoff = min(backoff * 2, 30.0)

    def _consume(self, connection):
        channel = connection.channel()
        self.topology.declare(channel)
        dead_letters = Producer(connection.channel())
        consumer = Consumer(channel, queues=[self.topology.queue], no_ack=False,
                            prefetch_count=PREFETCH,
                            on_message=lambda message: self._handle(message, dead_letters))
        with consumer:
            while self._running:
                try:
                    connection.drain_events(timeout=1)
                except TimeoutError:
                    connection.heartbeat_check()

    def _handle(self, message, dead_letters):
        headers = dict(message.headers or {})
        delivery = Delivery(_raw_body(message), headers)
        error = self._run_worker(delivery)
        if error is None:
            message.ack()
        elif isinstance(error, Rejection):
            self._dead_letter(message, headers, error, dead_letters)
            message.ack()
        else:
            log.error("federation inbound message %s failed (%s); requeueing",
                      headers.get(ID_HEADER), type(error).__name__)
            eventlet.sleep(RETRY_PAUSE_SECONDS)
            message.requeue()

    def _run_worker(self, delivery: Delivery):
        done = Event()

        def handle_result(worker_ctx, result, exc_info):
            done.send(exc_info[1] if exc_info else None)
            return result, exc_info

        self.container.spawn_worker(self, (delivery,), {}, context_data={},
                                    handle_result=handle_result)
        return done.wait()

    def _dead_letter(self, message, headers: dict, rejection: Rejection, producer) -> None:
        log.warning("rejected federated message %s: %s (%s)", headers.get(ID_HEADER),
                    rejection.rule, rejection.detail,
                    extra={"event_id": str(headers.get(ID_HEADER))[:100],
                           "error": rejection.rule})
        producer.publish(
            _raw_body(message), exchange="", routing_key=self.topology.rejected.name,
            headers={**headers, REJECTION_HEADER: rejection.rule,
                     REJECTION_DETAIL_HEADER: rejection.detail[:500]},
            content_type=message.content_type or "application/octet-stream",
            content_encoding=message.content_encoding or "binary",
            delivery_mode=2, retry=False)


def _raw_body(message) -> bytes:
    """The body as the bytes that were sent (py-amqp decodes a body that names its
    encoding; encoding it again gives the same bytes back)."""
    body = message.body or b""
    if isinstance(body, str):
        return body.encode(message.content_encoding or "utf-8")
    return bytes(body)


partner_messages = PartnerMessages.decorator

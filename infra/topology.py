"""Declare every event handler's queue before any service publishes.

RabbitMQ drops an event published to an exchange with no queue bound, so a
fresh install would lose the first events if the publishing service started
before the handling one. `deploy.declare_queues` declares, at deploy time, the
exact queues nameko's `event_handler` declares (same name, exchange, routing key
and durability), for every service at once.
"""

from kombu import Connection, Queue
from nameko.containers import ServiceContainer
from nameko.events import SERVICE_POOL, EventHandler
from nameko.standalone.events import get_event_exchange


def handler_queues(service_class, nameko_config: dict) -> list[Queue]:
    container = ServiceContainer(service_class, nameko_config)
    queues = []
    for entrypoint in container.entrypoints:
        if not isinstance(entrypoint, EventHandler):
            continue
        if entrypoint.handler_type is not SERVICE_POOL or not entrypoint.reliable_delivery:
            continue
        queues.append(
            Queue(
                f"evt-{entrypoint.source_service}-{entrypoint.event_type}"
                f"--{container.service_name}.{entrypoint.method_name}",
                exchange=get_event_exchange(entrypoint.source_service, nameko_config),
                routing_key=entrypoint.event_type,
                durable=True,
                auto_delete=False,
                exclusive=False,
            )
        )
    return queues


def declare(queues: list[Queue], amqp_uri: str) -> None:
    with Connection(amqp_uri) as connection:
        channel = connection.channel()
        for queue in queues:
            queue.bind(channel).declare()

"""Where partners' events arrive on our broker, and where rejected ones are parked.

- exchange `federation.inbound` (topic, durable; `FEDERATION_INBOUND_EXCHANGE`): partners
  publish here with the federated type as routing key, each as its own RabbitMQ user
  that may write to this exchange only;
- queue `federation.inbound` bound with `#`: what the federation service consumes;
- queue `federation.inbound.rejected`: messages that broke a rule, with the rule's name in
  the `x-federation-rejection` header and a sentence in `x-federation-rejection-detail`.

`deploy.declare_queues` declares them at deploy time, so partners' first events are not
dropped before the service first starts.
"""

from dataclasses import dataclass

from kombu import Exchange, Queue

REJECTION_HEADER = "x-federation-rejection"
REJECTION_DETAIL_HEADER = "x-federation-rejection-detail"


@dataclass(frozen=True)
class InboundTopology:
    exchange: Exchange
    queue: Queue
    rejected: Queue

    @property
    def queues(self) -> list[Queue]:
        return [self.queue, self.rejected]

    def declare(self, channel) -> None:
        for queue in self.queues:
            queue.bind(channel).declare()


def inbound_topology(exchange_name: str) -> InboundTopology:
    exchange = Exchange(exchange_name, type="topic", durable=True)
    return InboundTopology(
        exchange,
        Queue(exchange_name, exchange=exchange, routing_key="#", durable=True),
        Queue(f"{exchange_name}.rejected", durable=True),
    )

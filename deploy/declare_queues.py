"""Declare every event handler queue of every service (see infra.topology), and the
queues where partner coops' events arrive (services.federation.topology)."""

import sys

from deploy.service_classes import service_class
from deploy.start import SERVICES
from infra import config
from infra.topology import declare, handler_queues
from services.federation.topology import inbound_topology


def main() -> None:
    nameko_config = {"AMQP_URI": config.amqp_uri()}
    queues = [queue for name in SERVICES for queue in handler_queues(service_class(name),
                                                                    nameko_config)]
    federation = inbound_topology(config.federation_inbound_exchange()).queues
    declare(queues + federation, config.amqp_uri())
    print(f"declared {len(queues)} event queues and {len(federation)} federation queues")


if __name__ == "__main__":
    main()
    sys.exit(0)

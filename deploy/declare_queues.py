"""Declare every event handler queue of every service (see infra.topology)."""

import sys

from deploy.service_classes import service_class
from deploy.start import SERVICES
from infra import config
from infra.topology import declare, handler_queues


def main() -> None:
    nameko_config = {"AMQP_URI": config.amqp_uri()}
    queues = [queue for name in SERVICES for queue in handler_queues(service_class(name),
                                                                    nameko_config)]
    declare(queues, config.amqp_uri())
    print(f"declared {len(queues)} event queues")


if __name__ == "__main__":
    main()
    sys.exit(0)

"""Apply every service's Alembic migrations (or those of the services named).

Every process of deploy.start has a database of its own (the gateway: tokens and
idempotency keys).
"""

import logging
import sys

from deploy.start import SERVICES
from infra.migrations import upgrade

DATABASES = tuple(SERVICES)


def main(services: list[str]) -> None:
    logging.basicConfig(level=logging.WARNING)
    for service in services or DATABASES:
        upgrade(service)
        print(f"migrated {service}")


if __name__ == "__main__":
    main(sys.argv[1:])

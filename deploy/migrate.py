"""Apply every service's Alembic migrations (or those of the services named)."""

import logging
import sys

from infra import config
from infra.migrations import upgrade


def main(services: list[str]) -> None:
    logging.basicConfig(level=logging.WARNING)
    for service in services or config.DATABASES:
        upgrade(service)
        print(f"migrated {service}")


if __name__ == "__main__":
    main(sys.argv[1:])

"""Fresh databases for a test session: SQLite files, or PostgreSQL when TEST_DATABASE=postgresql."""

import os
import uuid
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import create_engine, text

from deploy.migrate import DATABASES  # every service's and the gateway's
from infra.migrations import upgrade

POSTGRES_ADMIN_URL = os.environ.get(
    "TEST_POSTGRES_URL", "postgresql+psycopg2://postgres@127.0.0.1:5432/postgres"
)


def backend() -> str:
    return os.environ.get("TEST_DATABASE", "sqlite")


@contextmanager
def fresh_databases(folder: Path):
    """Yield {service: url} with every service's migrations applied; drop them afterwards."""
    if backend() == "postgresql":
        with _postgres_databases() as urls:
            _migrate(urls)
            yield urls
    else:
        urls = {service: f"sqlite:///{folder / f'{service}.db'}" for service in DATABASES}
        _migrate(urls)
        yield urls


@contextmanager
def fresh_database(service: str, folder: Path):
    """Yield the url of one more database of `service` (a second coop's, say), migrated."""
    if backend() == "postgresql":
        with _postgres_databases((service,)) as urls:
            _migrate(urls)
            yield urls[service]
    else:
        url = f"sqlite:///{folder / f'{service}-{uuid.uuid4().hex[:8]}.db'}"
        _migrate({service: url})
        yield url


def _migrate(urls: dict) -> None:
    for service, url in urls.items():
        upgrade(service, url)


@contextmanager
def _postgres_databases(services=DATABASES):
    prefix = f"mt_test_{uuid.uuid4().hex[:8]}"
    admin = create_engine(POSTGRES_ADMIN_URL, isolation_level="AUTOCOMMIT")
    names = {service: f"{prefix}_{service}" for service in services}
    base = POSTGRES_ADMIN_URL.rsplit("/", 1)[0]
    try:
        with admin.connect() as connection:
            for name in names.values():
                connection.execute(text(f'CREATE DATABASE "{name}"'))
        yield {service: f"{base}/{name}" for service, name in names.items()}
    finally:
        with admin.connect() as connection:
            for name in names.values():
                connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()

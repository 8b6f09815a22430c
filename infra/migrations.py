"""Alembic for every service: one shared env.py logic, one versions folder each.

Each service keeps `services/<name>/migrations/` (the gateway `gateway/migrations/`)
with `env.py` calling `run_migrations(metadata)` and its own `versions/`.
`upgrade(service, url)` applies a service's migrations to `url` programmatically
(used by deploy.migrate and tests).
"""

from importlib import resources
from pathlib import Path

from alembic import command, context
from alembic.config import Config
from sqlalchemy import MetaData

from infra import config as settings
from infra.db import make_engine


def alembic_config(service: str, url: str | None = None) -> Config:
    package = "gateway" if service == "gateway" else f"services.{service}"
    folder = Path(str(resources.files(package))) / "migrations"
    alembic_cfg = Config()
    alembic_cfg.set_main_option("path_separator", "os")
    alembic_cfg.set_main_option("script_location", str(folder))
    alembic_cfg.set_main_option("version_locations", str(folder / "versions"))
    alembic_cfg.attributes["database_url"] = url or settings.database_url(service)
    return alembic_cfg


def upgrade(service: str, url: str | None = None) -> None:
    command.upgrade(alembic_config(service, url), "head")


def run_migrations(metadata: MetaData) -> None:
    """Body of every service's migrations/env.py."""
    url = context.config.attributes["database_url"]
    if context.is_offline_mode():
        context.configure(url=url, target_metadata=metadata, literal_binds=True)
        with context.begin_transaction():
            context.run_migrations()
        return
    engine = make_engine(url)
    with engine.connect() as connection:
        context.configure(
            connection=connection,
            target_metadata=metadata,
            render_as_batch=connection.dialect.name == "sqlite",
        )
        with context.begin_transaction():
            context.run_migrations()
    engine.dispose()

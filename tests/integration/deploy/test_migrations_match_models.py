"""Each service's migrations build exactly the schema its `models.py` describes: a column,
index or constraint added to one and not the other fails here, not in production."""

import importlib

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from deploy.migrate import DATABASES
from infra.db import make_engine
from tests.support.databases import fresh_database


def models_of(service: str):
    package = "gateway" if service == "gateway" else f"services.{service}"
    return importlib.import_module(f"{package}.models").metadata


@pytest.mark.parametrize("service", DATABASES)
def test_the_migrated_schema_is_the_models_schema(service, tmp_path):
    with fresh_database(service, tmp_path) as url:
        engine = make_engine(url)
        try:
            with engine.connect() as connection:
                context = MigrationContext.configure(connection, opts={"compare_type": True})
                differences = compare_metadata(context, models_of(service))
        finally:
            engine.dispose()
    assert [d for d in differences if not _alembic_bookkeeping(d)] == []


def _alembic_bookkeeping(difference) -> bool:
    """alembic's own version table is in the database, never in a service's models."""
    return difference[0] == "remove_table" and difference[1].name == "alembic_version"

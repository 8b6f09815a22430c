from infra.migrations import run_migrations
from services.matching.models import metadata

run_migrations(metadata)

from infra.migrations import run_migrations
from services.federation.models import metadata

run_migrations(metadata)

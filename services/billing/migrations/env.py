from infra.migrations import run_migrations
from services.billing.models import metadata

run_migrations(metadata)

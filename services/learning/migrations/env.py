from infra.migrations import run_migrations
from services.learning.models import metadata

run_migrations(metadata)

from infra.migrations import run_migrations
from services.members.models import metadata

run_migrations(metadata)

"""Matching's transaction: its repositories plus outbox and inbox."""

from infra.db import SqlUnitOfWork
from services.matching.models import metadata
from services.matching.repository import SqlCandidateRepository, SqlClientRepository
from services.matching.schemas import ClientEventSchema


class MatchingUnitOfWork(SqlUnitOfWork):
    metadata = metadata
    source = "matching"
    event_schemas = {
        "client_registered": ClientEventSchema(),
        "client_updated": ClientEventSchema(),
    }

    def _open(self, session):
        self.candidates = SqlCandidateRepository(session)
        self.clients = SqlClientRepository(session)

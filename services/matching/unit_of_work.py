"""Matching's transaction: its repositories plus outbox, inbox and named locks."""

from infra.db import SqlUnitOfWork
from infra.locks import NamedLocks
from services.matching.models import locks, metadata
from services.matching.repository import SqlCandidateRepository, SqlClientRepository
from services.matching.repository.federation import (
    SqlIncomingOffers,
    SqlLendings,
    SqlPlacements,
    SqlSeatOffers,
)
from services.matching.repository.figures import SqlFigures
from services.matching.repository.leads import SqlLeadRepository
from services.matching.repository.meetings import SqlMeetingRepository, SqlTimeline
from services.matching.repository.projects import SqlProjectRepository
from services.matching.repository.proposals import SqlProposalRepository
from services.matching.repository.relationships import SqlRelationships
from services.matching.repository.settings import SqlSettings
from services.matching.repository.team import SqlAssignmentRepository, SqlSeatRepository
from services.matching.schemas import ClientEventSchema
from services.matching.schemas.federation_events import FEDERATION_EVENT_SCHEMAS
from services.matching.schemas.lead_events import LEAD_EVENT_SCHEMAS
from services.matching.schemas.project_events import PROJECT_EVENT_SCHEMAS


class MatchingUnitOfWork(SqlUnitOfWork):
    metadata = metadata
    source = "matching"
    event_schemas = {
        "client_registered": ClientEventSchema(),
        "client_updated": ClientEventSchema(),
        **PROJECT_EVENT_SCHEMAS,
        **LEAD_EVENT_SCHEMAS,
        **FEDERATION_EVENT_SCHEMAS,
    }

    def _open(self, session):
        self.candidates = SqlCandidateRepository(session)
        self.clients = SqlClientRepository(session)
        self.projects = SqlProjectRepository(session)
        self.proposals = SqlProposalRepository(session)
        self.seats = SqlSeatRepository(session)
        self.assignments = SqlAssignmentRepository(session)
        self.meetings = SqlMeetingRepository(session)
        self.timeline = SqlTimeline(session)
        self.settings = SqlSettings(session)
        self.leads = SqlLeadRepository(session)
        self.relationships = SqlRelationships(session)
        self.figures = SqlFigures(session)
        self.locks = NamedLocks(session, locks)
        self.seat_offers = SqlSeatOffers(session)
        self.placements = SqlPlacements(session)
        self.incoming_offers = SqlIncomingOffers(session)
        self.lendings = SqlLendings(session)

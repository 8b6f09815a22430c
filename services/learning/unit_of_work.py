"""Learning's transaction: its repositories plus outbox and inbox."""

from infra.db import SqlUnitOfWork
from services.learning import repository
from services.learning.models import metadata
from services.learning.schemas.events import EVENT_SCHEMAS


class LearningUnitOfWork(SqlUnitOfWork):
    metadata = metadata
    source = "learning"
    event_schemas = EVENT_SCHEMAS

    def _open(self, session):
        self.members = repository.SqlMemberViews(session)
        self.work = repository.SqlWorkHistory(session)
        self.offers = repository.SqlOffers(session)
        self.wishes = repository.SqlWishes(session)
        self.mentorships = repository.SqlMentorships(session)
        self.sessions = repository.SqlSessions(session)
        self.endorsements = repository.SqlEndorsements(session)
        self.verifications = repository.SqlVerifications(session)
        self.badges = repository.SqlBadges(session)
        self.budget = repository.SqlDevelopmentBudget(session)
        self.demand = repository.SqlDemand(session)

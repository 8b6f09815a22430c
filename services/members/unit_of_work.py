"""The members service's transaction: its repositories plus outbox and inbox."""

from infra.db import SqlUnitOfWork
from services.members.models import metadata
from services.members.repository import SqlMemberRepository, SqlSkillRepository
from services.members.schemas.events import EVENT_SCHEMAS


class MembersUnitOfWork(SqlUnitOfWork):
    metadata = metadata
    source = "members"
    event_schemas = EVENT_SCHEMAS

    def _open(self, session):
        self.members = SqlMemberRepository(session)
        self.skills = SqlSkillRepository(session)

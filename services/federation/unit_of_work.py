"""Federation's transaction: the registry, the dedup store, the outbound queue, the outbox."""

from infra.db import SqlUnitOfWork
from services.federation import repository
from services.federation.models import metadata
from services.federation.repository.skill_supply import SqlSkillSupply
from services.federation.schemas.events import EVENT_SCHEMAS
from services.federation.schemas.flows import FLOW_EVENT_SCHEMAS


class FederationUnitOfWork(SqlUnitOfWork):
    metadata = metadata
    source = "federation"
    event_schemas = {**EVENT_SCHEMAS, **FLOW_EVENT_SCHEMAS}

    def _open(self, session):
        self.partners = repository.SqlPartners(session)
        self.received = repository.SqlReceivedEvents(session)
        self.outbound = repository.SqlOutbound(session)
        self.skill_supply = SqlSkillSupply(session)

"""The learning nameko service: members developing each other.

Translation between RPC/events and the use cases, nothing more; one family of
entrypoints per module in `entrypoints/`. The RPC contract (arguments, results,
errors, who may call what) is described in services/learning/README.md.
"""

from infra import config
from infra.db import Database
from infra.logging import WorkerLog
from infra.rpc import BoundedRpcProxy, rpc
from services.learning.configuration import CoopSettings
from services.learning.domain import use_cases
from services.learning.entrypoints.budget import BudgetEntrypoints
from services.learning.entrypoints.endorsing import EndorsingEntrypoints
from services.learning.entrypoints.listening import ListeningEntrypoints
from services.learning.entrypoints.teaching import TeachingEntrypoints
from services.learning.schemas.reports import SkillGapQuerySchema, SkillGapReportSchema
from services.learning.signing_key import CoopSigningKey, FormerBadgeKeys
from services.learning.unit_of_work import LearningUnitOfWork


class LearningService(TeachingEntrypoints, EndorsingEntrypoints, BudgetEntrypoints,
                      ListeningEntrypoints):
    name = "learning"

    uow = Database(LearningUnitOfWork)
    settings = CoopSettings()
    signing_key = CoopSigningKey()
    former_badge_keys = FormerBadgeKeys()
    members = BoundedRpcProxy("members", timeout=config.rpc_timeout())
    worker_log = WorkerLog()

    @rpc
    def ping(self):
        return "pong"

    @rpc
    def skill_gap_report(self, query=None):
        query = SkillGapQuerySchema().load(query or {})
        return SkillGapReportSchema().dump(use_cases.skill_gap_report(self.uow, **query))

"""RPC for the coop's operators: how fairly work is spread, and the proposal settings."""

from dataclasses import asdict
from datetime import date

from infra.rpc import rpc
from services.matching.domain import use_cases
from services.matching.domain.proposals import IsoWeek
from services.matching.schemas.projects import (
    FairnessQuerySchema,
    FairnessSchema,
    SettingsChangesSchema,
    SettingsSchema,
)

DEFAULT_HORIZON_WEEKS = 26


class CoopEntrypoints:
    @rpc
    def fairness(self, query=None):
        """Utilisation per active member from `from_week` (default: this week) to `to_week`
        (default: 26 weeks on)."""
        query = FairnessQuerySchema().load(query or {})
        first = IsoWeek.parse(query["from_week"]) if query["from_week"] else IsoWeek.of(
            date.today())
        last = IsoWeek.parse(query["to_week"]) if query["to_week"] else first.plus(
            DEFAULT_HORIZON_WEEKS - 1)
        report = use_cases.fairness(self.uow, first, last)
        return FairnessSchema().dump({
            **asdict(report), "from_week": str(first), "to_week": str(last),
            "utilisation": [{"member_id": member_id, "utilisation": value}
                            for member_id, value in sorted(report.utilisation.items())]})

    @rpc
    def get_settings(self):
        return SettingsSchema().dump(use_cases.get_settings(self.uow))

    @rpc
    def change_settings(self, changes):
        changes = SettingsChangesSchema().load(changes)
        return SettingsSchema().dump(use_cases.change_settings(self.uow, changes))

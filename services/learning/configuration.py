"""The coop's learning settings, from the nameko config or the environment.

| key | default | meaning |
|---|---|---|
| `LEARNING_MAX_MENTEES` | 3 | active mentees a mentor may have at most |
| `LEARNING_YEARLY_BUDGET` | 1500.00 | each active member's development budget per year (EUR) |
| `LEARNING_APPROVALS_NEEDED` | 2 | members approving a development request (or one operator) |
| `LEARNING_AVAILABILITY_WEEKS` | 4 | weeks ahead a mentor's availability is looked at |
| `COOP_NAME`, `COOP_URL` | "Multitalent cooperative", none | the issuer named in badges |
"""

import os
from decimal import Decimal

from nameko.extensions import DependencyProvider

from services.learning.domain.settings import LearningSettings

DEFAULTS = LearningSettings()


def settings_from(config: dict) -> LearningSettings:
    def value(key: str, default):
        found = config.get(key, os.environ.get(key))
        return default if found in (None, "") else found

    return LearningSettings(
        max_mentees=int(value("LEARNING_MAX_MENTEES", DEFAULTS.max_mentees)),
        yearly_budget=Decimal(str(value("LEARNING_YEARLY_BUDGET", DEFAULTS.yearly_budget)))
        .quantize(Decimal("0.01")),
        approvals_needed=int(value("LEARNING_APPROVALS_NEEDED", DEFAULTS.approvals_needed)),
        availability_weeks=int(value("LEARNING_AVAILABILITY_WEEKS",
                                     DEFAULTS.availability_weeks)),
        coop_name=str(value("COOP_NAME", DEFAULTS.coop_name)),
        coop_url=value("COOP_URL", DEFAULTS.coop_url),
    )


class CoopSettings(DependencyProvider):
    """The settings, read once when the service starts."""

    def setup(self):
        self.settings = settings_from(self.container.config)

    def get_dependency(self, worker_ctx):
        return self.settings

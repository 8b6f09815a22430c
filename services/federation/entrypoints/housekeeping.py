"""Housekeeping: forgetting partners' events once nobody needs them (hourly)."""

import logging
from datetime import UTC, datetime

from nameko.timer import timer

from services.federation.domain import use_cases

log = logging.getLogger(__name__)


class HousekeepingEntrypoints:
    @timer(interval=3600)
    def forget_old_received_events(self):
        forgotten = use_cases.forget_old_received_events(
            self.uow, datetime.now(UTC), self.settings.received_retention)
        if forgotten:
            log.info("forgot %d partner events older than %s", forgotten,
                     self.settings.received_retention)

"""What federation tells the other services of this coop, through its outbox."""

from dataclasses import dataclass
from datetime import datetime

from services.federation import catalogue
from services.federation.domain.cloud_event import FederatedEvent
from services.federation.domain.partner import Partner


@dataclass(frozen=True)
class PartnerEventReceived:
    """A partner's event passed every check; published as `partner_<what>` (see catalogue)."""

    partner: Partner
    event: FederatedEvent
    received_at: datetime

    @property
    def type(self) -> str:
        return catalogue.internal_name(self.event.type)

    @property
    def subject(self) -> str:
        return self.event.subject

"""The dedup store: every accepted partner event, unique per source and id."""

from datetime import datetime

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from services.federation.domain.cloud_event import FederatedEvent
from services.federation.models import received_events


class SqlReceivedEvents:
    def __init__(self, session: Session):
        self.session = session

    def seen(self, source: str, event_id: str) -> bool:
        query = select(received_events.c.seq).where(received_events.c.source == source,
                                                    received_events.c.event_id == event_id)
        return self.session.execute(query).first() is not None

    def add(self, partner_id: str, event: FederatedEvent, body: bytes,
            received_at: datetime) -> None:
        self.session.execute(insert(received_events).values(
            source=event.source, event_id=event.id, partner_id=partner_id,
            event_type=event.type, subject=event.subject, event_time=event.time,
            received_at=received_at, body=body.decode("utf-8")))

    def forget_before(self, moment: datetime) -> int:
        """Delete events received before `moment`; how many were deleted."""
        result = self.session.execute(
            delete(received_events).where(received_events.c.received_at < moment))
        return result.rowcount

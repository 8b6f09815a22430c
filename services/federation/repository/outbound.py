"""Events queued for partners (written by `send`, drained by the relay)."""

from datetime import datetime

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from services.federation.domain.ports import OutboundEvent
from services.federation.models import outbound_events


class SqlOutbound:
    def __init__(self, session: Session):
        self.session = session

    def add(self, event: OutboundEvent) -> None:
        self.session.execute(insert(outbound_events).values(
            event_id=event.id, partner_id=event.partner_id, event_type=event.type,
            subject=event.subject, body=event.body.decode("utf-8"),
            created_at=event.queued_at, attempts=0))

    def last_queued_at(self, event_type: str) -> datetime | None:
        return self.session.execute(
            select(func.max(outbound_events.c.created_at))
            .where(outbound_events.c.event_type == event_type)).scalar()

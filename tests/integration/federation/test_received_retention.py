"""The dedup store forgets old partner events in the real database, and only those."""

import uuid
from datetime import UTC, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import sessionmaker

from infra.db import make_engine
from services.federation.domain.cloud_event import FederatedEvent
from services.federation.models import received_events
from services.federation.repository.received import SqlReceivedEvents

NOW = datetime(2027, 3, 1, 12, 0, tzinfo=UTC)


def _event() -> FederatedEvent:
    return FederatedEvent(str(uuid.uuid4()), "urn:coop:partner", "coop.multitalent.seat_offered.v1",
                          NOW, "offer-1", {})


def test_events_received_before_the_moment_are_deleted_and_later_ones_kept(database_urls):
    engine = make_engine(database_urls["federation"])
    session = sessionmaker(engine)()
    try:
        store = SqlReceivedEvents(session)
        old, recent = _event(), _event()
        store.add(str(uuid.uuid4()), old, b"{}", NOW - timedelta(days=8))
        store.add(str(uuid.uuid4()), recent, b"{}", NOW - timedelta(days=6))
        session.commit()

        assert store.forget_before(NOW - timedelta(days=7)) == 1
        session.commit()

        kept = session.execute(select(received_events.c.event_id).where(
            received_events.c.event_id.in_([old.id, recent.id]))).scalars().all()
        assert kept == [recent.id]
        assert not store.seen(old.source, old.id) and store.seen(recent.source, recent.id)
    finally:
        session.close()
        engine.dispose()

"""Receiving a partner's event: verify everything, then record and re-publish it inside.

Either the event passes every rule and is recorded (the dedup store) and re-published on
`federation.events` in one transaction, or a `Rejection` names the broken rule and
nothing is written.
"""

from datetime import datetime, timedelta

from infra.errors import Conflict
from services.federation.domain.events import PartnerEventReceived
from services.federation.domain.ports import DataCheck, UnitOfWork
from services.federation.domain.retention import forget_received_before
from services.federation.domain.rules import DataDoesNotMatchSchema, EventReplayed
from services.federation.domain.verification import WINDOW, Delivery, ReplayWindow, read, verify


def receive(uow: UnitOfWork, delivery: Delivery, check_data: DataCheck, now: datetime,
            window: ReplayWindow = WINDOW) -> PartnerEventReceived:
    incoming = read(delivery)
    with uow:
        partner = uow.partners.by_coop(incoming.event.source)
        event = verify(incoming, partner, now, window)
        _, errors = check_data(event.type, event.data)
        if errors:
            fields = ", ".join(sorted({error["field"] for error in errors}))
            raise DataDoesNotMatchSchema(f"{event.type} data does not match its schema: "
                                         f"{fields}"[:300])
        if uow.received.seen(event.source, event.id):
            raise EventReplayed(f"{event.source} sent event {event.id} before.")
        received = PartnerEventReceived(partner, event, now)
        uow.received.add(partner.id, event, delivery.body, now)
        uow.publish(received)
        try:
            uow.commit()
        except Conflict:  # another replica recorded the same event a moment ago
            raise EventReplayed(f"{event.source} sent event {event.id} before.") from None
    return received


def forget_old_received_events(uow: UnitOfWork, now: datetime, retention: timedelta) -> int:
    """Forget accepted events older than the retention (never those inside the replay
    window); how many were forgotten."""
    with uow:
        forgotten = uow.received.forget_before(forget_received_before(now, retention))
        uow.commit()
    return forgotten

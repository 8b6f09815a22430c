"""Sending an event to a partner: checked, written to the outbound table, sent after commit.

The relay (`services/federation/outbound.py`) signs and publishes committed rows with
publisher confirms and marks them sent, so a crash neither loses an event (the row stays
unsent) nor applies it twice (the partner drops a second copy of the same id).
"""

import uuid
from datetime import UTC, datetime

from services.federation import catalogue
from services.federation.domain import cloud_event
from services.federation.domain.cloud_event import FederatedEvent
from services.federation.domain.errors import (
    EventDataInvalid,
    EventTypeNotShared,
    PartnerNotFound,
    UnknownEventType,
)
from services.federation.domain.ports import DataCheck, OutboundEvent, UnitOfWork


def send(uow: UnitOfWork, partner_id: str, event_type: str, subject: str, data: dict,
         our_coop: str, check_data: DataCheck) -> OutboundEvent:
    if not catalogue.is_known(event_type):
        raise UnknownEventType(event_type, "type")
    data, errors = check_data(event_type, data)
    if errors:
        raise EventDataInvalid([{**error, "field": f"data.{error['field']}"}
                                for error in errors])
    now = datetime.now(UTC)
    event = FederatedEvent(str(uuid.uuid4()), our_coop, event_type, now, subject, data)
    with uow:
        partner = uow.partners.get(partner_id)
        if partner is None:
            raise PartnerNotFound(partner_id)
        if not partner.shares(event_type):
            raise EventTypeNotShared(event_type)
        outbound = OutboundEvent(event.id, partner.id, event_type, subject,
                                 cloud_event.write(event), now)
        uow.outbound.add(outbound)
        uow.commit()
    return outbound

"""Translating this coop's flow events into federated events for partners, and keeping
partners' skill supply.

Each local event is handled once (inbox) and everything it sends is queued in the same
transaction (`outbound_events`); the relay signs and sends after commit. A crash
before the commit leaves the event unhandled, so it is handled again: nothing lost,
nothing queued twice.
"""

import logging
import uuid
from datetime import UTC, datetime

from services.federation import catalogue
from services.federation.domain import cloud_event
from services.federation.domain.cloud_event import FederatedEvent
from services.federation.domain.errors import (
    EventDataInvalid,
    EventTypeNotShared,
    PartnerNotFound,
)
from services.federation.domain.flows import PartnerSkillSupply, SeatOfferSent
from services.federation.domain.ports import DataCheck, OutboundEvent

log = logging.getLogger(__name__)

SEAT_OFFERED = f"{catalogue.PREFIX}seat_offered.v1"
SKILL_SUPPLY = f"{catalogue.PREFIX}skill_supply_shared.v1"


def _queue(uow, partner, event_type: str, subject: str, data: dict, our_coop: str,
           check_data: DataCheck, now: datetime) -> OutboundEvent:
    data, errors = check_data(event_type, data)
    if errors:
        raise EventDataInvalid([{**error, "field": f"data.{error['field']}"}
                                for error in errors])
    event = FederatedEvent(str(uuid.uuid4()), our_coop, event_type, now, subject, data)
    outbound = OutboundEvent(event.id, partner.id, event_type, subject, cloud_event.write(event),
                             now)
    uow.outbound.add(outbound)
    return outbound


def _all_partners(uow) -> list:
    found, cursor = [], None
    while True:
        page = uow.partners.page(100, cursor)
        found += page.items
        cursor = page.next_cursor
        if cursor is None:
            return found


def forward(uow, event: dict, partner_id: str, event_type: str, subject: str, data: dict,
            our_coop: str, check_data: DataCheck) -> OutboundEvent | None:
    """Send `data` as `event_type` to one partner, once per local `event`.

    `PartnerNotFound` or `EventTypeNotShared` when the partner is gone or we do not share
    the type with it (the event handler then retries and parks it for the operator).
    """
    with uow:
        if uow.already_handled(event):
            return None
        partner = uow.partners.get(partner_id)
        if partner is None:
            raise PartnerNotFound(partner_id)
        if not partner.shares(event_type):
            raise EventTypeNotShared(event_type)
        queued = _queue(uow, partner, event_type, subject, data, our_coop, check_data,
                        datetime.now(UTC))
        uow.mark_handled(event)
        uow.commit()
        return queued


def forward_to_each(uow, event: dict, partner_ids, event_type: str, subject: str, data: dict,
                    our_coop: str, check_data: DataCheck) -> list[OutboundEvent]:
    """Send `data` as `event_type` to each of `partner_ids`, once per local `event`. A
    partner gone, or with which we do not share the type, is skipped with a warning: the
    others must still hear (their registration predates the type, say)."""
    with uow:
        if uow.already_handled(event):
            return []
        now = datetime.now(UTC)
        queued = []
        for partner_id in dict.fromkeys(partner_ids):
            partner = uow.partners.get(partner_id)
            if partner is None or not partner.shares(event_type):
                log.warning("%s for %s not sent to partner %s: %s", event_type, subject,
                            partner_id, "gone" if partner is None else "type not shared")
                continue
            queued.append(_queue(uow, partner, event_type, subject, data, our_coop,
                                 check_data, now))
        uow.mark_handled(event)
        uow.commit()
        return queued


def broadcast(uow, event: dict | None, event_type: str, subject: str, data: dict,
              our_coop: str, check_data: DataCheck) -> list[OutboundEvent]:
    """Send to every partner we share `event_type` with, once per local `event` (None: an
    operator's request, every time). A seat offer also tells matching whom it went to."""
    with uow:
        if event is not None and uow.already_handled(event):
            return []
        now = datetime.now(UTC)
        queued, sent_to = [], []
        for partner in _all_partners(uow):
            if partner.shares(event_type):
                sent = _queue(uow, partner, event_type, subject, data, our_coop, check_data, now)
                queued.append(sent)
                sent_to.append((partner, sent))
        if event_type == SEAT_OFFERED:
            recipients = tuple({"partner_id": p.id, "partner_name": p.name} for p, _ in sent_to)
            for partner, sent in sent_to:
                uow.publish(SeatOfferSent(subject, partner.id, partner.name, sent.id,
                                          recipients))
        if event is not None:
            uow.mark_handled(event)
        uow.commit()
        return queued


def skill_supply_due(uow, now: datetime) -> bool:
    """Whether today's skill supply is still to be shared: a partner shares it with us, and
    none was sent today (UTC; the supply is counted per day)."""
    with uow:
        if not any(partner.shares(SKILL_SUPPLY) for partner in _all_partners(uow)):
            return False
        last = uow.outbound.last_queued_at(SKILL_SUPPLY)
        return last is None or last.astimezone(UTC).date() < now.astimezone(UTC).date()


def record_skill_supply(uow, event: dict, supply: PartnerSkillSupply) -> bool:
    """Keep a partner's shared skill supply, replacing an older one; once per event."""
    with uow:
        if uow.already_handled(event):
            return False
        newer = supply.is_newer_than(uow.skill_supply.of_partner(supply.partner_id))
        if newer:
            uow.skill_supply.put(supply)
        uow.mark_handled(event)
        uow.commit()
        return newer


def skill_supply(uow, skill: str | None = None) -> list[PartnerSkillSupply]:
    """Every partner's latest supply (only `skill` in it, when given), by partner name."""
    with uow:
        found = uow.skill_supply.all()
    if skill is not None:
        found = [PartnerSkillSupply(s.partner_id, s.partner_name, s.as_of, s.received_at,
                                    tuple(c for c in s.skills if c.skill == skill))
                 for s in found]
        found = [s for s in found if s.skills]
    return sorted(found, key=lambda s: (s.partner_name, s.partner_id))

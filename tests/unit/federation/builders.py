"""Coops, keys and signed deliveries for federation's unit tests."""

import uuid
from datetime import UTC, datetime

from services.federation.domain import cloud_event, signing
from services.federation.domain.cloud_event import FederatedEvent
from services.federation.domain.keys import KeyPair
from services.federation.domain.partner import Address, Partner
from services.federation.domain.verification import Delivery

NOW = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)
COOP_A = "https://coop-a.example/"
COOP_B = "https://coop-b.example/"
SEAT_OFFERED = "coop.multitalent.seat_offered.v1"
SKILL_SUPPLY = "coop.multitalent.skill_supply_shared.v1"


def seat_offer(**changes) -> dict:
    return {"offer_id": str(uuid.uuid4()), "skill": "python", "min_level": 4,
            "hours_per_week": "24", "first_week": "2027-W02", "last_week": "2027-W10",
            "rate_min": "70.00", "rate_max": "95.00", "currency": "EUR", **changes}


def partner(key: KeyPair, coop_uri: str = COOP_A, accepted=(SEAT_OFFERED,),
            shared=(SEAT_OFFERED,), partner_id: str = "p-1") -> Partner:
    return Partner.register(partner_id, coop_uri, "Coop A", [key.public],
                            Address("amqp://b:secret@broker.coop-a.example/a",
                                    "federation.inbound"),
                            list(accepted), list(shared), NOW)


def event(source: str = COOP_A, event_type: str = SEAT_OFFERED, data: dict | None = None,
          event_id: str | None = None) -> FederatedEvent:
    return FederatedEvent(event_id or str(uuid.uuid4()), source, event_type, NOW,
                          "offer-1", data if data is not None else seat_offer())


def delivery(key: KeyPair, federated: FederatedEvent | None = None, at: datetime = NOW,
             body: bytes | None = None, message_id: str | None = None) -> Delivery:
    federated = federated or event()
    signed_body = cloud_event.write(federated)
    headers = signing.sign(message_id or federated.id, int(at.timestamp()), signed_body, key)
    return Delivery(body if body is not None else signed_body, headers)

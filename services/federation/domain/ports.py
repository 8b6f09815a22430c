"""What the use cases need from storage and from the schemas."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from services.federation.domain.partner import Partner

# (federated type, data) → (data in normal form, []) when valid, else (None, field errors
# `[{"field", "message"}]`)
DataCheck = Callable[[str, dict], tuple[dict | None, list[dict]]]


@dataclass(frozen=True)
class OutboundEvent:
    """An event queued for a partner; the relay signs and sends it after commit."""

    id: str
    partner_id: str
    type: str
    subject: str
    body: bytes
    queued_at: datetime


class Partners(Protocol):
    def add(self, partner: Partner) -> None: ...

    def save(self, partner: Partner) -> None:
        """Store a changed partner; `Conflict` if it changed meanwhile (version)."""

    def get(self, partner_id: str) -> Partner | None: ...

    def by_coop(self, coop_uri: str) -> Partner | None: ...

    def page(self, limit: int, cursor: str | None): ...


class ReceivedEvents(Protocol):
    def seen(self, source: str, event_id: str) -> bool: ...

    def add(self, partner_id: str, event, body: bytes, received_at: datetime) -> None: ...

    def forget_before(self, moment: datetime) -> int: ...


class Outbound(Protocol):
    def add(self, event: OutboundEvent) -> None: ...

    def last_queued_at(self, event_type: str) -> datetime | None:
        """When the newest event of `event_type` was queued for any partner; None: never."""


class UnitOfWork(Protocol):
    partners: Partners
    received: ReceivedEvents
    outbound: Outbound

    def __enter__(self): ...

    def __exit__(self, *args): ...

    def publish(self, domain_event) -> None: ...

    def commit(self) -> None: ...

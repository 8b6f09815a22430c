"""Checking a message from a partner before anything of it is trusted.

`read` parses what arrived (headers and body) without trusting it; `verify` then applies
the rules of `rules.py` in order, against the partner the event claims to come from.
Whether the data matches its schema, and whether the id was seen before, are checked by
the use case (`use_cases.receiving`), which has the schemas and the dedup store.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta

from services.federation.domain import cloud_event, signing
from services.federation.domain.cloud_event import FederatedEvent
from services.federation.domain.partner import Partner
from services.federation.domain.rules import (
    EventTypeNotAllowed,
    IdMismatch,
    SignatureMismatch,
    SigningKeyRetired,
    TimestampInFuture,
    TimestampTooOld,
    UnknownPartner,
    UnknownSigningKey,
)


@dataclass(frozen=True)
class ReplayWindow:
    """How old a signature may be, and how far ahead of our clock (the partners' clocks
    drift a little; Standard Webhooks suggests a tolerance of 5 minutes)."""

    max_age: timedelta = timedelta(minutes=5)
    max_ahead: timedelta = timedelta(seconds=30)


WINDOW = ReplayWindow()


@dataclass(frozen=True)
class Delivery:
    """A message as it came off the inbound queue."""

    body: bytes
    headers: Mapping


@dataclass(frozen=True)
class Incoming:
    """What a delivery claims, read but not yet trusted."""

    body: bytes
    signature: signing.SignatureHeaders
    event: FederatedEvent


def read(delivery: Delivery) -> Incoming:
    """`MalformedMessage` unless the headers and the body can be read."""
    headers = signing.read_headers(delivery.headers)
    return Incoming(delivery.body, headers, cloud_event.read(delivery.body))


def verify(incoming: Incoming, partner: Partner | None, now: datetime,
           window: ReplayWindow = WINDOW) -> FederatedEvent:
    """The event, once the partner signed it recently with an active key and may send it."""
    event, headers = incoming.event, incoming.signature
    if partner is None:
        raise UnknownPartner(f"{event.source} is not a partner coop.")
    key = partner.key(headers.key_id)
    if key is None:
        raise UnknownSigningKey(f"{partner.coop_uri} has no key {headers.key_id}.")
    if not key.is_active:
        raise SigningKeyRetired(f"Key {key.key_id} of {partner.coop_uri} was retired at "
                                f"{key.retired_at.isoformat()}.")
    content = signing.signed_content(headers.message_id, headers.timestamp, incoming.body)
    if not any(key.key.verifies(signature, content) for signature in headers.signatures):
        raise SignatureMismatch(f"No v1a signature verifies with key {key.key_id}.")
    if headers.message_id != event.id:
        raise IdMismatch(f"webhook-id {headers.message_id} is not the event's id {event.id}.")
    age = now.timestamp() - headers.timestamp
    if age > window.max_age.total_seconds():
        raise TimestampTooOld(f"Signed {int(age)} s ago; at most "
                              f"{int(window.max_age.total_seconds())} s.")
    if -age > window.max_ahead.total_seconds():
        raise TimestampInFuture(f"Signed {int(-age)} s ahead of our clock; at most "
                                f"{int(window.max_ahead.total_seconds())} s.")
    if not partner.may_send(event.type):
        raise EventTypeNotAllowed(f"{partner.coop_uri} may not send {event.type}.")
    return event

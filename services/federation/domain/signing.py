"""Signatures in the style of Standard Webhooks, with Ed25519 (`v1a`), in AMQP headers.

The signed content is `f"{webhook-id}.{webhook-timestamp}.{body}"`: the message id, the
send time in whole seconds since the epoch, and the body exactly as sent. Headers:

    webhook-id          the CloudEvent's id
    webhook-timestamp   seconds since the epoch, when the message was signed
    webhook-signature   "v1a,<base64 signature>" (several may follow, space-separated)
    webhook-key-id      the id of the key that signed (see keys.key_id_of)

Signing happens when a message is sent, not when it is queued, so a message that waited
in the outbox is still fresh when it arrives.
"""

import base64
import binascii
from dataclasses import dataclass

from services.federation.domain.keys import KeyPair
from services.federation.domain.rules import MalformedMessage

ID_HEADER = "webhook-id"
TIMESTAMP_HEADER = "webhook-timestamp"
SIGNATURE_HEADER = "webhook-signature"
KEY_ID_HEADER = "webhook-key-id"
VERSION = "v1a"
MAX_SIGNATURES = 5


def signed_content(message_id: str, timestamp: int, body: bytes) -> bytes:
    return f"{message_id}.{timestamp}.".encode() + body


def sign(message_id: str, timestamp: int, body: bytes, key: KeyPair) -> dict[str, str]:
    """The headers that go with `body`."""
    signature = base64.b64encode(key.sign(signed_content(message_id, timestamp, body)))
    return {ID_HEADER: message_id, TIMESTAMP_HEADER: str(timestamp),
            SIGNATURE_HEADER: f"{VERSION},{signature.decode()}", KEY_ID_HEADER: key.key_id}


@dataclass(frozen=True)
class SignatureHeaders:
    """What a receiver reads from the headers, before trusting any of it."""

    message_id: str
    timestamp: int
    signatures: tuple[bytes, ...]
    key_id: str


def read_headers(headers) -> SignatureHeaders:
    """The signature headers; `MalformedMessage` when one is missing or unreadable."""
    headers = headers or {}
    values = {}
    for name in (ID_HEADER, TIMESTAMP_HEADER, SIGNATURE_HEADER, KEY_ID_HEADER):
        value = headers.get(name)
        if isinstance(value, bytes):
            value = value.decode("utf-8", "replace")
        if not isinstance(value, str) or not value.strip() or len(value) > 1000:
            raise MalformedMessage(f"The `{name}` header is missing or unreadable.")
        values[name] = value.strip()
    timestamp = values[TIMESTAMP_HEADER]
    if not timestamp.isdigit() or len(timestamp) > 12:
        raise MalformedMessage(f"`{TIMESTAMP_HEADER}` is not whole seconds since the epoch.")
    return SignatureHeaders(values[ID_HEADER], int(timestamp),
                            _signatures(values[SIGNATURE_HEADER]), values[KEY_ID_HEADER])


def _signatures(header: str) -> tuple[bytes, ...]:
    """The `v1a` signatures in the header; other versions are skipped, as the spec says."""
    found = []
    for entry in header.split()[:MAX_SIGNATURES]:
        version, _, encoded = entry.partition(",")
        if version != VERSION:
            continue
        try:
            found.append(base64.b64decode(encoded, validate=True))
        except (binascii.Error, ValueError):
            continue
    return tuple(found)

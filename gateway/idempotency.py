"""Idempotency-Key on POST: a retried request gets the first response, not a second effect.

- same key + same request within 24 h → the stored response is replayed (same
  status, body and Location), marked `Idempotent-Replayed: true`
- same key + a different request → 422
- same key while the first request is still running → 409 (one effect only)
- a response with status 5xx is not kept: the client may retry with the same key

Keys are scoped per token, so two callers never collide.
"""

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import delete, insert, select, update
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError

from gateway.models import idempotency_keys
from gateway.problems import Problem

KEY_LIFETIME = timedelta(hours=24)
MAX_KEY_LENGTH = 255
REPLAYED_HEADERS = ("Location", "Content-Type")  # what a replay repeats besides the body


@dataclass(frozen=True)
class StoredResponse:
    status: int
    headers: dict
    body: str


def request_fingerprint(method: str, path: str, body: bytes) -> str:
    return hashlib.sha256(method.encode() + b" " + path.encode() + b"\n" + body).hexdigest()


def _check_key(key: str) -> None:
    if not key or len(key) > MAX_KEY_LENGTH or not key.isprintable():
        raise Problem(422, "validation-error", "Validation failed",
                      "Idempotency-Key must be 1-255 printable characters.",
                      errors=[{"field": "Idempotency-Key",
                               "message": "Use 1-255 printable characters, e.g. a UUID."}])


class IdempotencyStore:
    def __init__(self, engine: Engine):
        self.engine = engine

    def begin(self, scope: str, key: str, fingerprint: str) -> StoredResponse | None:
        """Claim `key` for this request, or return the response to replay."""
        _check_key(key)
        now = datetime.now(UTC)
        with self.engine.begin() as connection:
            connection.execute(
                delete(idempotency_keys).where(
                    idempotency_keys.c.scope == scope, idempotency_keys.c.key == key,
                    idempotency_keys.c.created_at < now - KEY_LIFETIME)
            )
        try:
            with self.engine.begin() as connection:
                connection.execute(insert(idempotency_keys).values(
                    scope=scope, key=key, request_hash=fingerprint, state="running",
                    created_at=now))
            return None
        except IntegrityError:
            pass
        with self.engine.connect() as connection:
            row = connection.execute(select(idempotency_keys).where(
                idempotency_keys.c.scope == scope, idempotency_keys.c.key == key)).first()
        if row is None:  # the first request failed and let go of the key just now
            return self.begin(scope, key, fingerprint)
        if row.request_hash != fingerprint:
            raise Problem(422, "idempotency-key-reused", "Idempotency key reused",
                          "This Idempotency-Key was used for a different request.")
        if row.state == "running":
            raise Problem(409, "idempotency-in-progress", "Request in progress",
                          "A request with this Idempotency-Key is still running; "
                          "retry in a moment.")
        return StoredResponse(row.status, json.loads(row.headers), row.body)

    def finish(self, scope: str, key: str, response: StoredResponse) -> None:
        where = (idempotency_keys.c.scope == scope, idempotency_keys.c.key == key)
        with self.engine.begin() as connection:
            if response.status >= 500:
                connection.execute(delete(idempotency_keys).where(*where))
                return
            connection.execute(update(idempotency_keys).where(*where).values(
                state="done", status=response.status, headers=json.dumps(response.headers),
                body=response.body))

    def release(self, scope: str, key: str) -> None:
        with self.engine.begin() as connection:
            connection.execute(delete(idempotency_keys).where(
                idempotency_keys.c.scope == scope, idempotency_keys.c.key == key))

"""API tokens: who may call the gateway, in which role, for which scope.

A token's secret (`mt_live_` + 32 random bytes) is shown once when it is issued;
only its SHA-256 is stored. Roles: `operator` (the coop, everything), `client`
(one client organisation), `member` (one member). The scope of a client or member
token is fixed when it is issued and never taken from the URL.
"""

import hashlib
import secrets
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import insert, select, update
from sqlalchemy.engine import Engine

from gateway.models import api_tokens
from infra.pagination import Page, keyset_page

ROLES = ("operator", "client", "member")
SECRET_PREFIX = "mt_live_"


def hash_secret(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def new_secret() -> str:
    return SECRET_PREFIX + secrets.token_urlsafe(32)


@dataclass(frozen=True)
class Caller:
    """Who is making a request: the token's role and scope."""

    role: str
    token_id: str
    client_id: str | None = None
    member_id: str | None = None
    limit_key: str | None = None  # counted under this key instead of the token's id

    @property
    def rate_limit_key(self) -> str:
        return self.limit_key or f"token:{self.token_id}"


@dataclass(frozen=True)
class Token:
    id: str
    name: str
    role: str
    client_id: str | None
    member_id: str | None
    prefix: str
    created_at: datetime
    expires_at: datetime | None
    revoked_at: datetime | None

    def usable(self, now: datetime) -> bool:
        return self.revoked_at is None and (self.expires_at is None or self.expires_at > now)

    def caller(self) -> Caller:
        return Caller(self.role, self.id, self.client_id, self.member_id)


def _token(row) -> Token:
    return Token(row.id, row.name, row.role, row.client_id, row.member_id, row.prefix,
                 row.created_at, row.expires_at, row.revoked_at)


class TokenStore:
    def __init__(self, engine: Engine):
        self.engine = engine

    def issue(self, name: str, role: str, client_id: str | None, member_id: str | None,
              expires_at: datetime | None) -> tuple[Token, str]:
        """A new token and its secret (the only time the secret is known)."""
        secret = new_secret()
        values = {
            "id": str(uuid.uuid4()), "name": name, "role": role, "client_id": client_id,
            "member_id": member_id, "secret_hash": hash_secret(secret),
            "prefix": secret[: len(SECRET_PREFIX) + 4], "created_at": datetime.now(UTC),
            "expires_at": expires_at, "revoked_at": None,
        }
        with self.engine.begin() as connection:
            connection.execute(insert(api_tokens).values(values))
        return self.get(values["id"]), secret

    def get(self, token_id: str) -> Token | None:
        with self.engine.connect() as connection:
            row = connection.execute(
                select(api_tokens).where(api_tokens.c.id == token_id)).first()
        return _token(row) if row else None

    def find_by_secret(self, secret: str) -> Token | None:
        with self.engine.connect() as connection:
            row = connection.execute(
                select(api_tokens).where(api_tokens.c.secret_hash == hash_secret(secret))
            ).first()
        return _token(row) if row else None

    def page(self, limit: int, cursor: str | None) -> Page:
        with self.engine.connect() as connection:
            return keyset_page(connection, select(api_tokens), api_tokens.c.seq, limit, cursor,
                               _token)

    def revoke(self, token_id: str) -> bool:
        """Revoke a token (again revoking one is harmless); False when there is no such token."""
        with self.engine.begin() as connection:
            result = connection.execute(
                update(api_tokens)
                .where(api_tokens.c.id == token_id, api_tokens.c.revoked_at.is_(None))
                .values(revoked_at=datetime.now(UTC))
            )
        return result.rowcount == 1 or self.get(token_id) is not None

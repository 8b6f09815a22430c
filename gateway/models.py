"""Tables of the gateway's own database: API tokens and idempotency keys."""

from sqlalchemy import Column, Index, Integer, MetaData, String, Table, Text

from infra.sql_types import SequenceKey, UtcDateTime

metadata = MetaData()

api_tokens = Table(
    "api_tokens",
    metadata,
    Column("seq", SequenceKey, primary_key=True, autoincrement=True),
    Column("id", String(36), nullable=False, unique=True),
    Column("name", String(200), nullable=False),
    Column("role", String(20), nullable=False),
    Column("client_id", String(36)),
    Column("member_id", String(36)),
    Column("secret_hash", String(64), nullable=False, unique=True),
    Column("prefix", String(20), nullable=False),
    Column("created_at", UtcDateTime(), nullable=False),
    Column("expires_at", UtcDateTime()),
    Column("revoked_at", UtcDateTime()),
)

idempotency_keys = Table(
    "idempotency_keys",
    metadata,
    Column("scope", String(64), primary_key=True),
    Column("key", String(255), primary_key=True),
    Column("request_hash", String(64), nullable=False),
    Column("state", String(20), nullable=False),
    Column("status", Integer),
    Column("headers", Text),
    Column("body", Text),
    Column("created_at", UtcDateTime(), nullable=False),
    Index("ix_idempotency_keys_created_at", "created_at"),
)

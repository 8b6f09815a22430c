"""Tables of the federation database.

`partners` and `partner_keys` are the registry; `received_events` is the dedup store
and record of every accepted partner event (unique per source and id); `outbound_events`
is the outbox towards partners, drained by the relay; `outbox`/`inbox` are the usual
ones for events inside the coop.
"""

from sqlalchemy import (
    JSON,
    Column,
    Date,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

from infra.outbox import inbox_table, outbox_table
from infra.sql_types import SequenceKey, UtcDateTime

metadata = MetaData()

partners = Table(
    "partners",
    metadata,
    Column("seq", SequenceKey, primary_key=True, autoincrement=True),
    Column("id", String(36), nullable=False, unique=True),
    Column("coop_uri", String(200), nullable=False, unique=True),
    Column("name", String(200), nullable=False),
    Column("address_uri", String(500), nullable=False),
    Column("address_exchange", String(200), nullable=False),
    Column("accepted_types", JSON, nullable=False),
    Column("shared_types", JSON, nullable=False),
    Column("created_at", UtcDateTime(), nullable=False),
    Column("updated_at", UtcDateTime(), nullable=False),
    Column("version", Integer, nullable=False),
    # legal and billing details {legal_name, country, vat_id, address {street, postal_code,
    # city, country}}, null until the operator gives them (migration 0002)
    Column("billing", JSON),
)

partner_keys = Table(
    "partner_keys",
    metadata,
    Column("partner_id", String(36), ForeignKey("partners.id"), primary_key=True),
    Column("key_id", String(16), primary_key=True),
    Column("public_key", String(44), nullable=False),
    Column("added_at", UtcDateTime(), nullable=False),
    Column("retired_at", UtcDateTime(), nullable=True),
)

received_events = Table(
    "received_events",
    metadata,
    Column("seq", SequenceKey, primary_key=True, autoincrement=True),
    Column("source", String(200), nullable=False),
    Column("event_id", String(100), nullable=False),
    Column("partner_id", String(36), nullable=False, index=True),
    Column("event_type", String(100), nullable=False),
    Column("subject", String(200), nullable=False),
    Column("event_time", UtcDateTime(), nullable=False),
    Column("received_at", UtcDateTime(), nullable=False),
    Column("body", Text, nullable=False),
    UniqueConstraint("source", "event_id", name="uq_received_events_source_event_id"),
)

outbound_events = Table(
    "outbound_events",
    metadata,
    Column("seq", SequenceKey, primary_key=True, autoincrement=True),
    Column("event_id", String(36), nullable=False, unique=True),
    Column("partner_id", String(36), ForeignKey("partners.id"), nullable=False),
    Column("event_type", String(100), nullable=False),
    Column("subject", String(200), nullable=False),
    Column("body", Text, nullable=False),
    Column("created_at", UtcDateTime(), nullable=False),
    Column("sent_at", UtcDateTime(), nullable=True),
    Column("attempts", Integer, nullable=False, default=0),
    Column("next_attempt_at", UtcDateTime(), nullable=True),
    Column("last_error", String(500), nullable=True),
    Index("ix_outbound_events_unsent", "sent_at", "seq"),
    Index("ix_outbound_events_partner", "partner_id", "sent_at"),
)

# The latest skill supply each partner shared with us (counts only; `skills` is a list of
# {skill, members, verified_members})
partner_skill_supply = Table(
    "partner_skill_supply",
    metadata,
    Column("partner_id", String(36), ForeignKey("partners.id"), primary_key=True),
    Column("partner_name", String(200), nullable=False),
    Column("as_of", Date, nullable=False),
    Column("received_at", UtcDateTime(), nullable=False),
    Column("skills", JSON, nullable=False),
)

outbox = outbox_table(metadata)
inbox = inbox_table(metadata)

"""Tables of the matching database."""

from sqlalchemy import Boolean, Column, Integer, MetaData, Numeric, String, Table, Text

from infra.outbox import inbox_table, outbox_table
from infra.sql_types import SequenceKey, UtcDateTime

metadata = MetaData()

candidates = Table(
    "candidates",
    metadata,
    Column("member_id", String(36), primary_key=True),
    Column("version", Integer, nullable=False),
    Column("name", String(200), nullable=False),
    Column("city", String(100)),
    Column("introduction", Text, nullable=False),
    Column("hourly_rate", Numeric(14, 2)),
    Column("status", String(20), nullable=False),
    Column("updated_at", UtcDateTime(), nullable=False),
)

# Address and contact person as plain columns: simple queries on every database, and the
# contact person's personal data can be erased column by column.
clients = Table(
    "clients",
    metadata,
    Column("seq", SequenceKey, primary_key=True, autoincrement=True),
    Column("id", String(36), nullable=False, unique=True),
    Column("name", String(200), nullable=False),
    Column("country", String(2), nullable=False),
    Column("vat_id", String(20)),
    Column("kvk_number", String(8)),
    Column("is_business", Boolean, nullable=False),
    Column("address_street", String(200), nullable=False),
    Column("address_postal_code", String(16), nullable=False),
    Column("address_city", String(100), nullable=False),
    Column("billing_email", String(254)),
    Column("contact_name", String(200), nullable=False),
    Column("contact_email", String(254), nullable=False),
    Column("contact_phone", String(40)),
    Column("version", Integer, nullable=False),
    Column("created_at", UtcDateTime(), nullable=False),
    Column("updated_at", UtcDateTime(), nullable=False),
)

outbox = outbox_table(metadata)
inbox = inbox_table(metadata)

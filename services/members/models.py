"""Tables of the members database."""

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Column,
    Date,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    Numeric,
    SmallInteger,
    String,
    Table,
    Text,
    false,
)

from infra.outbox import inbox_table, outbox_table
from infra.sql_types import SequenceKey, UtcDateTime

metadata = MetaData()

members = Table(
    "members",
    metadata,
    Column("seq", SequenceKey, primary_key=True, autoincrement=True),
    Column("id", String(36), nullable=False, unique=True),
    Column("name", String(200), nullable=False),
    Column("email", String(254), nullable=False, unique=True),
    Column("phone", String(40)),
    Column("city", String(100)),
    Column("introduction", Text, nullable=False, default=""),
    Column("hourly_rate", Numeric(14, 2)),
    Column("kvk_number", String(8)),
    Column("btw_id", String(14)),
    Column("iban", String(34)),
    Column("languages", JSON, nullable=False, server_default="[]"),
    Column("motivation", Text, nullable=False, server_default=""),
    # opted in to the public directory on the website (shown only while active)
    Column("listed_in_directory", Boolean, nullable=False, server_default=false()),
    Column("introduced_by", String(36)),
    Column("status", String(20), nullable=False, index=True),
    Column("joined_on", Date),
    Column("left_on", Date),
    Column("suspension_reason", Text),
    Column("erased_at", UtcDateTime()),
    Column("default_weekly_hours", Numeric(5, 2), nullable=False, server_default="0"),
    Column("version", Integer, nullable=False),
    Column("created_at", UtcDateTime(), nullable=False),
    Column("updated_at", UtcDateTime(), nullable=False),
)

member_skills = Table(
    "member_skills",
    metadata,
    Column("member_id", String(36), ForeignKey("members.id"), primary_key=True),
    Column("skill", String(60), primary_key=True),
    Column("level", SmallInteger),
    Column("years_experience", SmallInteger),
    Column("wants_to_grow", Boolean, nullable=False),
    Column("verified_level", SmallInteger),
    Column("evidence", JSON, nullable=False),
    Column("verified_at", UtcDateTime()),
    CheckConstraint("level BETWEEN 1 AND 5", name="ck_member_skills_level"),
    CheckConstraint("verified_level BETWEEN 1 AND 5", name="ck_member_skills_verified_level"),
    Index("ix_member_skills_skill", "skill"),
)

# Skills operators added; the shipped ones live in services/members/data/skills.json.
skills = Table(
    "skills",
    metadata,
    Column("slug", String(60), primary_key=True),
    Column("name", String(100), nullable=False),
    Column("name_nl", String(100)),  # the Dutch name; null: the English one serves
    Column("category", String(40), nullable=False),
    Column("esco_uri", String(200)),
    Column("added_at", UtcDateTime(), nullable=False),
)

capacity_overrides = Table(
    "capacity_overrides",
    metadata,
    Column("member_id", String(36), ForeignKey("members.id"), primary_key=True),
    Column("week", String(8), primary_key=True),  # "2026-W05": sorts in time order
    Column("hours", Numeric(5, 2), nullable=False),
)

unavailability = Table(
    "unavailability",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("member_id", String(36), ForeignKey("members.id"), nullable=False),
    Column("kind", String(20), nullable=False),
    Column("starts_on", Date, nullable=False),
    Column("ends_on", Date, nullable=False),
    Column("reason", Text),
    CheckConstraint("ends_on >= starts_on", name="ck_unavailability_dates"),
    Index("ix_unavailability_member_dates", "member_id", "starts_on"),
)

sponsorships = Table(
    "sponsorships",
    metadata,
    Column("applicant_id", String(36), ForeignKey("members.id"), primary_key=True),
    Column("sponsor_id", String(36), ForeignKey("members.id"), primary_key=True),
    Column("met_on", Date, nullable=False),
    Column("note", Text, nullable=False),
    Column("recorded_at", UtcDateTime(), nullable=False),
    Index("ix_sponsorships_sponsor", "sponsor_id"),
)

outbox = outbox_table(metadata)
inbox = inbox_table(metadata)

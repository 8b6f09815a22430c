"""Tables of the learning database.

Read models kept from other services' events (`members`, `assignments`,
`project_roles`, `coverage_gaps`, `fund_contributions`) and learning's own
aggregates. Tables changed by several workers carry a `version` for optimistic
locking; partial unique indexes keep "one open offer / wish / standing
endorsement / mentorship under way" true even for two requests at once.
"""

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Column,
    Date,
    Index,
    Integer,
    MetaData,
    Numeric,
    SmallInteger,
    String,
    Table,
    Text,
    text,
)

from infra.outbox import inbox_table, outbox_table
from infra.sql_types import SequenceKey, UtcDateTime

metadata = MetaData()


def _id_columns():
    return (Column("seq", SequenceKey, primary_key=True, autoincrement=True),
            Column("id", String(36), nullable=False, unique=True))


def _level_check(table: str, column: str = "level", low: int = 1) -> CheckConstraint:
    return CheckConstraint(f"{column} BETWEEN {low} AND 5", name=f"ck_{table}_{column}")


def _partial_unique(name: str, *columns: str, where: str) -> Index:
    return Index(name, *columns, unique=True, sqlite_where=text(where),
                 postgresql_where=text(where))


# --- read models -------------------------------------------------------------------------

members = Table(
    "members",
    metadata,
    Column("member_id", String(36), primary_key=True),
    Column("version", Integer, nullable=False),
    Column("name", String(200), nullable=False),
    Column("status", String(20), nullable=False, index=True),
    Column("skills", JSON, nullable=False),  # {slug: {"declared": n, "verified": n}}
    Column("updated_at", UtcDateTime(), nullable=False),
)

assignments = Table(
    "assignments",
    metadata,
    Column("assignment_id", String(36), primary_key=True),
    Column("project_id", String(36), nullable=False, index=True),
    Column("client_id", String(36), nullable=False),
    Column("member_id", String(36), nullable=False, index=True),
    Column("skill", String(60)),
    Column("starts_on", Date, nullable=False),
    Column("ends_on", Date),
)

project_roles = Table(
    "project_roles",
    metadata,
    Column("seq", SequenceKey, primary_key=True, autoincrement=True),
    Column("project_id", String(36), nullable=False, index=True),
    Column("client_id", String(36), nullable=False),
    Column("skill", String(60), nullable=False),
    Column("min_level", SmallInteger, nullable=False),
    Column("seats", Integer, nullable=False),
    Column("created_at", UtcDateTime(), nullable=False, index=True),
)

coverage_gaps = Table(
    "coverage_gaps",
    metadata,
    Column("seq", SequenceKey, primary_key=True, autoincrement=True),
    Column("project_id", String(36), nullable=False),
    Column("skill", String(60), nullable=False),
    Column("min_level", SmallInteger, nullable=False),
    Column("unfilled_seats", Integer, nullable=False),
    Column("detected_at", UtcDateTime(), nullable=False, index=True),
)

fund_contributions = Table(
    "fund_contributions",
    metadata,
    Column("contribution_id", String(100), primary_key=True),
    Column("member_id", String(36)),  # None: the coop's own contribution
    Column("year", Integer, nullable=False, index=True),
    Column("amount", Numeric(14, 2), nullable=False),
    Column("booked_on", Date, nullable=False),
    Column("recorded_at", UtcDateTime(), nullable=False),
)

# --- offers, wishes, mentorships, sessions -----------------------------------------------

offers = Table(
    "offers",
    metadata,
    *_id_columns(),
    Column("member_id", String(36), nullable=False, index=True),
    Column("skill", String(60), nullable=False, index=True),
    Column("level", SmallInteger, nullable=False),
    Column("formats", JSON, nullable=False),
    Column("hours_per_month", Numeric(5, 2), nullable=False),
    Column("note", Text, nullable=False),
    Column("status", String(20), nullable=False),
    Column("created_at", UtcDateTime(), nullable=False),
    Column("version", Integer, nullable=False),
    _level_check("offers"),
    _partial_unique("uq_offers_open", "member_id", "skill", where="status = 'open'"),
)

wishes = Table(
    "wishes",
    metadata,
    *_id_columns(),
    Column("member_id", String(36), nullable=False, index=True),
    Column("skill", String(60), nullable=False, index=True),
    Column("current_level", SmallInteger, nullable=False),
    Column("target_level", SmallInteger, nullable=False),
    Column("why", Text, nullable=False),
    Column("status", String(20), nullable=False),
    Column("created_at", UtcDateTime(), nullable=False),
    Column("version", Integer, nullable=False),
    _level_check("wishes", "current_level", low=0),
    _level_check("wishes", "target_level"),
    _partial_unique("uq_wishes_open", "member_id", "skill", where="status = 'open'"),
)

mentorships = Table(
    "mentorships",
    metadata,
    *_id_columns(),
    Column("wish_id", String(36), nullable=False, index=True),
    Column("offer_id", String(36), nullable=False),
    Column("mentor_id", String(36), nullable=False, index=True),
    Column("mentee_id", String(36), nullable=False, index=True),
    Column("skill", String(60), nullable=False),
    Column("target_level", SmallInteger, nullable=False),
    Column("status", String(20), nullable=False),
    Column("proposed_at", UtcDateTime(), nullable=False),
    Column("accepted_at", UtcDateTime()),
    Column("started_at", UtcDateTime()),
    Column("ended_at", UtcDateTime()),
    Column("version", Integer, nullable=False),
    _partial_unique("uq_mentorships_under_way", "wish_id",
                    where="status IN ('proposed', 'accepted', 'active')"),
)

sessions = Table(
    "sessions",
    metadata,
    *_id_columns(),
    Column("mentorship_id", String(36), nullable=False, index=True),
    Column("held_on", Date, nullable=False),
    Column("duration_minutes", Integer, nullable=False),
    Column("notes", Text, nullable=False),
    Column("done", Boolean, nullable=False),
    Column("recorded_by", String(36)),
    Column("recorded_at", UtcDateTime(), nullable=False),
    Column("mentor_rating", SmallInteger),
    Column("mentor_comment", Text),
    Column("mentor_feedback_at", UtcDateTime()),
    Column("mentee_rating", SmallInteger),
    Column("mentee_comment", Text),
    Column("mentee_feedback_at", UtcDateTime()),
    Column("version", Integer, nullable=False),
)

# --- endorsements, verifications, badges -------------------------------------------------

endorsements = Table(
    "endorsements",
    metadata,
    *_id_columns(),
    Column("member_id", String(36), nullable=False),
    Column("skill", String(60), nullable=False),
    Column("level", SmallInteger, nullable=False),
    Column("endorser_kind", String(10), nullable=False),
    Column("endorser_id", String(36), nullable=False, index=True),
    Column("basis", String(20), nullable=False),
    Column("basis_id", String(36), nullable=False),
    Column("comment", Text, nullable=False),
    Column("given_at", UtcDateTime(), nullable=False),
    Column("withdrawn_at", UtcDateTime()),
    Column("withdrawal_reason", String(20)),
    Column("version", Integer, nullable=False),
    _level_check("endorsements"),
    Index("ix_endorsements_member_skill", "member_id", "skill"),
    _partial_unique("uq_endorsements_standing", "endorser_kind", "endorser_id", "member_id",
                    "skill", where="withdrawn_at IS NULL"),
)

verifications = Table(
    "verifications",
    metadata,
    Column("member_id", String(36), primary_key=True),
    Column("skill", String(60), primary_key=True),
    Column("level", SmallInteger, nullable=False),
    Column("evidence", JSON, nullable=False),
    Column("verified_at", UtcDateTime(), nullable=False),
    _level_check("verifications"),
)

badges = Table(
    "badges",
    metadata,
    *_id_columns(),
    Column("member_id", String(36), nullable=False, index=True),
    Column("skill", String(60), nullable=False),
    Column("level", SmallInteger, nullable=False),
    Column("evidence", JSON, nullable=False),
    Column("issued_at", UtcDateTime(), nullable=False),
    Column("credential", Text, nullable=False),  # the signed JSON, exactly as issued
    Column("revoked_at", UtcDateTime()),
    Column("revocation_reason", Text),
    Column("version", Integer, nullable=False),
)

# --- development budget ------------------------------------------------------------------

development_requests = Table(
    "development_requests",
    metadata,
    *_id_columns(),
    Column("member_id", String(36), nullable=False),
    Column("kind", String(20), nullable=False),
    Column("title", String(200), nullable=False),
    Column("what_you_will_learn", Text, nullable=False),
    Column("amount", Numeric(14, 2), nullable=False),
    Column("currency", String(3), nullable=False),
    Column("year", Integer, nullable=False),
    Column("status", String(20), nullable=False, index=True),
    Column("requested_at", UtcDateTime(), nullable=False),
    Column("approvals", JSON, nullable=False),
    Column("decided_at", UtcDateTime()),
    Column("rejection_reason", Text),
    Column("version", Integer, nullable=False),
    CheckConstraint("amount > 0", name="ck_development_requests_amount"),
    Index("ix_development_requests_member_year", "member_id", "year"),
)

outbox = outbox_table(metadata)
inbox = inbox_table(metadata)

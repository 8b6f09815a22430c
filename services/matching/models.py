"""Tables of the matching database."""

from sqlalchemy import (
    JSON,
    Boolean,
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
    UniqueConstraint,
)

from infra.locks import locks_table
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
    Column("languages", JSON, nullable=False, server_default="[]"),
    Column("left_on", Date),
)

# Indexed by skill: proposing a team starts from the candidates having a role's skill.
candidate_skills = Table(
    "candidate_skills",
    metadata,
    Column("member_id", String(36), ForeignKey("candidates.member_id"), primary_key=True),
    Column("skill", String(60), primary_key=True),
    Column("level", SmallInteger),
    Column("verified_level", SmallInteger),
    Column("wants_to_grow", Boolean, nullable=False),
    Column("years_experience", SmallInteger),
    Index("ix_candidate_skills_skill", "skill"),
)

# Capacity and periods have no foreign key to `candidates`: their events travel on
# other queues and may arrive before the member's first snapshot.
candidate_capacity = Table(
    "candidate_capacity",
    metadata,
    Column("member_id", String(36), primary_key=True),
    Column("version", Integer, nullable=False),
    Column("default_weekly_hours", Numeric(5, 2), nullable=False),
)

candidate_capacity_overrides = Table(
    "candidate_capacity_overrides",
    metadata,
    Column("member_id", String(36), ForeignKey("candidate_capacity.member_id"),
           primary_key=True),
    Column("week", String(8), primary_key=True),  # "2026-W05"
    Column("hours", Numeric(5, 2), nullable=False),
)

# A removed period stays as a tombstone (`removed`), so that a late, older
# `member_unavailable` does not bring it back.
candidate_unavailability = Table(
    "candidate_unavailability",
    metadata,
    Column("unavailability_id", String(36), primary_key=True),
    Column("member_id", String(36), nullable=False),
    Column("version", Integer, nullable=False),
    Column("starts_on", Date, nullable=False),
    Column("ends_on", Date, nullable=False),
    Column("removed", Boolean, nullable=False),
    Index("ix_candidate_unavailability_member_id", "member_id"),
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

# --- projects, proposals and the team --------------------------------------------------------
# Lists of strings and the solver's stored result are JSON text: read whole, never queried.

projects = Table(
    "projects",
    metadata,
    Column("seq", SequenceKey, primary_key=True, autoincrement=True),
    Column("id", String(36), nullable=False, unique=True),
    Column("client_id", String(36), ForeignKey("clients.id"), nullable=False, index=True),
    Column("title", String(200), nullable=False),
    Column("description", Text, nullable=False),
    Column("starts_on", Date, nullable=False),
    Column("ends_on", Date, nullable=False),
    Column("budget", Numeric(14, 2)),
    Column("growth_seat", Boolean, nullable=False),
    Column("checkin_every_weeks", Integer, nullable=False),
    Column("status", String(20), nullable=False, index=True),
    Column("version", Integer, nullable=False),
    Column("created_at", UtcDateTime(), nullable=False),
    Column("updated_at", UtcDateTime(), nullable=False),
)

project_roles = Table(
    "project_roles",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("project_id", String(36), ForeignKey("projects.id"), nullable=False, index=True),
    Column("position", Integer, nullable=False),
    Column("skill", String(60), nullable=False),
    Column("minimum_level", Integer, nullable=False),
    Column("hours_per_week", Numeric(5, 2), nullable=False),
    Column("seats", Integer, nullable=False),
    Column("nice_to_have", Text, nullable=False),
)

proposals = Table(
    "proposals",
    metadata,
    Column("seq", SequenceKey, primary_key=True, autoincrement=True),
    Column("id", String(36), nullable=False, unique=True),
    Column("project_id", String(36), ForeignKey("projects.id"), nullable=False, index=True),
    Column("project_version", Integer, nullable=False),
    Column("client_id", String(36), nullable=False),
    Column("created_at", UtcDateTime(), nullable=False),
    Column("status", String(20), nullable=False),
    Column("accepted_option", Integer),
    Column("options", Text, nullable=False),
    Column("result", Text, nullable=False),
)

seats = Table(
    "seats",
    metadata,
    Column("id", String(110), primary_key=True),
    Column("project_id", String(36), ForeignKey("projects.id"), nullable=False, index=True),
    Column("role_id", String(36)),
    Column("position", Integer, nullable=False),
    Column("primary_member_id", String(36), nullable=False, index=True),
    Column("backup_member_id", String(36), index=True),
)

assignments = Table(
    "assignments",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("project_id", String(36), ForeignKey("projects.id"), nullable=False, index=True),
    Column("client_id", String(36), nullable=False),
    Column("seat_id", String(110), ForeignKey("seats.id"), nullable=False),
    Column("member_id", String(36), nullable=False, index=True),
    Column("role_id", String(36)),
    Column("skill", String(60), nullable=False),
    Column("hours_per_week", Numeric(5, 2), nullable=False),
    Column("starts_on", Date, nullable=False),
    Column("ends_on", Date, nullable=False),
    Column("hourly_rate", Numeric(14, 2), nullable=False),
    Column("kind", String(20), nullable=False),
    Column("status", String(20), nullable=False),
    Column("ended_on", Date),
    Column("end_reason", String(600)),
)

meetings = Table(
    "meetings",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("project_id", String(36), ForeignKey("projects.id"), nullable=False, index=True),
    Column("kind", String(20), nullable=False),
    Column("scheduled_on", Date, nullable=False),
    Column("attendees", Text, nullable=False),
)

checkin_ratings = Table(
    "checkin_ratings",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("meeting_id", String(36), ForeignKey("meetings.id"), nullable=False, index=True),
    Column("project_id", String(36), nullable=False, index=True),
    Column("rated_by", String(10), nullable=False),
    Column("member_id", String(36)),
    # "client" or the member's id: each side rates a check-in once
    Column("rater", String(36), nullable=False),
    Column("rating", Integer, nullable=False),
    Column("comment", Text, nullable=False),
    Column("endorsements", Text, nullable=False),
    Column("recorded_at", UtcDateTime(), nullable=False),
    UniqueConstraint("meeting_id", "rater", name="uq_checkin_ratings_one_per_rater"),
)

timeline = Table(
    "timeline",
    metadata,
    Column("seq", SequenceKey, primary_key=True, autoincrement=True),
    Column("id", String(36), nullable=False, unique=True),
    Column("project_id", String(36), nullable=False, index=True),
    Column("at", UtcDateTime(), nullable=False),
    Column("kind", String(40), nullable=False),
    Column("summary", Text, nullable=False),
    Column("data", Text, nullable=False),
)

settings = Table(
    "settings",
    metadata,
    Column("name", String(40), primary_key=True),
    Column("value", Text, nullable=False),
    Column("updated_at", UtcDateTime(), nullable=False),
)

locks = locks_table(metadata)

# --- leads and client relationships -----------------------------------------------------------
# A lead keeps its contact person in plain columns (personal data, erasable column by
# column); its wished-for roles are JSON text, read whole, never queried.

leads = Table(
    "leads",
    metadata,
    Column("seq", SequenceKey, primary_key=True, autoincrement=True),
    Column("id", String(36), nullable=False, unique=True),
    Column("organisation", String(200), nullable=False),
    Column("contact_name", String(200)),  # the contact person: null once erased
    Column("contact_email", String(254)),
    Column("contact_phone", String(40)),
    Column("description", Text, nullable=False),
    Column("roles", Text, nullable=False),
    Column("starts_on", Date),
    Column("ends_on", Date),
    Column("budget_min", Numeric(14, 2)),
    Column("budget_max", Numeric(14, 2)),
    Column("source", String(20), nullable=False),
    Column("status", String(20), nullable=False, index=True),
    Column("found_by_member_id", String(36)),
    Column("assignee_member_id", String(36), index=True),
    Column("contacted_on", Date),
    Column("contacted_by_member_id", String(36)),
    Column("qualification_notes", Text),
    Column("intake_on", Date),
    Column("client_id", String(36), ForeignKey("clients.id"), index=True),
    Column("project_id", String(36), ForeignKey("projects.id")),
    Column("closed_reason", String(500)),
    Column("closed_from", String(20)),
    Column("contact_erased_at", UtcDateTime()),
    Column("version", Integer, nullable=False),
    Column("received_at", UtcDateTime(), nullable=False),
    Column("updated_at", UtcDateTime(), nullable=False),
)

# Every change of the coop's contact person for a client: the last row is the current one.
relationship_owners = Table(
    "relationship_owners",
    metadata,
    Column("seq", SequenceKey, primary_key=True, autoincrement=True),
    Column("client_id", String(36), ForeignKey("clients.id"), nullable=False, index=True),
    Column("member_id", String(36), nullable=False),
    Column("since", UtcDateTime(), nullable=False),
)

relationship_notes = Table(
    "relationship_notes",
    metadata,
    Column("seq", SequenceKey, primary_key=True, autoincrement=True),
    Column("id", String(36), nullable=False, unique=True),
    Column("client_id", String(36), ForeignKey("clients.id"), nullable=False, index=True),
    Column("contacted_on", Date, nullable=False),
    Column("kind", String(20), nullable=False),
    Column("member_id", String(36)),
    Column("summary", Text, nullable=False),
    Column("recorded_at", UtcDateTime(), nullable=False),
)

# What billing's `invoice_issued` and `invoice_paid` told; no foreign key, since events
# travel on their own queues and in any order.
client_invoices = Table(
    "client_invoices",
    metadata,
    Column("invoice_id", String(36), primary_key=True),
    Column("client_id", String(36), nullable=False, index=True),
    Column("number", String(40)),
    Column("project_id", String(36)),
    Column("issue_date", Date),
    Column("due_date", Date),
    Column("gross_total", Numeric(14, 2)),
    Column("paid_on", Date),
    Column("credited_invoice", String(40)),  # a credit note: the number it credits
)

# --- Federation flows: our seat offers to partner coops (we borrow) ---------------------------
seat_offers = Table(
    "seat_offers",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("project_id", String(36), ForeignKey("projects.id"), nullable=False, index=True),
    Column("client_id", String(36), nullable=False),
    Column("seat_id", String(110), nullable=False, index=True),
    Column("role_id", String(36), nullable=False),
    Column("skill", String(60), nullable=False),
    Column("min_level", SmallInteger, nullable=False),
    Column("hours_per_week", Numeric(5, 2), nullable=False),
    Column("first_week", String(8), nullable=False),
    Column("last_week", String(8), nullable=False),
    Column("rate_min", Numeric(14, 2), nullable=False),
    Column("rate_max", Numeric(14, 2), nullable=False),
    Column("currency", String(3), nullable=False),
    Column("languages", JSON, nullable=False),
    Column("description", Text, nullable=False),
    Column("reason", String(20), nullable=False),
    Column("status", String(20), nullable=False),
    Column("opened_at", UtcDateTime(), nullable=False),
)
# a seat's open offers never share a week: the same first week twice is a race (the weeks
# of a withdrawn offer, or of a placement cut short, may be offered again)
Index("uq_seat_offers_seat_first_week", seat_offers.c.seat_id, seat_offers.c.first_week,
      unique=True, sqlite_where=seat_offers.c.status == "open",
      postgresql_where=seat_offers.c.status == "open")

seat_offer_recipients = Table(
    "seat_offer_recipients",
    metadata,
    Column("offer_id", String(36), ForeignKey("seat_offers.id"), primary_key=True),
    Column("partner_id", String(36), primary_key=True),
    Column("partner_name", String(200), nullable=False),
)

partner_candidates = Table(
    "partner_candidates",
    metadata,
    Column("offer_id", String(36), ForeignKey("seat_offers.id"), primary_key=True),
    Column("candidate_id", String(36), primary_key=True),
    Column("partner_id", String(36), nullable=False),
    Column("partner_name", String(200), nullable=False),
    Column("skills", JSON, nullable=False),
    Column("available_hours_per_week", Numeric(5, 2), nullable=False),
    Column("introduction", Text, nullable=False),
    Column("languages", JSON, nullable=False),
    Column("hourly_rate", Numeric(14, 2), nullable=False),
    Column("currency", String(3), nullable=False),
    Column("received_at", UtcDateTime(), nullable=False),
    Column("status", String(20), nullable=False, server_default="offered"),
)

# A partner's member on one of our seats (an external team member: no member id)
placements = Table(
    "placements",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("offer_id", String(36), ForeignKey("seat_offers.id"), nullable=False, unique=True),
    Column("project_id", String(36), ForeignKey("projects.id"), nullable=False, index=True),
    Column("client_id", String(36), nullable=False),
    Column("seat_id", String(110), nullable=False),
    Column("role_id", String(36), nullable=False),
    Column("skill", String(60), nullable=False),
    Column("partner_id", String(36), nullable=False),
    Column("partner_name", String(200), nullable=False),
    Column("candidate_id", String(36), nullable=False),
    Column("hours_per_week", Numeric(5, 2), nullable=False),
    Column("starts_on", Date, nullable=False),
    Column("ends_on", Date, nullable=False),
    Column("client_hourly_rate", Numeric(14, 2), nullable=False),
    Column("partner_hourly_rate", Numeric(14, 2), nullable=False),
    Column("currency", String(3), nullable=False),
    Column("placed_at", UtcDateTime(), nullable=False),
    Column("introduction", Text, nullable=False),
)

# the days a partner's member on one of our seats cannot work (the partner's interruption id)
placement_interruptions = Table(
    "placement_interruptions",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("placement_id", String(36), ForeignKey("placements.id"), nullable=False, index=True),
    Column("first_day", Date, nullable=False),
    Column("last_day", Date, nullable=False),
    Column("as_of", UtcDateTime(), nullable=False),
    Column("reported_weeks", JSON, nullable=False),
)

# --- Federation flows: partners' seat offers to us (we lend) -----------------------------------
incoming_offers = Table(
    "incoming_offers",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("partner_id", String(36), nullable=False),
    Column("partner_name", String(200), nullable=False),
    Column("offer_id", String(36), nullable=False),
    Column("skill", String(60), nullable=False),
    Column("min_level", SmallInteger, nullable=False),
    Column("hours_per_week", Numeric(5, 2), nullable=False),
    Column("first_week", String(8), nullable=False),
    Column("last_week", String(8), nullable=False),
    Column("rate_min", Numeric(14, 2), nullable=False),
    Column("rate_max", Numeric(14, 2), nullable=False),
    Column("currency", String(3), nullable=False),
    Column("languages", JSON, nullable=False),
    Column("description", Text, nullable=False),
    Column("received_at", UtcDateTime(), nullable=False),
    Column("status", String(20), nullable=False),
    UniqueConstraint("partner_id", "offer_id", name="uq_incoming_offers_partner_offer"),
)

offered_candidates = Table(
    "offered_candidates",
    metadata,
    Column("candidate_id", String(36), primary_key=True),
    Column("incoming_offer_id", String(36), ForeignKey("incoming_offers.id"), nullable=False,
           index=True),
    Column("partner_id", String(36), nullable=False),
    Column("offer_id", String(36), nullable=False),
    Column("member_id", String(36), nullable=False, index=True),
    Column("hourly_rate", Numeric(14, 2), nullable=False),
    Column("currency", String(3), nullable=False),
    Column("skills", JSON, nullable=False),
    Column("available_hours_per_week", Numeric(5, 2), nullable=False),
    Column("introduction", Text, nullable=False),
    Column("languages", JSON, nullable=False),
    Column("offered_at", UtcDateTime(), nullable=False),
    Column("status", String(20), nullable=False),
    UniqueConstraint("incoming_offer_id", "member_id", name="uq_offered_candidates_offer_member"),
)

# Our member lent to a partner coop: books their hours as an assignment does
lendings = Table(
    "lendings",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("placement_id", String(36), nullable=False),
    Column("partner_id", String(36), nullable=False),
    Column("partner_name", String(200), nullable=False),
    Column("offer_id", String(36), nullable=False),
    Column("candidate_id", String(36), ForeignKey("offered_candidates.candidate_id"),
           nullable=False, unique=True),
    Column("member_id", String(36), nullable=False, index=True),
    Column("skill", String(60), nullable=False),
    Column("starts_on", Date, nullable=False),
    Column("ends_on", Date, nullable=False),
    Column("hours_per_week", Numeric(5, 2), nullable=False),
    Column("hourly_rate", Numeric(14, 2), nullable=False),
    Column("currency", String(3), nullable=False),
    Column("lent_at", UtcDateTime(), nullable=False),
    UniqueConstraint("partner_id", "placement_id", name="uq_lendings_partner_placement"),
)

# what we told a partner of the days our lent member cannot work (by interruption id)
lending_interruptions = Table(
    "lending_interruptions",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("lending_id", String(36), ForeignKey("lendings.id"), nullable=False, index=True),
    Column("unavailability_id", String(36), nullable=False),
    Column("first_day", Date, nullable=False),
    Column("last_day", Date, nullable=False),
)

outbox = outbox_table(metadata)
inbox = inbox_table(metadata)

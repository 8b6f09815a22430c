"""Tables of the billing database.

Money is `Numeric(14, 2)` and hours `Numeric(6, 2)`, never float. Issued documents
(`invoices` and their lines and VAT subtotals) and the ledger (`postings`,
`ledger_entries`) are insert-only: the migration adds triggers that refuse any
UPDATE or DELETE on them, so a correction can only be a new document or posting.
"""

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
    String,
    Table,
    Text,
    UniqueConstraint,
)

from infra.locks import locks_table
from infra.outbox import inbox_table, outbox_table
from infra.sql_types import SequenceKey, UtcDateTime

metadata = MetaData()

ID = 36  # a UUID as text
NUMBER = 11  # an invoice number: 2026-000123


def _money(name: str, **kwargs) -> Column:
    return Column(name, Numeric(14, 2), nullable=False, **kwargs)


def _percent(name: str) -> Column:
    return Column(name, Numeric(5, 2), nullable=False)


# --- copies of what other services decided ----------------------------------------------

clients = Table(
    "clients",
    metadata,
    Column("id", String(ID), primary_key=True),
    Column("name", String(200), nullable=False),
    Column("street", String(200), nullable=False),
    Column("postal_code", String(16), nullable=False),
    Column("city", String(100), nullable=False),
    Column("country", String(2), nullable=False),
    Column("is_business", Boolean, nullable=False),
    Column("vat_id", String(40)),
    Column("kvk_number", String(8)),
    Column("billing_email", String(254)),
    Column("version", Integer, nullable=False),
    Column("updated_at", UtcDateTime(), nullable=False),
)

member_names = Table(  # from members' public snapshots: the name on invoice lines
    "member_names",
    metadata,
    Column("member_id", String(ID), primary_key=True),
    Column("name", String(200)),  # null once the member is erased
    Column("version", Integer, nullable=False),
    Column("updated_at", UtcDateTime(), nullable=False),
)

contracts = Table(
    "contracts",
    metadata,
    Column("seq", SequenceKey, primary_key=True, autoincrement=True),
    Column("id", String(ID), nullable=False, unique=True),
    Column("member_id", String(ID), nullable=False, index=True),
    Column("client_id", String(ID), nullable=False, index=True),
    Column("project_id", String(ID), nullable=False),
    _money("hourly_rate"),
    Column("starts_on", Date, nullable=False),
    Column("ends_on", Date, nullable=False),
    Column("description", Text, nullable=False),
    _percent("vat_rate"),
    _percent("fee_percent"),
    _percent("development_percent"),
    Column("recorded_at", UtcDateTime(), nullable=False),
    Column("ended_on", Date),  # matching ended the assignment after this day
    Column("end_reason", String(200)),
    CheckConstraint("ends_on >= starts_on", name="ck_contracts_dates"),
    CheckConstraint("hourly_rate > 0", name="ck_contracts_hourly_rate"),
)

# --- hours -----------------------------------------------------------------------------

time_entries = Table(
    "time_entries",
    metadata,
    Column("seq", SequenceKey, primary_key=True, autoincrement=True),
    Column("id", String(ID), nullable=False, unique=True),
    Column("contract_id", String(ID), ForeignKey("contracts.id"), nullable=False),
    Column("member_id", String(ID), nullable=False),
    Column("client_id", String(ID), nullable=False),
    Column("project_id", String(ID), nullable=False),
    Column("day", Date, nullable=False),
    Column("hours", Numeric(6, 2), nullable=False),
    Column("status", String(10), nullable=False),
    Column("submitted_at", UtcDateTime(), nullable=False),
    Column("decided_at", UtcDateTime()),
    Column("rejection_reason", Text),
    Column("invoice_number", String(NUMBER)),
    Column("version", Integer, nullable=False),  # optimistic check on every save
    UniqueConstraint("contract_id", "day", name="uq_time_entries_contract_day"),
    CheckConstraint("hours > 0 AND hours <= 24", name="ck_time_entries_hours"),
    CheckConstraint("status IN ('submitted', 'approved', 'rejected')",
                    name="ck_time_entries_status"),
    Index("ix_time_entries_member_day", "member_id", "day"),
    Index("ix_time_entries_status_day", "status", "day"),
    Index("ix_time_entries_client_status", "client_id", "status"),
)

# --- issued documents (insert-only) ----------------------------------------------------

invoices = Table(
    "invoices",
    metadata,
    Column("seq", SequenceKey, primary_key=True, autoincrement=True),
    Column("id", String(ID), nullable=False, unique=True),
    # unique: the safety net of the gapless series (numbering.py)
    Column("number", String(NUMBER), nullable=False, unique=True),
    Column("type_code", String(3), nullable=False),
    Column("issue_date", Date, nullable=False),
    Column("due_date", Date, nullable=False),
    Column("period_start", Date, nullable=False),
    Column("period_end", Date, nullable=False),
    Column("client_id", String(ID), nullable=False, index=True),
    Column("project_id", String(ID), nullable=False),
    Column("supplier", JSON, nullable=False),  # the parties as they were on the document
    Column("customer", JSON, nullable=False),
    Column("treatment", JSON, nullable=False),
    Column("note", Text),
    _money("net_total"),
    _money("vat_total"),
    _money("gross_total"),
    Column("credited_invoice", String(NUMBER), index=True),
    Column("credited_invoice_date", Date),
    Column("reason", Text),
    Column("created_at", UtcDateTime(), nullable=False),
    CheckConstraint("type_code IN ('380', '381')", name="ck_invoices_type_code"),
)

invoice_lines = Table(
    "invoice_lines",
    metadata,
    Column("invoice_id", String(ID), ForeignKey("invoices.id"), primary_key=True),
    Column("number", Integer, primary_key=True, autoincrement=False),
    Column("contract_id", String(ID), nullable=False),
    Column("member_id", String(ID), nullable=False, index=True),
    Column("description", Text, nullable=False),
    Column("quantity", Numeric(6, 2), nullable=False),
    _money("unit_price"),
    _money("net"),
    Column("vat_category", String(2), nullable=False),
    _percent("vat_rate"),
    _percent("fee_percent"),
    _percent("development_percent"),
    Column("entry_ids", JSON, nullable=False),
    Column("original_line", Integer),
    Column("member_name", String(200)),  # who did the work, as known when issued
)

invoice_vat_subtotals = Table(
    "invoice_vat_subtotals",
    metadata,
    Column("invoice_id", String(ID), ForeignKey("invoices.id"), primary_key=True),
    Column("position", Integer, primary_key=True, autoincrement=False),
    Column("category", String(2), nullable=False),
    _percent("rate"),
    _money("taxable_amount"),
    _money("vat_amount"),
)

number_series = Table(
    "number_series",
    metadata,
    Column("year", Integer, primary_key=True, autoincrement=False),
    Column("last_used", Integer, nullable=False),
    CheckConstraint("last_used >= 0", name="ck_number_series_last_used"),
)

# --- what clients owe --------------------------------------------------------------------

receivables = Table(
    "receivables",
    metadata,
    Column("invoice_number", String(NUMBER), ForeignKey("invoices.number"), primary_key=True),
    Column("invoice_id", String(ID), nullable=False),
    Column("client_id", String(ID), nullable=False, index=True),
    _money("gross_total"),
    Column("due_date", Date, nullable=False),
    Column("settled", Boolean, nullable=False, index=True),
)

payments = Table(
    "payments",
    metadata,
    Column("invoice_number", String(NUMBER), ForeignKey("receivables.invoice_number"),
           primary_key=True),
    Column("payment_id", String(100), primary_key=True),
    Column("position", Integer, nullable=False),
    _money("amount"),
    Column("paid_on", Date, nullable=False),
    Column("recorded_at", UtcDateTime(), nullable=False),
    CheckConstraint("amount > 0", name="ck_payments_amount"),
)

# --- the ledger (insert-only) ------------------------------------------------------------

postings = Table(
    "postings",
    metadata,
    Column("seq", SequenceKey, primary_key=True, autoincrement=True),  # posting order
    Column("id", String(ID), nullable=False, unique=True),
    Column("causation_id", String(200), nullable=False),
    Column("reference", String(200), nullable=False),
    Column("kind", String(40), nullable=False),
    Column("booked_on", Date, nullable=False),
    Column("description", Text, nullable=False),
    Column("reverses", String(ID)),
    Column("recorded_at", UtcDateTime(), nullable=False),
    UniqueConstraint("causation_id", "reference", name="uq_postings_key"),
    Index("ix_postings_kind_booked_on", "kind", "booked_on"),  # the VAT return's purchases
)

ledger_entries = Table(
    "ledger_entries",
    metadata,
    Column("posting_seq", SequenceKey, ForeignKey("postings.seq"), primary_key=True),
    Column("line", Integer, primary_key=True, autoincrement=False),
    Column("account", String(80), nullable=False, index=True),
    _money("debit"),
    _money("credit"),
    CheckConstraint("debit >= 0 AND credit >= 0", name="ck_ledger_entries_amounts"),
)

# --- funds and payouts -------------------------------------------------------------------

solidarity_memberships = Table(
    "solidarity_memberships",
    metadata,
    Column("member_id", String(ID), primary_key=True),
    _money("monthly_benefit"),
    _money("monthly_deposit"),
    Column("since", Date, nullable=False),
)

solidarity_claims = Table(
    "solidarity_claims",
    metadata,
    Column("seq", SequenceKey, primary_key=True, autoincrement=True),
    Column("id", String(ID), nullable=False, unique=True),
    Column("member_id", String(ID), nullable=False, index=True),
    _money("monthly_benefit"),
    Column("sick_since", Date, nullable=False),
    Column("filed_on", Date, nullable=False),
    Column("recovered_on", Date),
    Column("months_paid", Integer, nullable=False),
)

payout_batches = Table(
    "payout_batches",
    metadata,
    Column("seq", SequenceKey, primary_key=True, autoincrement=True),
    Column("id", String(ID), nullable=False, unique=True),
    Column("execution_date", Date, nullable=False),
    _money("total"),
    Column("created_at", UtcDateTime(), nullable=False),
)

payout_lines = Table(
    "payout_lines",
    metadata,
    Column("batch_id", String(ID), ForeignKey("payout_batches.id"), primary_key=True),
    Column("position", Integer, primary_key=True, autoincrement=False),
    Column("member_id", String(ID), nullable=False, index=True),
    Column("name", String(200), nullable=False),
    Column("iban", String(34), nullable=False),  # for the bank file only; never in events
    _money("amount"),
    _money("deposit"),
    _money("advance"),
    Column("end_to_end_id", String(35), nullable=False),
    _money("premium", server_default="0"),  # insurance premiums deducted (migration 0004)
)

payout_waiting = Table(
    "payout_waiting",
    metadata,
    Column("batch_id", String(ID), ForeignKey("payout_batches.id"), primary_key=True),
    Column("position", Integer, primary_key=True, autoincrement=False),
    Column("member_id", String(ID), nullable=False, index=True),
    _money("amount"),
    Column("rule", String(60), nullable=False),
    Column("reason", Text, nullable=False),
)

solidarity_deposits = Table(
    "solidarity_deposits",
    metadata,
    Column("member_id", String(ID), primary_key=True),
    Column("month", String(7), primary_key=True),  # 2026-03
    Column("batch_id", String(ID), ForeignKey("payout_batches.id"), nullable=False),
)

# --- collective insurance (domain/insurance_*.py) ---------------------------------------

insurance_policies = Table(
    "insurance_policies",
    metadata,
    Column("seq", SequenceKey, primary_key=True, autoincrement=True),
    Column("id", String(ID), nullable=False, unique=True),
    Column("name", String(200), nullable=False),
    Column("kind", String(40), nullable=False),
    Column("insurer", String(200), nullable=False),
    Column("coverage", Text, nullable=False),
    Column("insured_amount", Numeric(14, 2)),
    _money("monthly_premium"),
    Column("conditions", Text, nullable=False),
    Column("active", Boolean, nullable=False),
    CheckConstraint("monthly_premium > 0", name="ck_insurance_policies_premium"),
)

insurance_enrolments = Table(
    "insurance_enrolments",
    metadata,
    Column("seq", SequenceKey, primary_key=True, autoincrement=True),
    Column("id", String(ID), nullable=False, unique=True),
    Column("member_id", String(ID), nullable=False, index=True),
    Column("policy_id", String(ID), ForeignKey("insurance_policies.id"), nullable=False),
    Column("kind", String(40), nullable=False),
    Column("starts_on", Date, nullable=False),
    Column("ends_on", Date),
)

insurance_charges = Table(
    "insurance_charges",
    metadata,
    Column("enrolment_id", String(ID), ForeignKey("insurance_enrolments.id"),
           primary_key=True),
    Column("month", String(7), primary_key=True),  # 2026-03
    Column("member_id", String(ID), nullable=False, index=True),
    Column("policy_id", String(ID), nullable=False),
    _money("premium"),
    _money("deducted"),
    CheckConstraint("deducted >= 0 AND deducted <= premium",
                    name="ck_insurance_charges_deducted"),
)

insurance_memberships = Table(  # from members' snapshots: cover lies within the membership
    "insurance_memberships",  # (migration 0007; was insurance_leavers)
    metadata,
    Column("member_id", String(ID), primary_key=True),
    Column("left_on", Date),  # the current membership's leave date; null: a member
    Column("rejoined_on", Date),  # when the member last came back after leaving
    Column("version", Integer),  # the members snapshot followed
)

# --- inter-coop billing (migration 0005) -------------------------------------------------

partner_coops = Table(  # from federation's partner_registered/updated: partners as customers
    "partner_coops",
    metadata,
    Column("id", String(ID), primary_key=True),
    Column("coop_uri", String(200), nullable=False),
    Column("name", String(200), nullable=False),
    Column("legal_name", String(200)),  # the billing details: all null until given
    Column("country", String(2)),
    Column("vat_id", String(40)),
    Column("street", String(200)),
    Column("postal_code", String(16)),
    Column("city", String(100)),
    Column("address_country", String(2)),
    Column("version", Integer, nullable=False),
    Column("updated_at", UtcDateTime(), nullable=False),
)

partner_placements = Table(  # what makes a contract inter-coop (external at A, lent at B)
    "partner_placements",
    metadata,
    Column("seq", SequenceKey, primary_key=True, autoincrement=True),
    Column("contract_id", String(ID), ForeignKey("contracts.id"), nullable=False, unique=True),
    Column("kind", String(10), nullable=False),
    Column("placement_id", String(ID), nullable=False, index=True),  # lent: the partner's
    Column("partner_id", String(ID), nullable=False, index=True),
    Column("partner_name", String(200)),
    Column("candidate_id", String(ID), nullable=False),
    Column("skill", String(100), nullable=False),
    Column("partner_hourly_rate", Numeric(14, 2)),  # external: owed to the partner per hour
    Column("recorded_at", UtcDateTime(), nullable=False),
    # lent: the last PartnerRateDiffers (the partner reported another rate; migration 0006)
    Column("reported_hourly_rate", Numeric(14, 2)),
    Column("rate_reported_timesheet_id", String(ID)),
    Column("rate_differs_noticed_at", UtcDateTime()),
    CheckConstraint("kind IN ('external', 'lent')", name="ck_partner_placements_kind"),
)

partner_payments = Table(  # coop A paid a partner coop (migration 0006); insert-only
    "partner_payments",
    metadata,
    Column("seq", SequenceKey, primary_key=True, autoincrement=True),
    Column("id", String(ID), nullable=False, unique=True),
    Column("partner_id", String(ID), nullable=False, index=True),
    _money("amount"),  # the net owed, off the partner's payable
    _money("vat"),  # input VAT paid with it (bank paid amount + vat)
    Column("paid_on", Date, nullable=False),
    Column("reference", String(200), nullable=False),
    Column("posting_id", String(ID), nullable=False),
    Column("recorded_at", UtcDateTime(), nullable=False),
    CheckConstraint("amount > 0", name="ck_partner_payments_amount"),
)

# --- one row per named lock, read FOR UPDATE (see repository/locks.py) ------------------

locks = locks_table(metadata)

outbox = outbox_table(metadata)
inbox = inbox_table(metadata)

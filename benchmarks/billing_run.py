"""Billing's monthly run for 1,000 members with 1 assignment each, against a bare insert.

Seeds a temporary SQLite database (migrated with Alembic) with 100 clients and 1,000
contracts, each its own project, and a month of approved hours per contract (20
working days): the run makes 1,000 invoices, one line each. Then times, in the same
run, the use case `run_monthly_invoicing` through the SQL unit of work (drafting,
VAT, mandatory fields, gapless numbers, stamping every hour with its invoice
number, receivables, ledger postings, outbox events) against writing the very rows
it wrote (documents, receivables, postings, events, and the stamped hours) with
plain `executemany` on a raw DB-API connection, computing nothing. Each side runs
on its own copy of the seeded database, ROUNDS times; medians are compared.
"""

import shutil
import statistics
import tempfile
import time
import uuid
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

from sqlalchemy import insert, select
from sqlalchemy.orm import sessionmaker

from infra.db import make_engine
from infra.migrations import upgrade
from services.billing.domain import use_cases
from services.billing.domain.coop_settings import CoopSettings
from services.billing.domain.period import Month
from services.billing.models import (
    clients,
    contracts,
    invoice_lines,
    invoice_vat_subtotals,
    invoices,
    ledger_entries,
    number_series,
    outbox,
    postings,
    receivables,
    time_entries,
)
from services.billing.unit_of_work import BillingUnitOfWork

MEMBERS = 1000
CLIENTS = 100
DAYS = 20
ROUNDS = 3
MONTH = Month(2026, 3)
WRITTEN = (invoices, invoice_lines, invoice_vat_subtotals, receivables, postings,
           ledger_entries, outbox)


def _seed(url: str) -> None:
    engine = make_engine(url)
    now = datetime.now(UTC)
    client_ids = [str(uuid.uuid4()) for _ in range(CLIENTS)]
    client_rows = [{"id": client_id, "name": f"Client {n}", "street": "Stadsplateau 1",
                    "postal_code": "3521 AZ", "city": "Utrecht", "country": "NL",
                    "is_business": True, "vat_id": "NL004495445B01", "kvk_number": "30280353",
                    "billing_email": None, "version": 1, "updated_at": now}
                   for n, client_id in enumerate(client_ids)]
    contract_rows, entry_rows = [], []
    workdays = [day for day in range(1, 32) if date(2026, 3, day).weekday() < 5][:DAYS]
    for n in range(MEMBERS):
        contract = {"id": str(uuid.uuid4()), "member_id": str(uuid.uuid4()),
                    "client_id": client_ids[n % CLIENTS], "project_id": str(uuid.uuid4()),
                    "hourly_rate": Decimal("85.33"), "starts_on": MONTH.first_day,
                    "ends_on": MONTH.last_day, "description": "Software development",
                    "vat_rate": Decimal("21"), "fee_percent": Decimal("5"),
                    "development_percent": Decimal("1"), "recorded_at": now}
        contract_rows.append(contract)
        entry_rows += [{"id": str(uuid.uuid4()), "contract_id": contract["id"],
                        "member_id": contract["member_id"], "client_id": contract["client_id"],
                        "project_id": contract["project_id"], "day": date(2026, 3, day),
                        "hours": Decimal("7.75"), "status": "approved", "submitted_at": now,
                        "decided_at": now, "rejection_reason": None, "invoice_number": None,
                        "version": 2} for day in workdays]
    with engine.begin() as connection:
        connection.execute(insert(clients), client_rows)
        connection.execute(insert(contracts), contract_rows)
        connection.execute(insert(time_entries), entry_rows)
    engine.dispose()


def _monthly_run(url: str) -> tuple[float, int]:
    engine = make_engine(url)
    session_factory = sessionmaker(engine, expire_on_commit=False)
    started = time.perf_counter()
    result = use_cases.run_monthly_invoicing(
        BillingUnitOfWork(session_factory).serialised(), MONTH, date(2026, 4, 1),
        str(uuid.uuid4()), CoopSettings())
    elapsed = time.perf_counter() - started
    engine.dispose()
    assert not result.blocked and len(result.issued) == MEMBERS, result.blocked[:1]
    return elapsed, len(result.issued)


def _rows_written(url: str) -> tuple[dict, list, list]:
    """What the run wrote: rows per table, the stamped hours, the number series."""
    engine = make_engine(url)
    raw = engine.raw_connection()
    try:
        cursor = raw.cursor()
        rows = {}
        for table in WRITTEN:
            cursor.execute(f"SELECT * FROM {table.name}")
            rows[table] = cursor.fetchall()
        cursor.execute("SELECT invoice_number, version, id FROM time_entries "
                       "WHERE invoice_number IS NOT NULL")
        stamped = cursor.fetchall()
        cursor.execute("SELECT year, last_used FROM number_series")
        series = cursor.fetchall()
    finally:
        raw.close()
        engine.dispose()
    return rows, stamped, series


def _bare_insert(url: str, rows: dict, stamped: list, series: list) -> float:
    engine = make_engine(url)
    raw = engine.raw_connection()
    try:
        cursor = raw.cursor()
        started = time.perf_counter()
        for table, values in rows.items():
            marks = ", ".join("?" * len(table.columns))
            cursor.executemany(f"INSERT INTO {table.name} VALUES ({marks})", values)
        cursor.executemany("UPDATE time_entries SET invoice_number = ?, version = ? "
                           "WHERE id = ?", stamped)
        cursor.executemany(f"INSERT INTO {number_series.name} VALUES (?, ?)", series)
        raw.commit()
        return time.perf_counter() - started
    finally:
        raw.close()
        engine.dispose()


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        seeded = Path(folder) / "seeded.db"
        upgrade("billing", f"sqlite:///{seeded}")
        _seed(f"sqlite:///{seeded}")
        runs, bare = [], []
        for round_ in range(ROUNDS):
            run_copy, bare_copy = (Path(folder) / f"{kind}-{round_}.db" for kind in ("run", "bare"))
            shutil.copy(seeded, run_copy)
            shutil.copy(seeded, bare_copy)
            seconds, issued = _monthly_run(f"sqlite:///{run_copy}")
            runs.append(seconds / issued)
            bare.append(_bare_insert(f"sqlite:///{bare_copy}",
                                     *_rows_written(f"sqlite:///{run_copy}")) / issued)
        check = make_engine(f"sqlite:///{run_copy}")
        with check.connect() as connection:
            assert connection.execute(select(number_series.c.last_used)).scalar() == MEMBERS
        check.dispose()

    run, baseline = statistics.median(runs), statistics.median(bare)
    print(
        f"billing monthly run ({MEMBERS} members x 1 assignment, {MEMBERS * DAYS} approved "
        f"hours entries, {MEMBERS} invoices): {run * 1000:.2f} ms per invoice "
        f"(best {min(runs) * 1000:.2f}); bare insert of the same rows "
        f"{baseline * 1000:.2f} ms per invoice; ratio {run / baseline:.2f}x"
    )


if __name__ == "__main__":
    main()

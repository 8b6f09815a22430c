"""Members' `availability` for 1,000 members × 52 weeks against a plain SQL query.

Seeds 1,000 members into a temporary SQLite database (migrated with Alembic), each
with default hours, a few overrides and a few unavailability periods in the year.
Then times, in the same run, the RPC-free use case `availability(...)` (three
set-based queries through the unit of work plus the arithmetic per week) against
the same three SELECTs run as plain SQL on a raw DB-API cursor, fetching the same
rows and computing nothing. Each side is called 15 times with garbage collection
paused (as `timeit` does); medians are compared. Target: the use case costs at
most 3x the bare query.
"""

import gc
import random
import statistics
import tempfile
import time
import uuid
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

from sqlalchemy import insert
from sqlalchemy.orm import sessionmaker

from infra.db import make_engine
from infra.migrations import upgrade
from services.members.domain import use_cases
from services.members.domain.iso_week import IsoWeek
from services.members.models import capacity_overrides, members, unavailability
from services.members.unit_of_work import MembersUnitOfWork

MEMBERS = 1000
WEEKS = 52
ROUNDS = 15
TARGET_RATIO = 3.0

PLAIN_QUERIES = (
    "SELECT id, default_weekly_hours, left_on FROM members WHERE id IN ({ids})",
    "SELECT member_id, week, hours FROM capacity_overrides "
    "WHERE member_id IN ({ids}) AND week BETWEEN ? AND ?",
    "SELECT member_id, starts_on, ends_on FROM unavailability "
    "WHERE member_id IN ({ids}) AND starts_on <= ? AND ends_on >= ?",
)


def _seed(engine, first: IsoWeek) -> list[str]:
    rng = random.Random(7)
    now = datetime.now(UTC)
    member_rows, override_rows, period_rows = [], [], []
    for n in range(MEMBERS):
        member_id = str(uuid.uuid4())
        member_rows.append({
            "id": member_id, "name": f"Member {n}", "email": f"m{n}@bench.invalid",
            "introduction": "", "languages": ["nl"], "motivation": "", "status": "active",
            "default_weekly_hours": Decimal(rng.choice(["16.00", "24.00", "32.00", "36.00"])),
            "left_on": first.plus(40).monday if n % 50 == 0 else None,
            "version": 1, "created_at": now, "updated_at": now,
        })
        for offset in rng.sample(range(WEEKS), 8):
            override_rows.append({"member_id": member_id, "week": str(first.plus(offset)),
                                  "hours": Decimal(rng.choice(["0.00", "8.00", "20.50"]))})
        start = first.monday
        for _ in range(3):
            start += timedelta(days=rng.randint(20, 100))
            end = start + timedelta(days=rng.randint(0, 14))
            period_rows.append({"id": str(uuid.uuid4()), "member_id": member_id,
                                "kind": "holiday", "starts_on": start, "ends_on": end})
            start = end + timedelta(days=1)
    with engine.begin() as connection:
        connection.execute(insert(members), member_rows)
        connection.execute(insert(capacity_overrides), override_rows)
        connection.execute(insert(unavailability), period_rows)
    return [row["id"] for row in member_rows]


def _plain_query(engine, member_ids: list[str], first: IsoWeek, last: IsoWeek) -> int:
    marks = ",".join("?" * len(member_ids))
    raw = engine.raw_connection()
    try:
        cursor = raw.cursor()
        fetched = 0
        parameters = ((), (str(first), str(last)),
                      (last.sunday.isoformat(), first.monday.isoformat()))
        for sql, extra in zip(PLAIN_QUERIES, parameters, strict=True):
            cursor.execute(sql.format(ids=marks), (*member_ids, *extra))
            fetched += len(cursor.fetchall())
        return fetched
    finally:
        raw.close()


def _timed(call) -> tuple[float, float]:
    """Best and median seconds over ROUNDS calls, garbage collection paused as timeit does."""
    timings = []
    gc.collect()
    gc.disable()
    try:
        for _ in range(ROUNDS):
            started = time.perf_counter()
            call()
            timings.append(time.perf_counter() - started)
    finally:
        gc.enable()
    return min(timings), statistics.median(timings)


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{Path(folder) / 'members.db'}"
        upgrade("members", url)
        engine = make_engine(url)
        first = IsoWeek.of(date.today())
        last = first.plus(WEEKS - 1)
        member_ids = _seed(engine, first)
        session_factory = sessionmaker(engine, expire_on_commit=False)

        def use_case():
            return use_cases.availability(MembersUnitOfWork(session_factory), member_ids,
                                          first, last)

        result = use_case()  # warm up both paths (statement caches, page cache)
        assert len(result.hours) == MEMBERS and len(result.weeks) == WEEKS
        _plain_query(engine, member_ids, first, last)
        query_best, query_median = _timed(lambda: _plain_query(engine, member_ids, first, last))
        call_best, call_median = _timed(use_case)
        engine.dispose()

    ratio = call_median / query_median
    print(
        f"members availability ({MEMBERS} members x {WEEKS} weeks): "
        f"{call_median * 1000:.1f} ms per call (best {call_best * 1000:.1f}); "
        f"plain SQL of the same rows {query_median * 1000:.1f} ms "
        f"(best {query_best * 1000:.1f}); ratio {ratio:.2f}x (target <= {TARGET_RATIO:.1f}x) "
        f"{'OK' if ratio <= TARGET_RATIO else 'SLOWER THAN TARGET'}"
    )


if __name__ == "__main__":
    main()

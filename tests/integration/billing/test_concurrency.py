"""Monthly runs started at the same time: no gap and no duplicate in the invoice numbers.

Each run is an RPC from a client of its own, in a green thread of its own, so the
service handles them in two workers at once (on PostgreSQL their statements
interleave; `TEST_DATABASE=postgresql` runs this there). A last test runs two
monthly runs straight on units of work that take only the row locks of the
adapter contract (number series, approved hours), without the ledger lock.
"""

import uuid
from datetime import date

import eventlet
from nameko.standalone.rpc import ClusterRpcProxy
from sqlalchemy import insert, select
from sqlalchemy.orm import sessionmaker

from infra.db import make_engine
from infra.errors import Conflict
from services.billing.domain import use_cases
from services.billing.domain.coop_settings import CoopSettings
from services.billing.domain.period import Month
from services.billing.models import clients, invoices, number_series
from services.billing.unit_of_work import BillingUnitOfWork
from tests.integration.billing.conftest import DUTCH_CLIENT
from tests.support.waiting import eventually

CLIENTS_PER_MONTH = 12


def clients_with_approved_hours(coop, months: list[int]) -> None:
    """For each month, CLIENTS_PER_MONTH clients with one contract of approved hours; and
    the year's number series exists already (its first insert would serialise the runs)."""
    client_ids = [str(uuid.uuid4()) for _ in range(CLIENTS_PER_MONTH * len(months))]
    for client_id in client_ids:
        coop.publish("client_registered", client_id,
                     {**DUTCH_CLIENT, "client_id": client_id, "version": 1})
    eventually(lambda: coop.count_rows(clients, clients.c.id.in_(client_ids))
               == len(client_ids), timeout=10)
    for index, client_id in enumerate(client_ids):
        month = months[index // CLIENTS_PER_MONTH]
        contract = coop.billing.record_assignment({
            "assignment_id": str(uuid.uuid4()), "member_id": str(uuid.uuid4()),
            "client_id": client_id, "project_id": str(uuid.uuid4()), "hourly_rate": "85.00",
            "starts_on": date(coop.year, month, 1).isoformat(),
            "ends_on": date(coop.year, month, 28).isoformat()})
        coop.approved_hours(contract, {2: "8", 3: "7.5"}, month=month)
    with coop.billing_db.begin() as connection:
        connection.execute(insert(number_series).values(year=coop.year, last_used=0))


def numbers_of(billing_db, year: int) -> list[str]:
    with billing_db.connect() as connection:
        return connection.execute(select(invoices.c.number)
                                  .where(invoices.c.number.like(f"{year}-%"))
                                  .order_by(invoices.c.number)).scalars().all()


def last_used(billing_db, year: int) -> int:
    with billing_db.connect() as connection:
        return connection.execute(select(number_series.c.last_used)
                                  .where(number_series.c.year == year)).scalar_one()


def at_once(nameko_config, *requests) -> list[dict]:
    def run(request):
        with ClusterRpcProxy(nameko_config, timeout=60) as proxy:
            return proxy.billing.run_monthly_invoicing(request)

    threads = [eventlet.spawn(run, request) for request in requests]
    return [thread.wait() for thread in threads]


def gapless(year: int, count: int) -> list[str]:
    return [f"{year}-{n:06d}" for n in range(1, count + 1)]


def test_two_months_invoiced_at_once_share_one_gapless_series(coop, nameko_config,
                                                              billing_db):
    clients_with_approved_hours(coop, [2, 3])
    issue_date = coop.issue_date()
    first, second = at_once(nameko_config,
                            {"month": f"{coop.year}-02", "issue_date": issue_date},
                            {"month": f"{coop.year}-03", "issue_date": issue_date})
    issued = [i["number"] for i in first["issued"] + second["issued"]]
    assert len(first["issued"]) == len(second["issued"]) == CLIENTS_PER_MONTH
    assert sorted(issued) == numbers_of(billing_db, coop.year) == gapless(
        coop.year, 2 * CLIENTS_PER_MONTH)
    assert last_used(billing_db, coop.year) == 2 * CLIENTS_PER_MONTH


def test_the_same_month_run_twice_at_once_is_invoiced_once(coop, nameko_config, billing_db,
                                                           billing):
    clients_with_approved_hours(coop, [3])
    request = {"month": f"{coop.year}-03", "issue_date": coop.issue_date()}
    results = at_once(nameko_config, request, request)
    assert sorted(len(result["issued"]) for result in results) == [0, CLIENTS_PER_MONTH]
    assert numbers_of(billing_db, coop.year) == gapless(coop.year, CLIENTS_PER_MONTH)
    assert billing.get_trial_balance()["total"] == "0.00"


def test_the_row_locks_alone_keep_the_series_gapless(coop, database_urls, billing_db):
    """Without the service's ledger lock: the number series row and the approved hours,
    read FOR UPDATE, are what keeps concurrent runs apart."""
    clients_with_approved_hours(coop, [2, 3])
    engine = make_engine(database_urls["billing"])
    session_factory = sessionmaker(engine, expire_on_commit=False)

    def run(month: int):
        return use_cases.run_monthly_invoicing(
            BillingUnitOfWork(session_factory), Month(coop.year, month),
            date(coop.year, 4, 1), str(uuid.uuid4()), CoopSettings())

    try:
        runs = [eventlet.spawn(run, month) for month in (2, 3, 3, 2)]
        issued = [invoice.number for thread in runs for invoice in thread.wait().issued]
    finally:
        engine.dispose()
    assert sorted(issued) == numbers_of(billing_db, coop.year) == gapless(
        coop.year, 2 * CLIENTS_PER_MONTH)


def test_hours_approved_twice_at_once_are_booked_once(coop, nameko_config, billing):
    contract = coop.contract(coop.client())
    entries = coop.hours(contract, {2: "8"})
    decision = {"client_id": contract["client_id"], "entry_ids": [entries[0]["id"]]}

    def approve():
        with ClusterRpcProxy(nameko_config, timeout=30) as proxy:
            try:
                return proxy.billing.approve_hours(decision)
            except Conflict as error:
                return error

    outcomes = [thread.wait() for thread in [eventlet.spawn(approve) for _ in range(3)]]
    assert sum(isinstance(outcome, list) for outcome in outcomes) == 1
    assert {o.rule for o in outcomes if isinstance(o, Conflict)} <= {
        "OnlySubmittedHoursCanBeDecided", "ChangedMeanwhile"}
    statement = billing.get_member_statement(contract["member_id"])
    assert [line["credit"] for line in statement["lines"]] == ["639.20"]  # 680 − 34 − 6.80

"""Billing and learning together on a real broker: what billing books into the development
fund reaches learning's view of the fund, and what learning approves is paid from
billing's fund to the member, the ledger square; more than the fund holds is parked."""

import base64
import uuid
from datetime import date
from decimal import Decimal

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from kombu import Connection
from sqlalchemy import create_engine, select

from infra.handlers import ERROR_HEADER
from services.billing.models import postings
from services.learning.models import fund_contributions
from services.learning.models import members as learning_members
from services.learning.service import LearningService
from tests.integration.billing.conftest import member_snapshot
from tests.integration.billing.test_reference_data import parked
from tests.support.waiting import eventually

EXPENSES = "evt-learning-development_expense_approved--billing.on_development_expense_approved"
CONTRIBUTIONS = ("evt-billing-development_fund_contributed--learning."
                 "on_development_fund_contributed")
LEARNING_SETTINGS = {
    "LEARNING_SIGNING_KEY": base64.b64encode(
        Ed25519PrivateKey.generate().private_bytes_raw()).decode(),
    "LEARNING_YEARLY_BUDGET": "1500.00",
}


@pytest.fixture
def no_backlog(amqp_uri):
    """The two services' queues for each other's events, empty before and gone after.

    The session shares one vhost: without this, contributions other billing tests book
    would wait in learning's queue for the next learning container (and the other way
    round), and land in tests that count the fund exactly. Asked for first, so it is
    cleared again after the containers have stopped.
    """

    def clear():
        with Connection(amqp_uri) as connection:
            channel = connection.channel()
            for queue in (EXPENSES, CONTRIBUTIONS):
                channel.queue_delete(queue)

    clear()
    yield
    clear()


@pytest.fixture
def learning(run_services, rpc, billing):
    run_services(LearningService, **LEARNING_SETTINGS)
    return rpc.learning


@pytest.fixture
def learning_db(database_urls):
    engine = create_engine(database_urls["learning"])
    yield engine
    engine.dispose()


def learning_row(learning_db, table, *where):
    with learning_db.connect() as connection:
        return connection.execute(select(table).where(*where)).first()


def development_fund(billing) -> Decimal:
    """billing's development fund as people read it (the trial balance is debit − credit)."""
    return -Decimal(billing.get_trial_balance()["accounts"].get("development_fund", "0.00"))


def test_what_billing_books_into_the_fund_reaches_learnings_view_of_it(
        no_backlog, billing, learning, learning_db, coop, year):
    posting = billing.contribute_to_fund({"fund": "development_fund", "amount": "500.00",
                                          "booked_on": f"{year}-01-15",
                                          "description": "Seed money"})
    row = eventually(lambda: learning_row(learning_db, fund_contributions,
                                          fund_contributions.c.contribution_id
                                          == posting["id"]), timeout=5)
    assert (row.member_id, row.year, row.amount, row.booked_on) == (
        None, year, Decimal("500.00"), date(year, 1, 15))

    member_id = str(uuid.uuid4())
    contract = coop.contract(coop.client(), member_id=member_id)
    coop.approved_hours(contract, {2: "8"})  # 8 h × 85.00 = 680.00 → 1 % = 6.80
    row = eventually(lambda: learning_row(learning_db, fund_contributions,
                                          fund_contributions.c.member_id == member_id),
                     timeout=5)
    assert row.amount == Decimal("6.80")
    assert row.contribution_id.endswith(f":{member_id}")


def test_an_expense_learning_approves_is_paid_to_the_member_from_billings_fund(
        no_backlog, billing, learning, learning_db, announce):
    billing.contribute_to_fund({"fund": "development_fund", "amount": "1000.00"})
    member_id = str(uuid.uuid4())
    announce("members", "member_updated", member_id, member_snapshot(member_id, "Noor Bakker"))
    eventually(lambda: learning_row(learning_db, learning_members,
                                    learning_members.c.member_id == member_id), timeout=5)
    eventually(lambda: Decimal(learning.get_development_fund()["balance"]) >= 1000, timeout=5)

    request = learning.request_development(member_id, {
        "kind": "course", "title": "Rust in Action", "what_you_will_learn": "Rust",
        "amount": "249.50"})
    assert learning.approve_development_request(request["id"], None)["status"] == "approved"

    def reimbursed():
        return [line for line in billing.get_member_statement(member_id)["lines"]
                if line["kind"] == "development_expense"]

    [line] = eventually(reimbursed, timeout=5)
    assert (line["credit"], line["debit"], line["balance"], line["description"]) == (
        "249.50", "0.00", "249.50", "Development: Rust in Action")
    assert billing.get_trial_balance()["total"] == "0.00"


def test_an_expense_the_fund_cannot_pay_is_parked_and_nothing_is_posted(
        no_backlog, billing, announce, amqp_uri, count_rows):
    too_much = development_fund(billing) + Decimal("1000.00")
    request_id = str(uuid.uuid4())
    before = count_rows(postings)
    event = announce("learning", "development_expense_approved", str(uuid.uuid4()), {
        "request_id": request_id, "member_id": str(uuid.uuid4()), "kind": "conference",
        "title": "PyCon NL", "amount": f"{too_much:.2f}", "currency": "EUR", "year": 2031,
        "approved_at": "2031-05-04T10:00:00+00:00", "approved_by": []})
    message = eventually(lambda: parked(amqp_uri, EXPENSES, event["id"]), timeout=5)
    assert "DevelopmentFundWouldGoNegative" in message.headers[ERROR_HEADER]
    assert count_rows(postings, postings.c.causation_id == request_id) == 0
    assert count_rows(postings) == before

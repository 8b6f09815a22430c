"""Billing over HTTP: scope from the token (another's object is 404), roles, the way from
hours to an invoice, and bad input named by field with nothing stored.

The billing database lives for the whole session and a monthly run invoices every
approved hour of its month, so each test works in a year of its own.
"""

import itertools
import uuid
from datetime import date

import pytest
from lxml import etree
from sqlalchemy import create_engine, func, select

from services.billing.models import clients as billing_clients
from services.billing.models import member_names as billing_member_names
from services.billing.service import BillingService
from tests.support.waiting import eventually

_YEARS = itertools.count(2201)
UBL_INVOICE = "{urn:oasis:names:specification:ubl:schema:xsd:Invoice-2}Invoice"
CBC = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2"


class Books:
    """Clients, members and contracts as the API makes them, in a year of the test's own."""

    def __init__(self, gateway, billing_db, year: int):
        self.gateway = gateway
        self.billing_db = billing_db
        self.year = year

    def client(self, name: str = "Acme BV") -> dict:
        """A client organisation billing knows (matching announced it), with a token."""
        client = self.gateway.new_client(name)
        eventually(lambda: self._known_to_billing(client["id"]), timeout=10)
        return {"id": client["id"],
                "token": self.gateway.token_for("client", client_id=client["id"])["token"]}

    def member(self, **details) -> dict:
        """A member billing knows the name of (members announced it), with a token."""
        member = self.gateway.new_member(**details)
        eventually(lambda: self._count(billing_member_names,
                                       billing_member_names.c.member_id == member["id"]),
                   timeout=10)
        return {"id": member["id"], "iban": member["iban"], "name": member["name"],
                "token": self.gateway.token_for("member", member_id=member["id"])["token"]}

    def contract(self, client: dict, member: dict, rate: str = "85.00") -> dict:
        response = self.gateway.as_operator("POST", "/v1/contracts", json={
            "assignment_id": str(uuid.uuid4()), "member_id": member["id"],
            "client_id": client["id"], "project_id": str(uuid.uuid4()), "hourly_rate": rate,
            "starts_on": self.day(3, 1), "ends_on": self.day(4, 30),
            "description": "Software development"})
        assert response.status_code == 201, response.text
        assert response.headers["Location"] == f"/v1/contracts/{response.json()['id']}"
        return response.json()

    def hours(self, member: dict, contract: dict, days: dict[int, str], month: int = 3):
        return self.gateway.call(
            "PUT", f"/v1/contracts/{contract['id']}/hours", token=member["token"],
            json={"entries": [{"day": self.day(month, day), "hours": hours}
                              for day, hours in days.items()]})

    def approved(self, client: dict, member: dict, contract: dict, days: dict[int, str]):
        written = self.hours(member, contract, days)
        assert written.status_code == 200, written.text
        approved = self.gateway.call("POST", "/v1/time-entries/approval", token=client["token"],
                                     json={"entry_ids": ids(written.json()["items"])})
        assert approved.status_code == 200, approved.text
        return approved.json()["items"]

    def run_month(self, month: int = 3, **headers):
        return self.gateway.as_operator(
            "POST", "/v1/billing/runs", headers=headers,
            json={"month": f"{self.year}-{month:02d}", "issue_date": self.day(month + 1, 1)})

    def invoiced(self, client: dict, member: dict, days: dict[int, str]) -> dict:
        """`days` of hours written, approved and invoiced: the invoice summary."""
        contract = self.contract(client, member)
        self.approved(client, member, contract, days)
        run = self.run_month()
        assert run.status_code == 200, run.text
        [invoice] = [i for i in run.json()["issued"] if i["client_id"] == client["id"]]
        return {**invoice, "contract": contract}

    def day(self, month: int, day: int) -> str:
        return date(self.year, month, day).isoformat()

    def _known_to_billing(self, client_id: str) -> bool:
        return self._count(billing_clients, billing_clients.c.id == client_id) == 1

    def _count(self, table, *where) -> int:
        with self.billing_db.connect() as connection:
            return connection.execute(select(func.count()).select_from(table)
                                      .where(*where)).scalar()


def ids(items) -> list[str]:
    return [item["id"] for item in items]


def assert_problem(response, status: int, **expected) -> dict:
    assert response.status_code == status, response.text
    assert response.headers["Content-Type"] == "application/problem+json"
    body = response.json()
    for name, value in expected.items():
        assert body.get(name) == value, body
    return body


def the_same_404(response, unknown) -> None:
    """`response` is the 404 an unknown object gets: nothing tells that it exists."""
    seen, expected = response.json(), unknown.json()
    assert (response.status_code, unknown.status_code) == (404, 404), response.text
    assert {k: seen.get(k) for k in ("type", "title", "rule")} == {
        k: expected.get(k) for k in ("type", "title", "rule")}


@pytest.fixture
def billing_db(database_urls):
    engine = create_engine(database_urls["billing"])
    yield engine
    engine.dispose()


@pytest.fixture
def books(gateway, billing_db) -> Books:
    return Books(gateway, billing_db, next(_YEARS))


def test_hours_to_invoice_the_member_writes_the_client_approves_the_operator_invoices(
        books, gateway):
    client, member = books.client(), books.member()
    contract = books.contract(client, member)
    assert (contract["member_id"], contract["client_id"]) == (member["id"], client["id"])
    assert (contract["hourly_rate"], contract["vat_rate"]) == ("85.00", "21")

    written = books.hours(member, contract, {2: "8", 3: "7.75"})
    assert written.status_code == 200, written.text
    entries = written.json()["items"]
    assert [(e["day"], e["hours"], e["status"]) for e in entries] == [
        (books.day(3, 2), "8.00", "submitted"), (books.day(3, 3), "7.75", "submitted")]
    assert {e["member_id"] for e in entries} == {member["id"]}

    to_approve = gateway.call("GET", "/v1/time-entries", token=client["token"],
                              params={"status": "submitted"})
    assert to_approve.status_code == 200, to_approve.text
    assert set(ids(to_approve.json()["items"])) == set(ids(entries))

    approved = gateway.call("POST", "/v1/time-entries/approval", token=client["token"],
                            json={"entry_ids": ids(entries)})
    assert approved.status_code == 200, approved.text
    assert {e["status"] for e in approved.json()["items"]} == {"approved"}
    assert gateway.call("GET", "/v1/time-entries", token=client["token"],
                        params={"status": "submitted"}).json()["items"] == []

    run = books.run_month(**{"Idempotency-Key": f"run-{books.year}"})
    assert run.status_code == 200, run.text
    [issued] = [i for i in run.json()["issued"] if i["client_id"] == client["id"]]
    assert issued["number"] == f"{books.year}-000001"
    assert (issued["net_total"], issued["vat_total"], issued["gross_total"]) == (
        "1338.75", "281.14", "1619.89")
    replayed = books.run_month(**{"Idempotency-Key": f"run-{books.year}"})
    assert replayed.headers["Idempotent-Replayed"] == "true"
    assert replayed.json() == run.json()
    again = books.run_month()
    assert again.status_code == 200, again.text
    assert again.json()["issued"] == []  # nothing is invoiced twice

    listed = gateway.call("GET", "/v1/invoices", token=client["token"])
    assert [i["number"] for i in listed.json()["items"]] == [issued["number"]]
    invoice = gateway.call("GET", f"/v1/invoices/{issued['number']}", token=client["token"])
    assert invoice.status_code == 200, invoice.text
    assert invoice.json()["customer"]["id"] == client["id"]
    assert invoice.json()["status"] == "issued"
    assert [(line["quantity"], line["member_name"]) for line in invoice.json()["lines"]] == [
        ("15.75", member["name"])]

    ubl = gateway.call("GET", f"/v1/invoices/{issued['number']}/ubl", token=client["token"])
    assert ubl.status_code == 200, ubl.text
    assert ubl.headers["Content-Type"].startswith("application/xml")
    assert f'filename="{issued["number"]}.xml"' in ubl.headers["Content-Disposition"]
    document = etree.fromstring(ubl.content)
    assert document.tag == UBL_INVOICE
    assert document.findtext(f"{{{CBC}}}ID") == issued["number"]

    html = gateway.call("GET", f"/v1/invoices/{issued['number']}/html", token=client["token"])
    assert html.status_code == 200, html.text
    assert html.headers["Content-Type"].startswith("text/html")
    assert f'filename="{issued["number"]}.html"' in html.headers["Content-Disposition"]
    assert issued["number"] in html.text and "1619.89" in html.text
    assert member["name"] in html.text
    item_names = document.findall(".//{*}InvoiceLine/{*}Item/{*}Name")
    assert [name.text for name in item_names] == [
        f"Software development, {books.year}-03 — {member['name']}"]

    statement = gateway.call("GET", f"/v1/members/{member['id']}/statement",
                             token=member["token"])
    assert statement.status_code == 200, statement.text
    assert statement.json()["account"] == f"member_payables:{member['id']}"
    assert statement.json()["lines"][-1]["balance"] not in ("0.00", None)


def test_an_operator_writes_hours_as_the_contracts_member_and_approves_naming_the_client(
        books, gateway):
    client, member = books.client(), books.member()
    contract = books.contract(client, member)
    written = gateway.as_operator("PUT", f"/v1/contracts/{contract['id']}/hours",
                                  json={"entries": [{"day": books.day(3, 9), "hours": "4.5"}]})
    assert written.status_code == 200, written.text
    assert written.json()["items"][0]["member_id"] == member["id"]
    entry_ids = ids(written.json()["items"])

    unnamed = gateway.as_operator("POST", "/v1/time-entries/approval",
                                  json={"entry_ids": entry_ids})
    assert assert_problem(unnamed, 422)["errors"][0]["field"] == "client_id"
    rejected = gateway.as_operator("POST", "/v1/time-entries/rejection", json={
        "client_id": client["id"], "entry_ids": entry_ids, "reason": "Not on this project"})
    assert rejected.status_code == 200, rejected.text
    assert rejected.json()["items"][0]["rejection_reason"] == "Not on this project"


def test_a_client_reaches_only_its_own_contracts_hours_and_invoices(books, gateway):
    client_a, client_b = books.client("A BV"), books.client("B BV")
    member = books.member()
    invoice = books.invoiced(client_a, member, {5: "8"})
    contract = invoice["contract"]
    unknown_id = str(uuid.uuid4())
    as_b = {"token": client_b["token"]}

    # contracts
    the_same_404(gateway.call("GET", f"/v1/contracts/{contract['id']}", **as_b),
                 gateway.call("GET", f"/v1/contracts/{unknown_id}", **as_b))
    assert gateway.call("GET", "/v1/contracts", **as_b).json()["items"] == []
    assert_problem(gateway.call("GET", "/v1/contracts", params={"client_id": client_a["id"]},
                                **as_b), 404)
    own = gateway.call("GET", "/v1/contracts", token=client_a["token"]).json()["items"]
    assert ids(own) == [contract["id"]]

    # hours: listing, and deciding on another client's entries
    entries = books.hours(member, contract, {6: "3"}).json()["items"]
    assert gateway.call("GET", "/v1/time-entries", **as_b).json()["items"] == []
    assert_problem(gateway.call("GET", "/v1/time-entries",
                                params={"client_id": client_a["id"]}, **as_b), 404)
    for decision, body in (("approval", {}), ("rejection", {"reason": "Not ours"})):
        refused = gateway.call("POST", f"/v1/time-entries/{decision}", **as_b,
                               json={"entry_ids": ids(entries), **body})
        the_same_404(refused, gateway.call("POST", f"/v1/time-entries/{decision}", **as_b,
                                           json={"entry_ids": [unknown_id], **body}))
        named = gateway.call("POST", f"/v1/time-entries/{decision}", **as_b,
                             json={"entry_ids": ids(entries), "client_id": client_a["id"],
                                   **body})
        assert_problem(named, 404)
    still = gateway.as_operator("GET", "/v1/time-entries",
                                params={"contract_id": contract["id"], "status": "submitted"})
    assert ids(still.json()["items"]) == ids(entries)

    # invoices, as JSON and as files
    number = invoice["number"]
    for path in ("", "/ubl", "/html"):
        the_same_404(gateway.call("GET", f"/v1/invoices/{number}{path}", **as_b),
                     gateway.call("GET", f"/v1/invoices/{books.year}-999999{path}", **as_b))
    assert gateway.call("GET", "/v1/invoices", **as_b).json()["items"] == []
    assert_problem(gateway.call("GET", "/v1/invoices", params={"client_id": client_a["id"]},
                                **as_b), 404)


def test_a_member_reaches_only_its_own_contracts_hours_statements_payouts_and_claims(
        books, gateway):
    client = books.client()
    member_a, member_b = books.member(), books.member(name="Bram de Vries")
    invoice = books.invoiced(client, member_a, {10: "6"})
    contract = invoice["contract"]
    unknown_id = str(uuid.uuid4())
    as_b = {"token": member_b["token"]}

    # contracts and hours
    the_same_404(gateway.call("GET", f"/v1/contracts/{contract['id']}", **as_b),
                 gateway.call("GET", f"/v1/contracts/{unknown_id}", **as_b))
    assert gateway.call("GET", "/v1/contracts", **as_b).json()["items"] == []
    assert_problem(gateway.call("GET", "/v1/contracts", params={"member_id": member_a["id"]},
                                **as_b), 404)
    written = books.hours(member_b, contract, {11: "2"})
    the_same_404(written, books.hours(member_b, {"id": unknown_id}, {11: "2"}))
    as_other = gateway.call("PUT", f"/v1/contracts/{contract['id']}/hours",
                            token=member_a["token"],
                            json={"member_id": member_b["id"],
                                  "entries": [{"day": books.day(3, 11), "hours": "2"}]})
    assert_problem(as_other, 404)
    assert gateway.call("GET", "/v1/time-entries", **as_b).json()["items"] == []
    assert_problem(gateway.call("GET", "/v1/time-entries",
                                params={"member_id": member_a["id"]}, **as_b), 404)
    on_contract = gateway.as_operator("GET", "/v1/time-entries",
                                      params={"contract_id": contract["id"]}).json()["items"]
    assert [e["day"] for e in on_contract] == [books.day(3, 10)]  # nothing was written
    own = gateway.call("GET", "/v1/time-entries", token=member_a["token"]).json()["items"]
    assert [e["contract_id"] for e in own] == [contract["id"]]

    # statements, payouts (the client paid, so member A is paid in full)
    paid = gateway.as_operator("POST", f"/v1/invoices/{invoice['number']}/payments", json={
        "payment_id": f"bank-{uuid.uuid4()}", "amount": invoice["gross_total"],
        "paid_on": books.day(4, 1)})
    assert paid.status_code == 201, paid.text
    batch = gateway.as_operator("POST", "/v1/payout-batches", json={
        "execution_date": books.day(4, 2)})
    assert batch.status_code == 201, batch.text
    for path in ("statement", f"annual-statements/{books.year}", "payouts"):
        assert_problem(gateway.call("GET", f"/v1/members/{member_a['id']}/{path}", **as_b), 404)
        mine = gateway.call("GET", f"/v1/members/{member_a['id']}/{path}",
                            token=member_a["token"])
        assert mine.status_code == 200, mine.text
    payouts = gateway.call("GET", f"/v1/members/{member_a['id']}/payouts",
                           token=member_a["token"]).json()["items"]
    assert batch.json()["batch_id"] in [p["batch_id"] for p in payouts]

    # the solidarity fund
    tier = {"monthly_benefit": "1000.00", "since": books.day(1, 1)}
    assert_problem(gateway.call("PUT", f"/v1/members/{member_a['id']}/solidarity", json=tier,
                                **as_b), 404)
    joined = gateway.call("PUT", f"/v1/members/{member_a['id']}/solidarity", json=tier,
                          token=member_a["token"])
    assert joined.status_code == 200, joined.text
    sick = {"sick_since": books.day(5, 1), "filed_on": books.day(5, 2)}
    assert_problem(gateway.call("POST", f"/v1/members/{member_a['id']}/solidarity-claims",
                                json=sick, **as_b), 404)
    claim = gateway.call("POST", f"/v1/members/{member_a['id']}/solidarity-claims", json=sick,
                         token=member_a["token"])
    assert claim.status_code == 201, claim.text
    well = {"recovered_on": books.day(5, 20)}
    the_same_404(gateway.call("POST", f"/v1/solidarity-claims/{claim.json()['id']}/recovery",
                              json=well, **as_b),
                 gateway.call("POST", f"/v1/solidarity-claims/{unknown_id}/recovery",
                              json=well, **as_b))
    recovered = gateway.call("POST", f"/v1/solidarity-claims/{claim.json()['id']}/recovery",
                             json=well, token=member_a["token"])
    assert recovered.status_code == 200, recovered.text
    assert recovered.json()["recovered_on"] == books.day(5, 20)


FORBIDDEN = [
    ("member", "POST", "/v1/billing/runs", {"month": "2026-03"}),
    ("client", "POST", "/v1/billing/runs", {"month": "2026-03"}),
    ("member", "POST", "/v1/contracts", {}),
    ("client", "PUT", f"/v1/contracts/{uuid.uuid4()}/hours", {"entries": []}),
    ("member", "POST", "/v1/time-entries/approval", {"entry_ids": []}),
    ("member", "GET", "/v1/invoices", None),
    ("member", "GET", "/v1/invoices/2026-000001/ubl", None),
    ("client", "POST", "/v1/invoices/2026-000001/payments", {}),
    ("client", "POST", "/v1/invoices/2026-000001/credit-notes", {}),
    ("client", "GET", "/v1/ledger/trial-balance", None),
    ("member", "GET", "/v1/ledger/accounts/bank", None),
    ("member", "GET", "/v1/vat-returns/2026-Q1", None),
    ("client", "GET", f"/v1/members/{uuid.uuid4()}/statement", None),
    ("member", "POST", "/v1/payout-batches", {}),
    ("member", "GET", f"/v1/payout-batches/{uuid.uuid4()}/pain001", None),
    ("member", "POST", "/v1/fund-contributions", {}),
    ("member", "POST", "/v1/solidarity-benefit-runs", {}),
    ("client", "PUT", f"/v1/members/{uuid.uuid4()}/solidarity", {}),
]


def test_a_role_that_may_not_use_a_billing_route_is_forbidden(books, gateway):
    tokens = {"client": books.client()["token"], "member": books.member()["token"]}
    for role, method, path, body in FORBIDDEN:
        response = gateway.call(method, path, token=tokens[role], json=body)
        assert response.status_code == 403, (role, method, path, response.text)
        assert_problem(response, 403, type="/problems/forbidden")


@pytest.mark.parametrize(
    ("entry", "field", "rule"),
    [
        ({"day": (3, 4), "hours": "25"}, "hours", "DayHasAtMost24Hours"),
        ({"day": (5, 4), "hours": "8"}, "day", "DayOutsideAssignment"),
        ({"day": (3, 4), "hours": "7.125"}, "entries[0].hours", None),
        ({"day": (3, 4), "hours": "7.1"}, "hours", "HoursMustBeQuarterHours"),
        ({"day": (3, 4), "hours": "0"}, "hours", "HoursMustBePositive"),
        ({"day": (3, 4), "hours": "8", "note": "x"}, "entries[0].note", None),
    ],
)
def test_bad_hours_are_422_naming_the_field_and_nothing_is_stored(books, gateway, entry, field,
                                                                  rule):
    client, member = books.client(), books.member()
    contract = books.contract(client, member)
    entries = [{**entry, "day": books.day(*entry["day"])}, {"day": books.day(3, 5),
                                                            "hours": "8"}]
    response = gateway.call("PUT", f"/v1/contracts/{contract['id']}/hours",
                            token=member["token"], json={"entries": entries})
    problem = assert_problem(response, 422, type="/problems/validation-error")
    assert field in [error["field"] for error in problem["errors"]], problem
    assert problem.get("rule") == rule
    stored = gateway.as_operator("GET", "/v1/time-entries",
                                 params={"contract_id": contract["id"]})
    assert stored.json()["items"] == []


def test_bad_input_elsewhere_is_a_problem_naming_the_field(books, gateway):
    client, member = books.client(), books.member()
    bad_contract = gateway.as_operator("POST", "/v1/contracts", json={
        "assignment_id": str(uuid.uuid4()), "member_id": member["id"],
        "client_id": client["id"], "project_id": str(uuid.uuid4()), "hourly_rate": "85.001",
        "starts_on": books.day(3, 1), "ends_on": books.day(2, 1)})
    assert "hourly_rate" in [e["field"] for e in assert_problem(bad_contract, 422)["errors"]]
    assert gateway.as_operator("GET", "/v1/contracts",
                               params={"member_id": member["id"]}).json()["items"] == []
    late = gateway.as_operator("POST", "/v1/contracts", json={
        "assignment_id": str(uuid.uuid4()), "member_id": member["id"],
        "client_id": client["id"], "project_id": str(uuid.uuid4()), "hourly_rate": "85.00",
        "starts_on": books.day(3, 1), "ends_on": books.day(2, 1)})
    assert_problem(late, 422, rule="ContractDatesOutOfOrder")

    month = gateway.as_operator("POST", "/v1/billing/runs", json={"month": "2026-13"})
    assert assert_problem(month, 422)["errors"][0]["field"] == "month"
    status = gateway.as_operator("GET", "/v1/time-entries", params={"status": "paid"})
    assert assert_problem(status, 422)["errors"][0]["field"] == "status"
    assert_problem(gateway.as_operator("GET", "/v1/vat-returns/2026-Q5"), 404)
    assert_problem(gateway.as_operator("GET", "/v1/vat-returns/0000-Q1"), 404)  # no year 0
    year_zero = gateway.as_operator("POST", "/v1/billing/runs", json={"month": "0000-01"})
    assert assert_problem(year_zero, 422)["errors"][0]["field"] == "month"
    assert_problem(gateway.as_operator(
        "GET", f"/v1/members/{member['id']}/annual-statements/1999"), 404)
    payment = gateway.as_operator("POST", f"/v1/invoices/{books.year}-000001/payments", json={
        "payment_id": "x", "amount": "1.00", "paid_on": "2026-01-01", "extra": 1})
    assert "extra" in [e["field"] for e in assert_problem(payment, 422)["errors"]]


def test_a_payout_batch_and_its_bank_file(books, gateway):
    client, member = books.client(), books.member()
    invoice = books.invoiced(client, member, {12: "8"})
    paid = gateway.as_operator("POST", f"/v1/invoices/{invoice['number']}/payments", json={
        "payment_id": f"bank-{uuid.uuid4()}", "amount": invoice["gross_total"],
        "paid_on": books.day(4, 10)})
    assert paid.status_code == 201, paid.text
    assert paid.json()["invoice"]["status"] == "paid"

    batch_id = str(uuid.uuid4())
    made = gateway.as_operator("POST", "/v1/payout-batches",
                               json={"batch_id": batch_id, "execution_date": books.day(4, 11)})
    assert made.status_code == 201, made.text
    assert made.headers["Location"] == f"/v1/payout-batches/{batch_id}"
    [line] = [line for line in made.json()["lines"] if line["member_id"] == member["id"]]
    assert gateway.as_operator("GET", f"/v1/payout-batches/{batch_id}").json() == made.json()
    again = gateway.as_operator("POST", "/v1/payout-batches", json={"batch_id": batch_id})
    assert again.json() == made.json()

    bank_file = gateway.as_operator("GET", f"/v1/payout-batches/{batch_id}/pain001")
    assert bank_file.status_code == 200, bank_file.text
    assert bank_file.headers["Content-Type"].startswith("application/xml")
    assert "attachment" in bank_file.headers["Content-Disposition"]
    document = etree.fromstring(bank_file.content)
    assert "pain.001.001.03" in document.tag
    assert member["iban"] in bank_file.text and line["amount"] in bank_file.text
    assert_problem(gateway.as_operator("GET", f"/v1/payout-batches/{uuid.uuid4()}"), 404,
                   rule="PayoutBatchNotFound")


def test_the_long_billing_calls_wait_billing_rpc_timeout_the_others_rpc_timeout(start_gateway,
                                                                              run_services):
    gateway = start_gateway(BILLING_RPC_TIMEOUT="0.001")
    # nobody answers, so what is measured is the wait (a quick run could answer in time)
    gateway.backends["billing"].kill()
    run = gateway.as_operator("POST", "/v1/billing/runs", json={"month": "2200-01"})
    problem = assert_problem(run, 504, type="/problems/service-timeout")
    assert "billing.run_monthly_invoicing did not answer within 0.001 s" in problem["detail"]
    run_services(BillingService)  # back again: the other calls wait RPC_TIMEOUT
    assert gateway.as_operator("GET", "/v1/contracts").status_code == 200


def test_input_the_books_cannot_hold_is_a_422_naming_the_field_never_a_500(books, gateway):
    """Amounts beyond their maximum and days before 2000 (on PostgreSQL an overflowing
    amount was a 500; a day before 2000 was an error about a `month` nobody sent)."""
    client, member = books.client(), books.member()
    terms = {"assignment_id": str(uuid.uuid4()), "member_id": member["id"],
             "client_id": client["id"], "project_id": str(uuid.uuid4()),
             "starts_on": books.day(3, 1), "ends_on": books.day(4, 30)}
    for amount in ("99999999999999999.99", "1E+20", "1000000000000.00"):
        contract = gateway.as_operator("POST", "/v1/contracts",
                                       json={**terms, "hourly_rate": amount})
        assert [e["field"] for e in assert_problem(contract, 422)["errors"]] == ["hourly_rate"]
        fund = gateway.as_operator("POST", "/v1/fund-contributions",
                                   json={"fund": "guarantee_fund", "amount": amount})
        assert [e["field"] for e in assert_problem(fund, 422)["errors"]] == ["amount"]
    assert gateway.as_operator("GET", "/v1/contracts",
                               params={"member_id": member["id"]}).json()["items"] == []

    for method, path, body, fields in [
        ("POST", "/v1/payout-batches", {"execution_date": "0001-01-01"}, ["execution_date"]),
        ("POST", f"/v1/members/{member['id']}/solidarity-claims",
         {"sick_since": "0001-01-01", "filed_on": "0001-01-01"}, ["filed_on", "sick_since"]),
        ("PUT", f"/v1/members/{member['id']}/solidarity",
         {"monthly_benefit": "1000.00", "since": "1999-12-31"}, ["since"]),
        ("POST", "/v1/billing/runs", {"month": "2026-03", "issue_date": "0001-01-01"},
         ["issue_date"]),
    ]:
        problem = assert_problem(gateway.as_operator(method, path, json=body), 422)
        assert sorted(e["field"] for e in problem["errors"]) == fields, problem
        assert all("outside the days billing keeps books for" in e["message"]
                   for e in problem["errors"]), problem

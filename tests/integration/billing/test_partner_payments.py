"""Coop A pays its partner coops, over HTTP (gateway → RabbitMQ → billing → database): what
it owes each partner comes from the ledger, a payment is never more than that, and coop B
sees on the lent contract when a partner reported another hourly rate."""

import uuid
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import eventlet
import pytest
import requests
from nameko.standalone.rpc import ClusterRpcProxy

from gateway.app import GatewayService
from infra.errors import Conflict
from services.billing.domain.external_work import lent_contract_id
from services.billing.models import inbox, partner_coops
from tests.integration.billing.test_inter_coop import DUTCH_PARTNER_BILLING
from tests.support.system import free_port
from tests.support.waiting import eventually

TODAY = datetime.now(UTC).date()


class Http:
    def __init__(self, url: str, token: str):
        self.url, self.session = url, requests.Session()
        self.session.headers["Authorization"] = f"Bearer {token}"

    def get(self, path: str, **params):
        return self.session.get(self.url + path, params=params, timeout=15)

    def post(self, path: str, body: dict, key: str | None = None):
        headers = {"Idempotency-Key": key} if key else {}
        return self.session.post(self.url + path, json=body, headers=headers, timeout=15)


@pytest.fixture
def http(billing, run_services, operator_token):
    port = free_port()
    run_services(GatewayService, WEB_SERVER_ADDRESS=f"127.0.0.1:{port}",
                 OPERATOR_TOKEN=operator_token)
    client = Http(f"http://127.0.0.1:{port}", operator_token)
    yield client
    client.session.close()


def external_work(coop, publish, billing, year, partner_id, partner_rate="72.50"):
    """Coop B's member placed with our client; the client approved 8 h (8 × 72.50 owed)."""
    client_id, placement_id = coop.client(), str(uuid.uuid4())
    publish("external_member_placed", placement_id, {
        "placement_id": placement_id, "offer_id": str(uuid.uuid4()), "partner_id": partner_id,
        "partner_name": "Coop B", "candidate_id": str(uuid.uuid4()),
        "project_id": str(uuid.uuid4()), "client_id": client_id, "seat_id": str(uuid.uuid4()),
        "role_id": str(uuid.uuid4()), "skill": "python", "hours_per_week": "16.00",
        "starts_on": date(year, 3, 1).isoformat(), "ends_on": date(year, 4, 30).isoformat(),
        "client_hourly_rate": "90.00", "partner_hourly_rate": partner_rate, "currency": "EUR",
        "description": "Backend"})
    contract = eventually(lambda: billing.get_contract(placement_id), timeout=5)
    coop.approved_hours(contract, {2: "8"})


def ok_json(response) -> dict:
    assert response.status_code == 200, response.text
    return response.json()


def payment(partner_id, amount, **changes) -> dict:
    return {"partner_id": partner_id, "amount": amount, "paid_on": TODAY.isoformat(),
            "reference": "B-2026-000017", **changes}


def test_paying_a_partner_coop_books_the_ledger_and_never_pays_more_than_owed(
        http, coop, publish, announce, billing, count_rows, written, year):
    partner_id = str(uuid.uuid4())  # established in the Netherlands: it charges Dutch VAT
    announce("federation", "partner_registered", partner_id, {
        "partner_id": partner_id, "coop_uri": f"https://{partner_id}.example/",
        "name": "Coop B", "version": 1, "billing": DUTCH_PARTNER_BILLING})
    eventually(lambda: count_rows(partner_coops, partner_coops.c.id == partner_id), timeout=5)
    external_work(coop, publish, billing, year, partner_id)

    def balances():
        response = http.get("/v1/inter-coop/partner-balances", partner_id=partner_id)
        assert response.status_code == 200, response.text
        return response.json()["items"]

    assert balances() == [{"partner_id": partner_id, "name": "Coop B",
                           "approved_cost": "580.00", "paid": "0.00", "open_payable": "580.00"}]

    before = written()
    too_much = http.post("/v1/inter-coop/partner-payments", payment(partner_id, "580.01"))
    assert too_much.status_code == 409, too_much.text
    assert too_much.json()["rule"] == "PaymentExceedsPartnerPayable"
    assert [e["field"] for e in too_much.json()["errors"]] == ["amount"]
    tomorrow = (TODAY + timedelta(days=1)).isoformat()
    future = http.post("/v1/inter-coop/partner-payments",
                       payment(partner_id, "1.00", paid_on=tomorrow))
    assert (future.status_code, future.json()["rule"]) == (422, "PaymentDateInTheFuture")
    cents = http.post("/v1/inter-coop/partner-payments", payment(partner_id, "1.001"))
    assert cents.status_code == 422
    assert [e["field"] for e in cents.json()["errors"]] == ["amount"]
    assert written() == before  # nothing posted, no row, no event

    quarter = f"{TODAY.year}-Q{(TODAY.month - 1) // 3 + 1}"
    input_vat_before = Decimal(ok_json(http.get(f"/v1/vat-returns/{quarter}"))["input_vat"])
    paid = http.post("/v1/inter-coop/partner-payments", payment(partner_id, "500.00"), "pay-1")
    assert paid.status_code == 201, paid.text
    again = http.post("/v1/inter-coop/partner-payments", payment(partner_id, "500.00"), "pay-1")
    assert again.json() == paid.json()  # the same Idempotency-Key: recorded once
    second = http.post("/v1/inter-coop/partner-payments",
                       payment(partner_id, "80.00", reference="B-2026-000018#2", vat="16.80"),
                       "pay-2")  # a Dutch partner's invoice: 21 % VAT paid with it
    assert second.status_code == 201, second.text
    assert (second.json()["amount"], second.json()["vat"]) == ("80.00", "16.80")
    [bank_line] = [line for line in http.get("/v1/ledger/accounts/bank").json()["lines"]
                   if line["posting_id"] == second.json()["posting_id"]]
    assert bank_line["credit"] == "96.80"
    vat_return = ok_json(http.get(f"/v1/vat-returns/{quarter}"))
    assert Decimal(vat_return["input_vat"]) - input_vat_before == Decimal("16.80")  # 5b
    assert Decimal(vat_return["vat_due"]) == vat_due(vat_return)

    assert balances() == [{"partner_id": partner_id, "name": "Coop B",
                           "approved_cost": "580.00", "paid": "580.00", "open_payable": "0.00"}]
    first_page = http.get("/v1/inter-coop/partner-payments", partner_id=partner_id,
                          limit=1).json()
    assert [(p["amount"], p["reference"]) for p in first_page["items"]] == [
        ("500.00", "B-2026-000017")]
    rest = http.get("/v1/inter-coop/partner-payments", partner_id=partner_id, limit=1,
                    cursor=first_page["next_cursor"]).json()
    assert [(p["amount"], p["reference"]) for p in rest["items"]] == [
        ("80.00", "B-2026-000018#2")]

    statement = http.get(f"/v1/ledger/accounts/partner_coop_payables:{partner_id}").json()
    assert [line["kind"] for line in statement["lines"]] == [
        "external_hours_approved", "partner_paid", "partner_paid"]
    assert statement["lines"][-1]["balance"] == "0.00"
    assert http.get("/v1/ledger/trial-balance").json()["total"] == "0.00"
    nothing_left = http.post("/v1/inter-coop/partner-payments", payment(partner_id, "0.01"))
    assert nothing_left.status_code == 409


def vat_due(vat_return: dict) -> Decimal:
    """Output VAT (1a, 1b) and VAT reverse-charged to us (4a, 4b), less input VAT (5b)."""
    return (sum(Decimal(vat_return[box]["vat"]) for box in ("box_1a", "box_1b", "box_4a",
                                                              "box_4b"))
            - Decimal(vat_return["input_vat"]))


GERMAN_PARTNER_BILLING = {
    "legal_name": "Genossenschaft B eG", "country": "DE", "vat_id": "DE136695976",
    "address": {"street": "Hauptstraße 1", "postal_code": "10115", "city": "Berlin",
                "country": "DE"}}


def test_hours_bought_from_a_partner_in_another_eu_country_are_box_4b_of_the_vat_return(
        http, coop, publish, announce, billing, count_rows, year):
    """Coop B is established in Germany: it invoices us under reverse charge, so we owe the
    Dutch VAT on its members' approved hours (4b) and deduct it again (5b)."""
    partner_id = str(uuid.uuid4())
    announce("federation", "partner_registered", partner_id, {
        "partner_id": partner_id, "coop_uri": f"https://{partner_id}.example/",
        "name": "Coop B", "version": 1, "billing": GERMAN_PARTNER_BILLING})
    eventually(lambda: count_rows(partner_coops, partner_coops.c.id == partner_id), timeout=5)
    quarter = f"{TODAY.year}-Q{(TODAY.month - 1) // 3 + 1}"
    before = ok_json(http.get(f"/v1/vat-returns/{quarter}"))
    external_work(coop, publish, billing, year, partner_id)  # approved today: 8 × 72.50
    after = ok_json(http.get(f"/v1/vat-returns/{quarter}"))

    def moved(box: str, amount: str) -> Decimal:
        return Decimal(after[box][amount]) - Decimal(before[box][amount])

    assert (moved("box_4b", "taxable"), moved("box_4b", "vat")) == (Decimal("580.00"),
                                                                    Decimal("121.80"))
    assert Decimal(after["input_vat"]) - Decimal(before["input_vat"]) == Decimal("121.80")
    assert (moved("box_4a", "taxable"), moved("box_4a", "vat")) == (Decimal("0"), Decimal("0"))
    assert partner_id not in after["purchases_without_country"]
    assert Decimal(after["vat_due"]) == vat_due(after)
    with_vat = http.post("/v1/inter-coop/partner-payments",
                         payment(partner_id, "580.00", vat="121.80"))
    assert (with_vat.status_code, with_vat.json()["rule"]) == (
        422, "VatOnlyOnADutchPartnersInvoice")
    assert [e["field"] for e in with_vat.json()["errors"]] == ["vat"]
    # paid without VAT (reverse charge): the return does not change
    paid = http.post("/v1/inter-coop/partner-payments", payment(partner_id, "580.00"))
    assert paid.status_code == 201, paid.text
    assert ok_json(http.get(f"/v1/vat-returns/{quarter}"))["box_4b"] == after["box_4b"]


def test_partner_balances_list_every_partner_with_a_cursor(http, coop, publish, billing,
                                                           year):
    partners = [str(uuid.uuid4()) for _ in range(2)]
    for partner_id in partners:
        external_work(coop, publish, billing, year, partner_id, partner_rate="70.00")
    seen, cursor = [], None
    while True:
        page = http.get("/v1/inter-coop/partner-balances", limit=1,
                        **({"cursor": cursor} if cursor else {})).json()
        seen += [(b["partner_id"], b["open_payable"]) for b in page["items"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert [(p, "560.00") for p in partners] == [s for s in seen if s[0] in partners]
    assert len({p for p, _ in seen}) == len(seen)  # no partner twice


def test_a_partner_reporting_another_rate_is_invoiced_at_ours_and_the_operator_sees_it(
        http, publish, announce, billing, count_rows, year):
    partner_id, placement_id, member_id = (str(uuid.uuid4()) for _ in range(3))
    announce("federation", "partner_registered", partner_id, {
        "partner_id": partner_id, "coop_uri": f"https://{partner_id}.example/",
        "name": "Coop A", "version": 1, "billing": DUTCH_PARTNER_BILLING})
    eventually(lambda: count_rows(partner_coops, partner_coops.c.id == partner_id), timeout=5)
    publish("member_lent", placement_id, {
        "placement_id": placement_id, "partner_id": partner_id, "offer_id": str(uuid.uuid4()),
        "candidate_id": str(uuid.uuid4()), "member_id": member_id, "skill": "python",
        "starts_on": date(year, 3, 1).isoformat(), "ends_on": date(year, 4, 30).isoformat(),
        "hours_per_week": "16.00", "hourly_rate": "72.50", "currency": "EUR"})
    eventually(lambda: billing.get_contract(lent_contract_id(partner_id, placement_id)),
               timeout=5)
    timesheet_id = str(uuid.uuid4())
    said = announce("federation", "partner_external_hours_approved", placement_id, {
        "partner_id": partner_id, "partner_coop": "https://a.example/", "partner_name": "A",
        "federated_id": str(uuid.uuid4()),
        "federated_type": "coop.multitalent.external_hours_approved.v1",
        "sent_at": "2026-03-02T10:00:00+00:00", "received_at": "2026-03-02T10:00:01+00:00",
        "data": {"placement_id": placement_id, "candidate_id": str(uuid.uuid4()),
                 "timesheet_id": timesheet_id, "period_start": date(year, 3, 2).isoformat(),
                 "period_end": date(year, 3, 2).isoformat(), "hours": "8.00",
                 "hourly_rate": "75.00", "currency": "EUR"}})
    eventually(lambda: count_rows(inbox, inbox.c.event_id == said["id"]), timeout=5)

    [lent] = http.get("/v1/inter-coop/lent-contracts", partner_id=partner_id).json()["items"]
    assert lent["hourly_rate"] == "72.50"
    mismatch = lent["rate_mismatch"]
    assert (mismatch["rule"], mismatch["reported_hourly_rate"], mismatch["hourly_rate"],
            mismatch["timesheet_id"]) == ("PartnerRateDiffers", "75.00", "72.50", timesheet_id)
    run = billing.run_monthly_invoicing({"month": f"{year}-03",
                                         "issue_date": date(year, 4, 1).isoformat()})
    [invoice] = [i for i in run["issued"] if i["client_id"] == partner_id]
    assert invoice["net_total"] == "580.00"  # 8 × 72.50, our rate, not 8 × 75.00


def test_payments_at_once_never_pay_more_than_owed(coop, publish, billing, nameko_config, year):
    """Eight payments of 100.00 against 580.00 owed, each from a client of its own: the
    ledger lock lets one through at a time, so exactly five fit and three are refused."""
    partner_id = str(uuid.uuid4())
    external_work(coop, publish, billing, year, partner_id)

    def pay():
        with ClusterRpcProxy(nameko_config, timeout=30) as proxy:
            try:
                return proxy.billing.pay_partner_coop(payment(partner_id, "100.00"))
            except Conflict as error:
                return error

    outcomes = [thread.wait() for thread in [eventlet.spawn(pay) for _ in range(8)]]
    assert sum(isinstance(outcome, dict) for outcome in outcomes) == 5
    assert {o.rule for o in outcomes if isinstance(o, Conflict)} == {
        "PaymentExceedsPartnerPayable"}
    [owed] = billing.list_partner_balances({"partner_id": partner_id})["items"]
    assert (owed["paid"], owed["open_payable"]) == ("500.00", "80.00")

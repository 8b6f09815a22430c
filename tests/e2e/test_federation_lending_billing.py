"""Two coops through HTTP, flow 2 (lending: the money). After a placement (flow 1), A's
operator writes the lent member's hours, A's client approves them and A's monthly run
invoices the client; B hears of the approved hours, B's monthly run invoices coop A (an
inter-coop invoice, Dutch VAT: A is in the Netherlands) and B's payout pays the member;
A records its payment to B and owes B nothing more."""

import uuid
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import requests

from tests.e2e.test_federation_overflow import new_skill
from tests.e2e.test_team_story import active_member, eventually


def _first_monday_two_months_on(today: date) -> date:
    first = date(today.year + (today.month + 1) // 12, (today.month + 1) % 12 + 1, 1)
    return first + timedelta(days=(7 - first.weekday()) % 7)


# eight weeks from the first Monday of the month after next; hours on its first Tuesday
START = _first_monday_two_months_on(date.today())
PROJECT = {"starts_on": START.isoformat(),
           "ends_on": (START + timedelta(weeks=8, days=-3)).isoformat()}
MONTH = f"{START.year}-{START.month:02d}"
WORKED_ON = (START + timedelta(days=1)).isoformat()
ISSUED_ON = date(START.year + START.month // 12, START.month % 12 + 1, 1)
COOP_A_BILLING = {"legal_name": "Coop A U.A.", "country": "NL", "vat_id": "NL004495445B01",
                  "address": {"street": "Oudegracht 1", "postal_code": "3511 AA",
                              "city": "Utrecht", "country": "NL"}}
COOP_B_BILLING = {"legal_name": "Coop B U.A.", "country": "NL", "vat_id": "NL000099998B57",
                  "address": {"street": "Vismarkt 2", "postal_code": "9712 CB",
                              "city": "Groningen", "country": "NL"}}


def ok(response, status: int = 200) -> dict:
    assert response.status_code == status, response.text
    return response.json()


def placed(a, b, skill: str) -> tuple[str, str, str]:
    """Flow 1 in short: A offers a staffed seat, B offers Dora, A accepts her.
    (client id, placement id at A = the external contract, Dora's member id at B)."""
    active_member(a.api, "Ada", skill, 5, "90.00")
    dora = active_member(b.api, "Dora", skill, 5, "80.00")
    client = ok(a.api.post("/v1/clients", json={
        "name": "Gemeente Deventer", "country": "NL",
        "address": {"street": "Grote Kerkhof 1", "postal_code": "7411 KV", "city": "Deventer"},
        "contact": {"name": "Pim Kok", "email": "pim@deventer.example"}}), 201)
    project = ok(a.api.post("/v1/projects", json={
        "client_id": client["id"], "title": "Archive", "description": "Scans.", **PROJECT,
        "roles": [{"skill": skill, "minimum_level": 4, "hours_per_week": "24"}]}), 201)

    def proposal_with_a_team():
        made = a.api.post(f"/v1/projects/{project['id']}/proposals").json()
        return made if made.get("best", {}).get("seats") else None

    proposal = eventually(proposal_with_a_team, timeout=20)
    [seat] = ok(a.api.post(f"/v1/proposals/{proposal['id']}/accept"))["seats"]
    offer = ok(a.api.post(f"/v1/projects/{project['id']}/seats/{seat['id']}/partner-offers",
                          json={}), 201)

    def incoming_with_dora():
        items = b.api.get("/v1/incoming-offers").json()["items"]
        found = [i for i in items if i["offer_id"] == offer["id"]]
        return found[0] if found and found[0]["suggestions"] else None

    incoming = eventually(incoming_with_dora, timeout=30)
    candidate_id = ok(b.api.post(f"/v1/incoming-offers/{incoming['id']}/candidates",
                                 json={"member_id": dora, "hourly_rate": "85.00",
                                       "introduction": "Dora scans archives."}),
                      201)["candidate_id"]
    eventually(lambda: a.api.get(f"/v1/partner-offers/{offer['id']}").json()["candidates"],
               timeout=30)
    ok(a.api.post(f"/v1/partner-offers/{offer['id']}/candidates/{candidate_id}/accept"))

    def external_contract():
        items = a.api.get("/v1/inter-coop/external-contracts",
                          params={"partner_id": a.partner_id}).json()["items"]
        return next((c for c in items if c["candidate_id"] == candidate_id), None)

    contract = eventually(external_contract, timeout=30)
    return client["id"], contract["id"], dora


def test_a_lent_members_hours_are_invoiced_to_the_client_and_between_the_coops(two_coops):
    a, b = two_coops.a, two_coops.b
    skill = f"archives-{uuid.uuid4().hex[:6]}"
    new_skill(a.api, skill)
    new_skill(b.api, skill)
    # B's operator gives coop A's billing details (B will invoice A)
    ok(b.api.patch(f"/v1/federation/partners/{b.partner_id}", json={"billing": COOP_A_BILLING}))
    # and A's operator coop B's (B is Dutch: A pays its invoice with Dutch VAT)
    ok(a.api.patch(f"/v1/federation/partners/{a.partner_id}", json={"billing": COOP_B_BILLING}))
    client_id, placement_id, dora = placed(a, b, skill)

    # A: the external contract, the partner's rate, and hours written by the operator
    [contract] = [c for c in ok(a.api.get("/v1/inter-coop/external-contracts",
                                          params={"partner_id": a.partner_id}))["items"]
                  if c["id"] == placement_id]
    assert contract["partner_hourly_rate"] == "85.00" and contract["partner_name"] == "Coop B"
    assert contract["description"] == f"{skill} — via Coop B"
    written = ok(a.api.put(f"/v1/contracts/{placement_id}/hours",
                           json={"entries": [{"day": WORKED_ON, "hours": "8"}]}))["items"]

    # A's client approves, as for any contract
    client_token = ok(a.api.post("/v1/tokens", json={"name": "Deventer", "role": "client",
                                                     "client_id": client_id}), 201)["token"]
    approval = requests.post(a.system.url + "/v1/time-entries/approval", timeout=20,
                             headers={"Authorization": f"Bearer {client_token}"},
                             json={"entry_ids": [e["id"] for e in written]})
    assert approval.status_code == 200, approval.text
    owed = ok(a.api.get(f"/v1/ledger/accounts/partner_coop_payables:{a.partner_id}"))
    assert owed["lines"][-1]["balance"] == "680.00"  # 8 × 85.00, owed to coop B

    # A's monthly run invoices the client at the client rate, naming skill and partner
    def a_invoice():
        run = ok(a.api.post("/v1/billing/runs", json={"month": MONTH,
                                                      "issue_date": ISSUED_ON.isoformat()}))
        issued = [i for i in run["issued"] if i["client_id"] == client_id]
        return issued[0] if issued else None

    summary = eventually(a_invoice, timeout=20)
    invoice = ok(a.api.get(f"/v1/invoices/{summary['number']}"))
    [line] = invoice["lines"]
    assert line["unit_price"] == contract["hourly_rate"] and line["quantity"] == "8.00"
    assert line["description"].startswith(f"{skill} — via Coop B, {MONTH}")

    # B: the lent contract (its own id; the placement id is A's); its hours come from A only
    def lent_at_b():
        items = b.api.get("/v1/inter-coop/lent-contracts",
                          params={"partner_id": b.partner_id}).json()["items"]
        return next((c for c in items if c["placement_id"] == placement_id), None)

    lent = eventually(lent_at_b, timeout=30)
    assert (lent["member_id"], lent["client_id"], lent["hourly_rate"]) == (
        dora, b.partner_id, "85.00")
    dora_token = ok(b.api.post("/v1/tokens", json={"name": "Dora", "role": "member",
                                                   "member_id": dora}), 201)["token"]
    own_hours = requests.put(b.system.url + f"/v1/contracts/{lent['id']}/hours", timeout=20,
                             headers={"Authorization": f"Bearer {dora_token}"},
                             json={"entries": [{"day": WORKED_ON, "hours": "8"}]})
    assert (own_hours.status_code, own_hours.json()["rule"]) == (
        409, "LentHoursComeFromThePartner")

    # B: the approved hours arrive through federation, on the lent contract
    def approved_at_b():
        items = b.api.get("/v1/time-entries", params={"contract_id": lent["id"]}).json()
        return items.get("items")

    [entry] = eventually(approved_at_b, timeout=60)
    assert (entry["status"], entry["member_id"], entry["hours"]) == ("approved", dora, "8.00")

    # B's monthly run invoices coop A: Dutch VAT, A's legal name as customer
    def b_invoice():
        run = ok(b.api.post("/v1/billing/runs", json={"month": MONTH,
                                                      "issue_date": ISSUED_ON.isoformat()}))
        issued = [i for i in run["issued"] if i["client_id"] == b.partner_id]
        return issued[0] if issued else None

    to_a = eventually(b_invoice, timeout=20)
    assert (to_a["net_total"], to_a["vat_total"], to_a["gross_total"]) == (
        "680.00", "142.80", "822.80")
    full = ok(b.api.get(f"/v1/invoices/{to_a['number']}"))
    assert full["customer"]["name"] == "Coop A U.A." and full["customer"]["vat_id"] == \
        "NL004495445B01"
    assert to_a["number"] in [i["number"] for i in ok(b.api.get(
        "/v1/inter-coop/invoices", params={"partner_id": b.partner_id}))["items"]]

    # coop A pays B; B's payout pays Dora her share (fee 5 %, development 1 %)
    ok(b.api.post(f"/v1/invoices/{to_a['number']}/payments", json={
        "payment_id": f"camt-{uuid.uuid4()}", "amount": "822.80",
        "paid_on": (ISSUED_ON + timedelta(days=9)).isoformat()}),
       201)
    batch = ok(b.api.post("/v1/payout-batches", json={
        "execution_date": (ISSUED_ON + timedelta(days=10)).isoformat()}), 201)
    [paid] = [line for line in batch["lines"] if line["member_id"] == dora]
    assert paid["amount"] == "639.20"  # 680.00 − 34.00 − 6.80

    # A records its payment of B's invoice (net + Dutch VAT): nothing open, VAT deducted
    today = datetime.now(UTC).date()
    quarter = f"{today.year}-Q{(today.month - 1) // 3 + 1}"
    input_vat = Decimal(ok(a.api.get(f"/v1/vat-returns/{quarter}"))["input_vat"])
    payment = ok(a.api.post("/v1/inter-coop/partner-payments", json={
        "partner_id": a.partner_id, "amount": "680.00", "vat": "142.80",
        "paid_on": today.isoformat(), "reference": to_a["number"]}), 201)
    assert (payment["amount"], payment["vat"]) == ("680.00", "142.80")
    [balance] = ok(a.api.get("/v1/inter-coop/partner-balances",
                             params={"partner_id": a.partner_id}))["items"]
    assert (balance["paid"], balance["open_payable"]) == (balance["approved_cost"], "0.00")
    vat_return = ok(a.api.get(f"/v1/vat-returns/{quarter}"))
    assert Decimal(vat_return["input_vat"]) - input_vat == Decimal("142.80")

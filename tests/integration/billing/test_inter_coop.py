"""Inter-coop billing on a real broker and database: matching's placements become
contracts, approved external hours are announced for the lending coop, and a partner's
approved hours become invoiceable hours on the lent contract."""

import uuid
from datetime import date

import eventlet
import pytest

from infra.errors import Conflict
from infra.handlers import ERROR_HEADER
from services.billing.domain.external_work import lent_contract_id
from services.billing.models import contracts, inbox, partner_coops
from tests.integration.billing.test_reference_data import parked
from tests.support.waiting import eventually

PARTNER_HOURS = ("evt-federation-partner_external_hours_approved--"
                 "billing.on_partner_external_hours_approved")
LENDINGS = "evt-matching-member_lent--billing.on_member_lent"

DUTCH_PARTNER_BILLING = {
    "legal_name": "Coop A U.A.", "country": "NL", "vat_id": "NL004495445B01",
    "address": {"street": "Oudegracht 1", "postal_code": "3511 AA", "city": "Utrecht",
                "country": "NL"}}


def test_an_external_placement_is_a_contract_whose_approved_hours_are_announced(
        coop, publish, billing, tap, year):
    client_id = coop.client()
    placement_id, partner_id, candidate_id = (str(uuid.uuid4()) for _ in range(3))
    publish("external_member_placed", placement_id, {
        "placement_id": placement_id, "offer_id": str(uuid.uuid4()), "partner_id": partner_id,
        "partner_name": "Coop B", "candidate_id": candidate_id, "project_id": str(uuid.uuid4()),
        "client_id": client_id, "seat_id": str(uuid.uuid4()), "role_id": str(uuid.uuid4()),
        "skill": "python", "hours_per_week": "16.00",
        "starts_on": date(year, 3, 1).isoformat(), "ends_on": date(year, 4, 30).isoformat(),
        "client_hourly_rate": "90.00", "partner_hourly_rate": "72.50", "currency": "EUR",
        "description": "Backend"})
    contract = eventually(lambda: billing.get_contract(placement_id), timeout=5)
    assert (contract["member_id"], contract["hourly_rate"]) == (candidate_id, "90.00")
    [listed] = [c for c in billing.list_external_contracts({"partner_id": partner_id})["items"]]
    assert (listed["partner_hourly_rate"], listed["kind"]) == ("72.50", "external")

    entries = coop.approved_hours(contract, {2: "8"})  # written as the contract's worker
    [announced] = tap.wait_for("external_hours_approved", placement_id=placement_id)
    assert announced["data"] == {
        "placement_id": placement_id, "partner_id": partner_id, "candidate_id": candidate_id,
        "timesheet_id": entries[0]["id"], "period_start": date(year, 3, 2).isoformat(),
        "period_end": date(year, 3, 2).isoformat(), "hours": "8.00", "hourly_rate": "72.50",
        "currency": "EUR"}
    payable = billing.get_account_statement(f"partner_coop_payables:{partner_id}")
    assert payable["lines"][-1]["balance"] == "580.00"  # 8 × 72.50


def lend(publish, announce, count_rows, year, partner_id=None, placement_id=None,
         member_id=None, register=True):
    """Coop B: a partner registered (with Dutch billing details) and our member lent to it
    (matching's `member_lent`). (partner id, placement id, member id)."""
    partner_id, placement_id, member_id = (
        given or str(uuid.uuid4()) for given in (partner_id, placement_id, member_id))
    if register:
        announce("federation", "partner_registered", partner_id, {
            "partner_id": partner_id, "coop_uri": f"https://{partner_id}.example/",
            "name": "Coop A", "version": 1, "billing": DUTCH_PARTNER_BILLING})
        eventually(lambda: count_rows(partner_coops, partner_coops.c.id == partner_id),
                   timeout=5)
    publish("member_lent", placement_id, {
        "placement_id": placement_id, "partner_id": partner_id, "offer_id": str(uuid.uuid4()),
        "candidate_id": str(uuid.uuid4()), "member_id": member_id, "skill": "python",
        "starts_on": date(year, 3, 1).isoformat(), "ends_on": date(year, 4, 30).isoformat(),
        "hours_per_week": "16.00", "hourly_rate": "72.50", "currency": "EUR"})
    return partner_id, placement_id, member_id


def partner_says(announce, sender, placement_id, timesheet_id, day, year):
    """Federation: the partner's client approved a day of our lent member's hours."""
    return announce("federation", "partner_external_hours_approved", placement_id, {
        "partner_id": sender, "partner_coop": "https://a.example/", "partner_name": "A",
        "federated_id": str(uuid.uuid4()),
        "federated_type": "coop.multitalent.external_hours_approved.v1",
        "sent_at": "2026-03-02T10:00:00+00:00", "received_at": "2026-03-02T10:00:01+00:00",
        "data": {"placement_id": placement_id, "candidate_id": str(uuid.uuid4()),
                 "timesheet_id": timesheet_id, "period_start": date(year, 3, day).isoformat(),
                 "period_end": date(year, 3, day).isoformat(), "hours": "8.00",
                 "hourly_rate": "72.50", "currency": "EUR"}})


def test_a_partners_approved_hours_on_a_lent_member_are_invoiced_to_the_partner(
        publish, announce, billing, count_rows, amqp_uri, year):
    partner_id, placement_id, member_id = lend(publish, announce, count_rows, year)
    contract_id = lent_contract_id(partner_id, placement_id)  # not the partner's id
    eventually(lambda: billing.get_contract(contract_id), timeout=5)
    with pytest.raises(Conflict) as refused:  # the member (or an operator) writes no hours
        billing.submit_hours(contract_id, {"member_id": member_id, "entries": [
            {"day": date(year, 3, 2).isoformat(), "hours": "8"}]})
    assert refused.value.rule == "LentHoursComeFromThePartner"

    timesheet = str(uuid.uuid4())
    partner_says(announce, partner_id, placement_id, timesheet, 2, year)
    partner_says(announce, partner_id, placement_id, timesheet, 2, year)  # again: once
    stranger = partner_says(announce, str(uuid.uuid4()), placement_id, str(uuid.uuid4()), 3,
                            year)  # not lent to it: refused, parked at once
    message = eventually(lambda: parked(amqp_uri, PARTNER_HOURS, stranger["id"]), timeout=5)
    assert message.headers[ERROR_HEADER].startswith("PlacementLentToAnotherPartner")
    assert count_rows(inbox, inbox.c.event_id == stranger["id"]) == 0

    def approved():
        return billing.list_time_entries({"contract_id": contract_id})["items"]

    eventually(lambda: len(approved()) == 1, timeout=5)
    [entry] = approved()
    assert (entry["status"], entry["member_id"], entry["hours"]) == ("approved", member_id,
                                                                      "8.00")
    run = billing.run_monthly_invoicing({"month": f"{year}-03",
                                         "issue_date": date(year, 4, 1).isoformat()})
    [invoice] = [i for i in run["issued"] if i["client_id"] == partner_id]
    assert (invoice["net_total"], invoice["vat_total"]) == ("580.00", "121.80")
    listed = billing.list_inter_coop_invoices({"partner_id": partner_id})["items"]
    assert [i["number"] for i in listed] == [invoice["number"]]
    assert len(approved()) == 1


def test_hours_before_the_lent_placement_are_retried_until_it_is_known(
        publish, announce, billing, count_rows, year):
    partner_id, placement_id = str(uuid.uuid4()), str(uuid.uuid4())
    said = partner_says(announce, partner_id, placement_id, str(uuid.uuid4()), 2, year)
    eventlet.sleep(0.5)  # handled once: LentPlacementNotKnownYet, retried in 1 s
    assert count_rows(inbox, inbox.c.event_id == said["id"]) == 0
    lend(publish, announce, count_rows, year, partner_id, placement_id, register=False)
    contract_id = lent_contract_id(partner_id, placement_id)
    eventually(lambda: billing.list_time_entries({"contract_id": contract_id})["items"],
               timeout=15)
    assert count_rows(inbox, inbox.c.event_id == said["id"]) == 1


def test_a_placement_id_already_lent_to_another_partner_is_parked(
        publish, announce, billing, count_rows, amqp_uri, year):
    first, placement_id, _ = lend(publish, announce, count_rows, year, register=False)
    eventually(lambda: billing.get_contract(lent_contract_id(first, placement_id)), timeout=5)
    other = str(uuid.uuid4())
    event = publish("member_lent", placement_id, {
        "placement_id": placement_id, "partner_id": other, "offer_id": str(uuid.uuid4()),
        "candidate_id": str(uuid.uuid4()), "member_id": str(uuid.uuid4()), "skill": "python",
        "starts_on": date(year, 3, 1).isoformat(), "ends_on": date(year, 4, 30).isoformat(),
        "hours_per_week": "16.00", "hourly_rate": "72.50", "currency": "EUR"})
    message = eventually(lambda: parked(amqp_uri, LENDINGS, event["id"]), timeout=5)
    assert message.headers[ERROR_HEADER].startswith("PlacementIdUsedByAnotherPartner")
    assert count_rows(contracts, contracts.c.id == lent_contract_id(other, placement_id)) == 0

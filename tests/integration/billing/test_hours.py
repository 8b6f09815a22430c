"""Hours through the real service: written by the member, decided by the contract's client."""

import uuid
from datetime import date

import pytest

from infra.errors import Conflict, Forbidden, Invalid, NotFound
from services.billing.models import time_entries


def test_submitted_hours_are_published_and_approval_books_the_members_share(
        coop, billing, tap, year):
    contract = coop.contract(coop.client())
    entries = coop.hours(contract, {2: "8", 3: "2.5"})
    assert [(e["day"], e["hours"], e["status"]) for e in entries] == [
        (f"{year}-03-02", "8.00", "submitted"), (f"{year}-03-03", "2.50", "submitted")]
    (submitted,) = tap.wait_for("timesheet_submitted", member_id=contract["member_id"])
    assert submitted["subject"] == contract["member_id"]
    assert [e["hours"] for e in submitted["data"]["entries"]] == ["8.00", "2.50"]

    approved = billing.approve_hours({"client_id": contract["client_id"],
                                      "entry_ids": [e["id"] for e in entries]})
    assert {e["status"] for e in approved} == {"approved"}
    (event,) = tap.wait_for("timesheet_approved", client_id=contract["client_id"])
    assert {e["entry_id"] for e in event["data"]["entries"]} == {e["id"] for e in entries}
    # 10.5 h × 85.00 = 892.50: coop fee 44.63, development 8.93, member 838.94
    statement = billing.get_member_statement(contract["member_id"])
    assert [(line["kind"], line["credit"], line["balance"]) for line in statement["lines"]] == [
        ("hours_approved", "838.94", "838.94")]
    trial = billing.get_trial_balance()
    assert trial["total"] == "0.00"


def test_only_the_contracts_client_approves_and_a_refusal_stores_nothing(
        coop, billing, written, count_rows, tap):
    contract = coop.contract(coop.client())
    entries = coop.hours(contract, {4: "8"})
    before = written()
    with pytest.raises(Forbidden) as raised:
        billing.approve_hours({"client_id": coop.client(), "entry_ids": [entries[0]["id"]]})
    assert raised.value.rule == "OnlyTheContractedClientApproves"
    assert written() == before
    assert count_rows(time_entries, time_entries.c.id == entries[0]["id"],
                      time_entries.c.status == "submitted") == 1
    assert tap.of_type("timesheet_approved", client_id=contract["client_id"]) == []


def test_only_the_contracts_member_writes_hours(coop, billing):
    contract = coop.contract(coop.client())
    with pytest.raises(Forbidden) as raised:
        billing.submit_hours(contract["id"], {"member_id": str(uuid.uuid4()),
                                              "entries": [{"day": "2031-03-02", "hours": "8"}]})
    assert raised.value.rule == "OnlyTheContractedMemberWritesHours"


@pytest.mark.parametrize(("day", "hours", "field", "rule"), [
    (date(2031, 2, 27), "8", "day", "DayOutsideAssignment"),
    (date(2031, 3, 2), "7.125", "entries[0].hours", None),
    (date(2031, 3, 2), "7.10", "hours", "HoursMustBeQuarterHours"),
    (date(2031, 3, 2), "-2", "hours", "HoursMustBePositive"),
    (date(2031, 3, 2), "eight", "entries[0].hours", None),
])
def test_bad_hours_are_invalid_naming_the_field_and_store_nothing(
        coop, billing, written, count_rows, day, hours, field, rule):
    contract = coop.contract(coop.client(), starts_on="2031-03-01", ends_on="2031-03-31")
    before = written()
    entries = [{"day": "2031-03-03", "hours": "8"}, {"day": day.isoformat(), "hours": hours}]
    entries = entries[1:] if field.startswith("entries") else entries
    with pytest.raises(Invalid) as raised:
        billing.submit_hours(contract["id"], {"member_id": contract["member_id"],
                                              "entries": entries})
    assert [e["field"] for e in raised.value.errors] == [field]
    assert raised.value.rule == rule
    assert written() == before
    assert count_rows(time_entries, time_entries.c.contract_id == contract["id"]) == 0


def test_rejected_hours_are_corrected_and_approved_hours_are_locked(coop, billing, tap):
    contract = coop.contract(coop.client())
    (entry,) = coop.hours(contract, {5: "8"})
    decision = {"client_id": contract["client_id"], "entry_ids": [entry["id"]]}
    (rejected,) = billing.reject_hours({**decision, "reason": "We agreed on 6 hours."})
    assert (rejected["status"], rejected["rejection_reason"]) == ("rejected",
                                                                  "We agreed on 6 hours.")
    tap.wait_for("timesheet_rejected", client_id=contract["client_id"])
    with pytest.raises(Conflict) as raised:
        billing.approve_hours(decision)
    assert raised.value.rule == "OnlySubmittedHoursCanBeDecided"

    (corrected,) = coop.hours(contract, {5: "6"})
    assert (corrected["id"], corrected["hours"], corrected["status"]) == (
        entry["id"], "6.00", "submitted")
    billing.approve_hours(decision)
    with pytest.raises(Conflict) as raised:
        coop.hours(contract, {5: "7"})
    assert raised.value.rule == "ApprovedHoursAreLocked"


def test_hours_are_listed_within_the_callers_scope(coop, billing, year):
    client_id = coop.client()
    mine, theirs = coop.contract(client_id), coop.contract(client_id)
    coop.hours(mine, {2: "8", 3: "8"})
    coop.approved_hours(theirs, {2: "4"})
    own = billing.list_time_entries({"member_id": mine["member_id"], "limit": 1})
    assert len(own["items"]) == 1 and own["next_cursor"]
    rest = billing.list_time_entries({"member_id": mine["member_id"],
                                      "cursor": own["next_cursor"]})
    assert [e["day"] for e in own["items"] + rest["items"]] == [f"{year}-03-02",
                                                                 f"{year}-03-03"]
    to_approve = billing.list_time_entries({"client_id": client_id, "status": "submitted",
                                            "month": f"{year}-03"})
    assert {e["member_id"] for e in to_approve["items"]} == {mine["member_id"]}
    with pytest.raises(NotFound):
        billing.submit_hours("not-a-contract", {"member_id": mine["member_id"],
                                                "entries": [{"day": f"{year}-03-02",
                                                             "hours": "1"}]})

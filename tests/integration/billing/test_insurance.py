"""Collective insurance in a real billing container: enrolment events over RabbitMQ,
enrolments ended when members says a member left, and premiums deducted by a payout
batch (the bank file pays the rest, the ledger balances)."""

import uuid
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from lxml import etree

from deploy.seed import DEMO_POLICY, seed_billing
from infra.errors import Conflict, Invalid, NotFound
from services.billing.domain.use_cases.insurance import INSURANCE_HANDLER
from services.billing.models import inbox, insurance_charges
from services.members.service import MembersService
from tests.integration.billing.conftest import member_snapshot
from tests.support.waiting import eventually

SEPA = {"p": "urn:iso:std:iso:20022:tech:xsd:pain.001.001.03"}


def a_policy(billing, premium="25.00", kind="professional_liability") -> dict:
    return billing.create_insurance_policy({
        "name": "AVB collectief", "kind": kind, "insurer": "Verzekeraar N.V.",
        "coverage": "Schade aan derden", "insured_amount": "2500000.00",
        "monthly_premium": premium, "conditions": "Eigen risico €250"})


def known_member(billing, announce, name="Anouk de Vries") -> str:
    member_id = str(uuid.uuid4())
    announce("members", "member_created", member_id, member_snapshot(member_id, name))
    eventually(lambda: name in billing.export_insurance_certificate(
        member_id, {"format": "html"})["content"], timeout=5)
    return member_id


def test_enrolling_opting_out_and_leaving_are_announced(billing, announce, tap, year):
    policy = a_policy(billing)
    member_id = known_member(billing, announce)
    enrolment = billing.enrol_in_insurance(member_id, {
        "policy_id": policy["id"], "starts_on": f"{year}-01-01"})
    (enrolled,) = tap.wait_for("insurance_enrolled", enrolment_id=enrolment["id"])
    assert enrolled["data"] == {"enrolment_id": enrolment["id"], "member_id": member_id,
                                "policy_id": policy["id"], "kind": "professional_liability",
                                "starts_on": f"{year}-01-01"}
    assert enrolled["subject"] == member_id
    with pytest.raises(Conflict) as overlap:
        billing.enrol_in_insurance(member_id, {"policy_id": policy["id"],
                                               "starts_on": f"{year}-06-01"})
    assert overlap.value.args[2] == "EnrolmentsOverlap"
    billing.end_insurance_enrolment(member_id, enrolment["id"], {"ends_on": f"{year}-12-31"})
    tap.wait_for("insurance_ended", enrolment_id=enrolment["id"], ends_on=f"{year}-12-31")

    snapshot = {**member_snapshot(member_id, "Anouk de Vries", version=2, status="left"),
                "left_on": f"{year}-06-30"}
    announce("members", "member_left", member_id, snapshot)
    tap.wait_for("insurance_ended", enrolment_id=enrolment["id"], ends_on=f"{year}-06-30")
    assert billing.insurance_coverage([member_id], f"{year}-07-01") == {member_id: []}
    assert billing.insurance_coverage([member_id], f"{year}-06-30") == {
        member_id: ["professional_liability"]}
    # the leave date is kept: no cover starts after it, none runs past it
    legal = a_policy(billing, kind="legal_expenses")
    with pytest.raises(Conflict) as left:
        billing.enrol_in_insurance(member_id, {"policy_id": legal["id"],
                                               "starts_on": f"{year}-07-01"})
    assert left.value.args[2] == "MemberHasLeft"
    capped = billing.enrol_in_insurance(member_id, {"policy_id": legal["id"],
                                                    "starts_on": f"{year}-06-01"})
    assert capped["ends_on"] == f"{year}-06-30"


def test_a_member_who_rejoins_enrols_again_from_the_rejoin_date_on(billing, announce, tap,
                                                                  count_rows, year):
    policy = a_policy(billing)
    member_id = known_member(billing, announce)
    first = billing.enrol_in_insurance(member_id, {"policy_id": policy["id"],
                                                   "starts_on": f"{year}-01-01"})
    announce("members", "member_left", member_id, {
        **member_snapshot(member_id, "Anouk de Vries", version=2, status="left"),
        "left_on": f"{year}-03-31"})
    tap.wait_for("insurance_ended", enrolment_id=first["id"], ends_on=f"{year}-03-31")
    # members says she is active again (a newer snapshot, joined anew on 15 June)
    announce("members", "member_updated", member_id, {
        **member_snapshot(member_id, "Anouk de Vries", version=3, status="active"),
        "joined_on": f"{year}-06-15", "left_on": None, "changed_fields": ["status"]})
    again = eventually(lambda: billing.enrol_in_insurance(member_id, {
        "policy_id": policy["id"], "starts_on": f"{year}-06-15"}), timeout=5)
    assert (again["starts_on"], again["ends_on"]) == (f"{year}-06-15", None)
    # not for the months she was away; the cover that ended when she left stays ended
    legal = a_policy(billing, kind="legal_expenses")
    with pytest.raises(Conflict) as away:
        billing.enrol_in_insurance(member_id, {"policy_id": legal["id"],
                                               "starts_on": f"{year}-05-01"})
    assert away.value.args[2] == "EnrolmentBeforeRejoining"
    enrolments = billing.list_insurance_enrolments(member_id, {"limit": 10})["items"]
    assert [(e["starts_on"], e["ends_on"]) for e in enrolments] == [
        (f"{year}-01-01", f"{year}-03-31"), (f"{year}-06-15", None)]
    assert billing.insurance_coverage([member_id], f"{year}-05-01") == {member_id: []}
    assert billing.insurance_coverage([member_id], f"{year}-07-01") == {
        member_id: ["professional_liability"]}
    # a late member_left (version 2 again, another event) ends nothing of the new cover
    late = announce("members", "member_left", member_id, {
        **member_snapshot(member_id, "Anouk de Vries", version=2, status="left"),
        "left_on": f"{year}-03-31"})
    handled = str(uuid.uuid5(INSURANCE_HANDLER, late["id"]))
    eventually(lambda: count_rows(inbox, inbox.c.event_id == handled), timeout=5)
    assert billing.list_insurance_enrolments(member_id, {"limit": 10})["items"] == enrolments
    again_later = billing.enrol_in_insurance(member_id, {"policy_id": legal["id"],
                                                         "starts_on": f"{year}-08-01"})
    assert again_later["ends_on"] is None


def test_backdating_is_for_operators_within_the_month_and_overlap_is_per_kind(billing,
                                                                            announce):
    member_id = known_member(billing, announce)
    policy, same_kind = a_policy(billing), a_policy(billing)
    today = datetime.now(UTC).date()
    first_of_month = today.replace(day=1)
    with pytest.raises(Invalid) as backdated:
        billing.enrol_in_insurance(member_id, {"policy_id": policy["id"],
                                               "starts_on": str(first_of_month.replace(
                                                   year=first_of_month.year - 1))},
                                   by_operator=True)
    assert backdated.value.args[2] == "EnrolmentBackdated"
    assert backdated.value.args[1][0]["field"] == "starts_on"
    if today > first_of_month:  # a member cannot start before today
        with pytest.raises(Invalid):
            billing.enrol_in_insurance(member_id, {"policy_id": policy["id"],
                                                   "starts_on": str(first_of_month)})
    enrolment = billing.enrol_in_insurance(
        member_id, {"policy_id": policy["id"], "starts_on": str(first_of_month)},
        by_operator=True)
    assert enrolment["starts_on"] == str(first_of_month)
    with pytest.raises(Conflict) as overlap:
        billing.enrol_in_insurance(member_id, {"policy_id": same_kind["id"],
                                               "starts_on": "2099-01-01"})
    assert overlap.value.args[2] == "EnrolmentsOverlap"


def test_a_certificate_for_a_member_billing_never_heard_of_is_not_found(billing):
    with pytest.raises(NotFound) as unknown:
        billing.export_insurance_certificate(str(uuid.uuid4()), {"format": "html"})
    assert unknown.value.args[2] == "MemberNotFound"


def test_an_unknown_policy_or_a_third_decimal_is_invalid_naming_the_field(billing, announce):
    member_id = known_member(billing, announce)
    with pytest.raises(Invalid) as unknown:
        billing.enrol_in_insurance(member_id, {"policy_id": str(uuid.uuid4()),
                                               "starts_on": "2030-01-01"})
    assert unknown.value.args[2] == "PolicyNotFound"
    assert unknown.value.args[1][0]["field"] == "policy_id"
    with pytest.raises(Invalid) as cents:
        a_policy(billing, premium="12.345")
    assert cents.value.args[1][0]["field"] == "monthly_premium"


@pytest.fixture
def members(run_services, rpc, billing):
    run_services(MembersService)
    return rpc.members


def test_a_payout_batch_deducts_premiums_and_the_bank_file_pays_the_rest(
        coop, billing, members, count_rows):
    anouk = members.create_member({
        "name": "Anouk de Vries", "email": f"{uuid.uuid4().hex[:10]}@example.nl",
        "kvk_number": "70000001", "btw_id": "NL100023757B01", "iban": "NL91ABNA0417164300",
        "hourly_rate": "85.00"})
    policy = a_policy(billing, premium="25.00")
    enrolment = eventually(lambda: billing.enrol_in_insurance(anouk["id"], {
        "policy_id": policy["id"], "starts_on": f"{coop.year}-02-15"}), timeout=5)
    contract = coop.contract(coop.client(), member_id=anouk["id"])
    coop.approved_hours(contract, {2: "8", 3: "2"})  # member share 799.00
    billing.contribute_to_fund({"fund": "guarantee_fund", "amount": "1000.00"})

    batch_id = str(uuid.uuid4())
    request = {"batch_id": batch_id, "execution_date": f"{coop.year}-03-20"}
    batch = billing.create_payout_batch(request)
    (line,) = [line for line in batch["lines"] if line["member_id"] == anouk["id"]]
    assert (line["premium"], line["amount"]) == ("50.00", "749.00")  # February and March
    assert billing.create_payout_batch(request) == batch  # retried: made once
    assert billing.get_payout_batch(batch_id)["lines"] == batch["lines"]
    root = etree.fromstring(billing.export_payout_batch(batch_id)["content"].encode())
    paid = {node.findtext("p:CdtrAcct/p:Id/p:IBAN", namespaces=SEPA):
            Decimal(node.findtext("p:Amt/p:InstdAmt", namespaces=SEPA))
            for node in root.iterfind(".//p:CdtTrfTxInf", SEPA)}
    assert paid["NL91ABNA0417164300"] == Decimal("749.00")
    statement = billing.get_member_statement(anouk["id"])
    assert [line["debit"] for line in statement["lines"] if line["kind"] == "premium_deducted"] \
        == ["50.00"]
    assert statement["lines"][-1]["balance"] == "0.00"
    trial = billing.get_trial_balance()
    assert trial["total"] == "0.00"
    assert -Decimal(trial["accounts"]["insurance_payable"]) >= Decimal("50.00")  # a credit
    assert count_rows(insurance_charges,
                      insurance_charges.c.enrolment_id == enrolment["id"]) == 2
    # a later batch in the same month charges nothing again
    coop.approved_hours(contract, {4: "1"})
    again = billing.create_payout_batch({"execution_date": f"{coop.year}-03-27"})
    (line,) = [line for line in again["lines"] if line["member_id"] == anouk["id"]]
    assert line["premium"] == "0.00"
    assert date.fromisoformat(again["execution_date"]).month == 3


def test_the_demo_policy_is_seeded_once(database_urls, billing):
    seed_billing(database_urls["billing"])
    assert seed_billing(database_urls["billing"]) is False
    page = billing.list_insurance_policies({"limit": 100, "active": True})
    named = [p for p in page["items"] if p["name"] == DEMO_POLICY["name"]]
    while page["next_cursor"]:
        page = billing.list_insurance_policies({"limit": 100, "cursor": page["next_cursor"]})
        named += [p for p in page["items"] if p["name"] == DEMO_POLICY["name"]]
    assert len(named) == 1 and named[0]["monthly_premium"] == "18.50"

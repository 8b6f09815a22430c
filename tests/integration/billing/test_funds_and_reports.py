"""The solidarity fund, fund contributions and the reports, through the service."""

import uuid

import pytest

from infra.errors import Invalid, NotFound


def test_a_member_joins_a_tier_and_a_claim_is_announced_without_the_sickness(billing, tap):
    member_id = str(uuid.uuid4())
    with pytest.raises(Invalid) as raised:
        billing.join_solidarity_fund(member_id, {"monthly_benefit": "1200.00"})
    assert (raised.value.rule, raised.value.errors[0]["field"]) == ("UnknownSolidarityTier",
                                                                    "monthly_benefit")
    membership = billing.join_solidarity_fund(member_id, {"monthly_benefit": "1000.00",
                                                          "since": "2031-01-01"})
    assert (membership["monthly_benefit"], membership["monthly_deposit"]) == ("1000.00",
                                                                              "50.00")
    claim = billing.file_solidarity_claim(member_id, {"sick_since": "2031-03-10"})
    (event,) = tap.wait_for("fund_claim_granted", member_id=member_id)
    assert event["data"] == {"claim_id": claim["id"], "member_id": member_id,
                             "monthly_benefit": "1000.00", "benefit_starts_on": "2031-04-10"}

    with pytest.raises(NotFound):  # another member's token
        billing.record_recovery(claim["id"], {"recovered_on": "2031-03-20"},
                                member_id=str(uuid.uuid4()))
    with pytest.raises(Invalid) as raised:
        billing.record_recovery(claim["id"], {"recovered_on": "2031-03-01"},
                                member_id=member_id)
    assert raised.value.rule == "RecoveryBeforeSickness"
    recovered = billing.record_recovery(claim["id"], {"recovered_on": "2031-03-20"},
                                        member_id=member_id)
    assert recovered["recovered_on"] == "2031-03-20"


def test_a_contribution_fills_a_fund_and_the_ledger_stays_balanced(billing):
    with pytest.raises(Invalid) as raised:
        billing.contribute_to_fund({"fund": "bank", "amount": "10.00"})
    assert [e["field"] for e in raised.value.errors] == ["fund"]
    posting = billing.contribute_to_fund({"fund": "solidarity_fund", "amount": "300.00",
                                          "booked_on": "2031-01-02"})
    assert {(e["account"], e["debit"], e["credit"]) for e in posting["entries"]} == {
        ("bank", "300.00", "0.00"), ("solidarity_fund", "0.00", "300.00")}
    statement = billing.get_account_statement("solidarity_fund", {"start": "2031-01-01"})
    assert statement["lines"][-1]["credit"] == "300.00"
    with pytest.raises(Invalid) as raised:
        billing.get_account_statement("petty_cash")
    assert raised.value.rule == "UnknownAccount"
    assert billing.get_trial_balance()["total"] == "0.00"


def test_the_vat_return_and_a_members_annual_statement(coop, billing):
    contract = coop.contract(coop.client())
    coop.approved_hours(contract, {2: "10"})
    billing.run_monthly_invoicing({"month": f"{coop.year}-03", "issue_date": coop.issue_date()})
    report = billing.get_vat_return({"quarter": f"{coop.year}-Q2"})
    assert report["quarter"] == f"{coop.year}-Q2"
    assert report["box_1a"] == {"taxable": "850.00", "vat": "178.50"}
    # nothing bought from partner coops abroad in that quarter: 4a and 4b are empty
    assert report["box_4a"] == report["box_4b"] == {"taxable": "0.00", "vat": "0.00"}
    assert (report["input_vat"], report["purchases_without_country"]) == ("0.00", {})
    assert report["vat_due"] == "178.50"
    statement = billing.get_member_annual_statement(contract["member_id"], {"year": coop.year})
    # the approval was booked today, before this test's year: it opens the year
    assert (statement["invoiced"]["member"], statement["closing_balance"]) == ("799.00",
                                                                                "799.00")
    with pytest.raises(Invalid):
        billing.get_vat_return({"quarter": f"{coop.year}-Q5"})

"""Input the books cannot hold is refused before it reaches the database (run this with
TEST_DATABASE=postgresql too: there an overflowing amount was a 500): every amount
has a maximum, every day lies from 2000 to 2999, and the error names the field sent."""

import uuid

import pytest

from infra.errors import Invalid

HUGE = ["99999999999999999.99", "1E+20", "1000000000000.00"]


def refused(call, *args) -> dict[str, str]:
    with pytest.raises(Invalid) as raised:
        call(*args)
    return {error["field"]: error["message"] for error in raised.value.errors}


def test_an_hourly_rate_beyond_the_maximum_makes_no_contract(billing, coop, count_rows):
    client_id = coop.client()
    terms = {"assignment_id": str(uuid.uuid4()), "member_id": str(uuid.uuid4()),
             "client_id": client_id, "project_id": str(uuid.uuid4()),
             "starts_on": f"{coop.year}-03-01", "ends_on": f"{coop.year}-04-30"}
    for rate in [*HUGE, "10000.01"]:
        assert list(refused(billing.record_assignment, {**terms, "hourly_rate": rate})) == [
            "hourly_rate"]
    assert billing.list_contracts({"client_id": client_id})["items"] == []
    contract = billing.record_assignment({**terms, "hourly_rate": "10000.00"})
    assert contract["hourly_rate"] == "10000.00"


def test_amounts_beyond_the_maximum_post_nothing(billing, written):
    before = written()
    for amount in HUGE:
        assert list(refused(billing.contribute_to_fund,
                            {"fund": "guarantee_fund", "amount": amount})) == ["amount"]
        assert list(refused(billing.register_payment, "2031-000001", {
            "payment_id": f"bank-{uuid.uuid4()}", "amount": amount,
            "paid_on": "2031-04-01"})) == ["amount"]
        assert list(refused(billing.join_solidarity_fund, str(uuid.uuid4()),
                            {"monthly_benefit": amount})) == ["monthly_benefit"]
    assert written() == before


def test_a_day_before_2000_names_the_field_that_was_sent(billing, written):
    before = written()
    member_id = str(uuid.uuid4())
    for call, args, field in [
        (billing.create_payout_batch, ({"execution_date": "0001-01-01"},), "execution_date"),
        (billing.file_solidarity_claim, (member_id, {"sick_since": "0001-01-01"}),
         "sick_since"),
        (billing.file_solidarity_claim,
         (member_id, {"sick_since": "2031-03-01", "filed_on": "0001-01-01"}), "filed_on"),
        (billing.join_solidarity_fund,
         (member_id, {"monthly_benefit": "1000.00", "since": "1999-12-31"}), "since"),
        (billing.pay_solidarity_benefits, ({"today": "0001-01-01"},), "today"),
        (billing.run_monthly_invoicing, ({"month": "2031-03", "issue_date": "0001-01-01"},),
         "issue_date"),
        (billing.contribute_to_fund,
         ({"fund": "guarantee_fund", "amount": "1.00", "booked_on": "0001-01-01"},),
         "booked_on"),
    ]:
        errors = refused(call, *args)
        assert list(errors) == [field], (field, errors)
        assert "outside the days billing keeps books for" in errors[field]
    assert written() == before

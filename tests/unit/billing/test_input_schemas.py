"""Billing's input schemas keep bad input a 422 naming the field the caller sent: amounts
within what the books hold, days within the years billing keeps books for, and
other services' events read for what billing uses and nothing more."""

import uuid
from datetime import date
from decimal import Decimal

import pytest
from marshmallow import ValidationError

from infra.schemas import field_errors
from services.billing.schemas import (
    AssignmentConfirmedSchema,
    AssignmentSchema,
    BenefitRunRequestSchema,
    ClaimRequestSchema,
    CreditNoteRequestSchema,
    FundContributionRequestSchema,
    HoursSubmissionSchema,
    JoinFundRequestSchema,
    MonthlyRunSchema,
    PaymentRequestSchema,
    PayoutRequestSchema,
    RecoveryRequestSchema,
)
from services.billing.schemas.fields import MAX_AMOUNT
from services.billing.schemas.incoming import (
    AssignmentEndedSchema,
    DevelopmentExpenseApprovedSchema,
    MemberSnapshotSchema,
)
from services.billing.schemas.insurance import MembershipSnapshotSchema
from services.billing.schemas.ledger import QuarterQuerySchema, YearQuerySchema


def an_id() -> str:
    return str(uuid.uuid4())


def assignment(**overrides) -> dict:
    return {"assignment_id": an_id(), "member_id": an_id(), "client_id": an_id(),
            "project_id": an_id(), "hourly_rate": "85.00", "starts_on": "2026-03-01",
            "ends_on": "2026-06-30", **overrides}


def refusal(schema, data) -> dict[str, str]:
    """field → message of a refused load."""
    with pytest.raises(ValidationError) as raised:
        schema.load(data)
    return {error["field"]: error["message"] for error in field_errors(raised.value.messages)}


# --- amounts ---------------------------------------------------------------------------

MONEY_INPUTS = [
    (AssignmentSchema(), assignment(), "hourly_rate", Decimal("10000.00")),
    (PaymentRequestSchema(), {"payment_id": "bank-1", "paid_on": "2026-04-01"}, "amount",
     MAX_AMOUNT),
    (FundContributionRequestSchema(), {"fund": "development_fund"}, "amount", MAX_AMOUNT),
    (JoinFundRequestSchema(), {}, "monthly_benefit", Decimal("10000.00")),
]


@pytest.mark.parametrize(("schema", "rest", "field", "maximum"), MONEY_INPUTS)
def test_every_amount_has_a_maximum_that_fits_the_books(schema, rest, field, maximum):
    assert schema.load({**rest, field: str(maximum)})[field] == maximum
    for too_much in (str(maximum + Decimal("0.01")), "99999999999999999.99",
                     "1000000000000.00"):
        assert refusal(schema, {**rest, field: too_much}) == {
            field: f"An amount must be at most {maximum}."}
    assert f'At most "{maximum}"' in schema.fields[field].metadata["description"]


@pytest.mark.parametrize(("schema", "rest", "field", "maximum"), MONEY_INPUTS)
@pytest.mark.parametrize("written", ["1E+20", "1e2", "1E+999999999", "0E+999999999"])
def test_an_amount_in_exponent_notation_is_refused(schema, rest, field, maximum, written):
    assert list(refusal(schema, {**rest, field: written})) == [field]


def test_the_maximum_holds_for_json_numbers_too():
    assert refusal(FundContributionRequestSchema(), {"fund": "development_fund",
                                                     "amount": 1e20}) == {
        "amount": f"An amount must be at most {MAX_AMOUNT}."}


# --- days --------------------------------------------------------------------------------

DAY_INPUTS = [
    (PayoutRequestSchema(), {}, "execution_date"),
    (ClaimRequestSchema(), {"filed_on": "2026-03-02"}, "sick_since"),
    (ClaimRequestSchema(), {"sick_since": "2026-03-02"}, "filed_on"),
    (RecoveryRequestSchema(), {}, "recovered_on"),
    (JoinFundRequestSchema(), {"monthly_benefit": "1000.00"}, "since"),
    (BenefitRunRequestSchema(), {}, "today"),
    (MonthlyRunSchema(), {"month": "2026-03"}, "issue_date"),
    (CreditNoteRequestSchema(), {"reason": "Wrong rate"}, "issue_date"),
    (PaymentRequestSchema(), {"payment_id": "bank-1", "amount": "1.00"}, "paid_on"),
    (FundContributionRequestSchema(), {"fund": "guarantee_fund", "amount": "1.00"},
     "booked_on"),
    (AssignmentSchema(), assignment(starts_on="2026-01-01"), "ends_on"),
    (AssignmentSchema(), assignment(ends_on="2026-01-01"), "starts_on"),
]


@pytest.mark.parametrize(("schema", "rest", "field"), DAY_INPUTS)
@pytest.mark.parametrize("day", ["0001-01-01", "1999-12-31", "3000-01-01", "9999-12-31"])
def test_a_day_outside_the_books_names_its_own_field_and_says_why(schema, rest, field, day):
    errors = refusal(schema, {**rest, field: day})
    assert list(errors) == [field]
    assert "outside the days billing keeps books for" in errors[field]
    assert "2000-01-01 to 2999-12-31" in errors[field]


@pytest.mark.parametrize(("schema", "rest", "field"), DAY_INPUTS)
def test_the_first_and_last_day_of_the_books_are_days(schema, rest, field):
    for day in ("2000-01-01", "2999-12-31"):
        assert schema.load({**rest, field: day})[field].isoformat() == day


def test_a_day_of_hours_before_2000_names_the_entry():
    errors = refusal(HoursSubmissionSchema(), {"member_id": an_id(), "entries": [
        {"day": "2026-03-02", "hours": "8"}, {"day": "0001-01-01", "hours": "8"}]})
    assert list(errors) == ["entries[1].day"]


# --- other services' events ----------------------------------------------------------------

def test_a_stand_in_assignment_from_matching_is_read_as_any_other():
    data = assignment(seat_id=an_id(), role_id=an_id(), skill="python", kind="stand_in",
                      hours_per_week="16.00", description="Portal — python")
    loaded = AssignmentConfirmedSchema().load(data)
    assert set(loaded) == {"assignment_id", "member_id", "client_id", "project_id",
                           "hourly_rate", "starts_on", "ends_on", "description"}


def test_the_operators_record_assignment_refuses_fields_it_does_not_know():
    assert list(refusal(AssignmentSchema(), assignment(kind="stand_in"))) == ["kind"]


def test_an_ended_assignment_needs_its_id_and_last_day():
    loaded = AssignmentEndedSchema().load({
        "assignment_id": an_id(), "project_id": an_id(), "client_id": an_id(),
        "member_id": an_id(), "ended_on": "2026-04-15", "reason": "member_left",
        "something_new": 1})
    assert (loaded["ended_on"].isoformat(), loaded["reason"]) == ("2026-04-15", "member_left")
    assert set(refusal(AssignmentEndedSchema(), {"reason": "x"})) == {"assignment_id",
                                                                      "ended_on"}


def expense(**overrides) -> dict:
    return {"request_id": an_id(), "member_id": an_id(), "kind": "conference",
            "title": "PyCon NL", "amount": "749.99", "currency": "EUR", "year": 2026,
            "approved_at": "2026-05-04T10:00:00+00:00",
            "approved_by": [{"kind": "operator", "member_id": None}], **overrides}


def test_an_approved_expense_is_read_as_learning_publishes_it():
    loaded = DevelopmentExpenseApprovedSchema().load(expense())
    assert loaded["amount"] == Decimal("749.99")
    assert "approved_by" not in loaded


@pytest.mark.parametrize(("overrides", "field"), [
    ({"amount": "0.00"}, "amount"),
    ({"amount": "-5.00"}, "amount"),
    ({"amount": "1E+20"}, "amount"),
    ({"amount": "12.345"}, "amount"),
    ({"currency": "USD"}, "currency"),
    ({"member_id": "someone"}, "member_id"),
    ({"approved_at": "0001-01-01T00:00:00+00:00"}, "approved_at"),
])
def test_a_malformed_expense_is_refused_naming_the_field(overrides, field):
    assert list(refusal(DevelopmentExpenseApprovedSchema(), expense(**overrides))) == [field]


def test_a_member_snapshot_gives_the_name_and_whether_the_member_is_erased():
    loaded = MemberSnapshotSchema().load({"member_id": an_id(), "version": 3,
                                          "name": "Lotte Visser", "status": "active",
                                          "city": "Tiel", "skills": []})
    assert (loaded["name"], loaded["version"], loaded["status"]) == ("Lotte Visser", 3,
                                                                     "active")


def test_a_membership_snapshot_gives_what_insurance_follows_and_needs_a_version():
    member_id = an_id()
    loaded = MembershipSnapshotSchema().load({
        "member_id": member_id, "version": 4, "name": "Lotte Visser", "status": "active",
        "joined_on": "2026-06-15", "left_on": None, "skills": []})
    assert loaded == {"member_id": member_id, "version": 4, "status": "active",
                      "joined_on": date(2026, 6, 15), "left_on": None}
    assert list(refusal(MembershipSnapshotSchema(), {"member_id": member_id,
                                                     "left_on": "2026-03-31"})) == ["version"]


@pytest.mark.parametrize(("schema", "field", "value"), [
    (QuarterQuerySchema(), "quarter", "0000-Q1"),  # no year 0
    (QuarterQuerySchema(), "quarter", "1999-Q4"),
    (QuarterQuerySchema(), "quarter", "3000-Q1"),
    (MonthlyRunSchema(), "month", "0000-01"),
    (MonthlyRunSchema(), "month", "3000-01"),
    (YearQuerySchema(), "year", 9999),
    (YearQuerySchema(), "year", 1999),
])
def test_periods_lie_in_the_years_billing_keeps_books_for(schema, field, value):
    data = {"issue_date": "2026-04-01", field: value} if field == "month" else {field: value}
    assert list(refusal(schema, data)) == [field]


def test_the_first_and_last_years_are_periods_billing_keeps():
    assert QuarterQuerySchema().load({"quarter": "2999-Q4"})["quarter"] == "2999-Q4"
    assert YearQuerySchema().load({"year": 2000})["year"] == 2000
    assert MonthlyRunSchema().load({"month": "2000-01", "issue_date": "2026-04-01"})

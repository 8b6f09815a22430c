"""The published contract (schemas) checks formats without the domain; keep them in step."""

from decimal import Decimal

import pytest
from marshmallow import ValidationError

from services.learning.domain import budget, mentorship, offers, sessions
from services.learning.schemas import budget as budget_schemas
from services.learning.schemas import fields as contract_fields
from services.learning.schemas import mentorships as mentorship_schemas
from services.learning.schemas import offers as offer_schemas
from services.learning.schemas.budget import DevelopmentRequestDetailsSchema
from services.learning.schemas.events import EVENT_SCHEMAS
from services.learning.schemas.incoming import (
    AssignmentConfirmedSchema,
    DevelopmentFundContributedSchema,
    MemberSnapshotSchema,
)


def test_the_contract_uses_the_domains_limits():
    assert offer_schemas.FORMATS == offers.FORMATS
    assert offer_schemas.OFFER_STATUSES == offers.OFFER_STATUSES
    assert offer_schemas.WISH_STATUSES == offers.WISH_STATUSES
    assert contract_fields.MAX_HOURS_PER_MONTH == offers.MAX_HOURS_PER_MONTH
    assert mentorship_schemas.MENTORSHIP_STATUSES == mentorship.STATUSES
    assert (mentorship_schemas.MIN_MINUTES, mentorship_schemas.MAX_MINUTES) == (
        sessions.MIN_MINUTES, sessions.MAX_MINUTES)
    assert budget_schemas.KINDS == budget.KINDS
    assert budget_schemas.REQUEST_STATUSES == budget.STATUSES


def test_every_published_event_has_a_schema():
    assert set(EVENT_SCHEMAS) == {
        "learning_offered", "learning_wished", "mentorship_started", "session_recorded",
        "endorsement_given", "endorsement_withdrawn", "skill_verified",
        "skill_verification_withdrawn", "development_expense_approved"}


def request(amount):
    return {"kind": "course", "title": "Rust", "what_you_will_learn": "Ownership",
            "amount": amount}


@pytest.mark.parametrize("amount", ["850", "850.5", " 850.50 ", "0.01"])
def test_amounts_are_decimal_strings_kept_exact(amount):
    loaded = DevelopmentRequestDetailsSchema().load(request(amount))["amount"]
    assert loaded == Decimal(amount.strip()) and loaded.as_tuple().exponent == -2


@pytest.mark.parametrize("amount", [850, 850.5, "850.505", "0", "-5.00", "NaN", "1e9", None,
                                    True, "100000.01"])
def test_anything_but_an_exact_positive_amount_string_is_refused(amount):
    with pytest.raises(ValidationError) as raised:
        DevelopmentRequestDetailsSchema().load(request(amount))
    assert set(raised.value.messages) == {"amount"}


def test_other_services_events_may_carry_fields_learning_does_not_know():
    snapshot = MemberSnapshotSchema().load({
        "member_id": "4dcd248c-606c-499c-b70f-979a8f067ef3", "version": 3, "name": "Ada",
        "status": "active", "city": "Delft", "future_field": 1,
        "skills": [{"skill": "python", "level": 4, "verified_level": None, "new": True}]})
    assert snapshot["skills"] == [{"skill": "python", "level": 4, "verified_level": None}]
    with pytest.raises(ValidationError) as raised:
        AssignmentConfirmedSchema().load({
            "assignment_id": "4dcd248c-606c-499c-b70f-979a8f067ef3",
            "project_id": "5dcd248c-606c-499c-b70f-979a8f067ef3",
            "client_id": "6dcd248c-606c-499c-b70f-979a8f067ef3",
            "member_id": "7dcd248c-606c-499c-b70f-979a8f067ef3",
            "starts_on": "2026-05-01", "ends_on": "2026-04-01"})
    assert set(raised.value.messages) == {"ends_on"}
    correction = DevelopmentFundContributedSchema().load({
        "contribution_id": "posting-17", "year": 2026, "amount": "-12.50",
        "booked_on": "2026-03-31"})
    assert (correction["amount"], correction["member_id"]) == (Decimal("-12.50"), None)

"""Billing and the services it talks to by events agree on the data: what matching and
learning publish, billing reads; what billing publishes about the development fund,
learning reads. Each side's own schema is used, as on the wire."""

import uuid
from datetime import UTC, date, datetime
from decimal import Decimal
from types import SimpleNamespace

from services.billing.domain import use_cases
from services.billing.domain.accounts import DEVELOPMENT_FUND
from services.billing.schemas.events import EVENT_SCHEMAS
from services.billing.schemas.incoming import (
    AssignmentConfirmedSchema,
    AssignmentEndedSchema,
    DevelopmentExpenseApprovedSchema,
)
from services.learning.schemas.events import EVENT_SCHEMAS as LEARNING_EVENTS
from services.learning.schemas.incoming import DevelopmentFundContributedSchema
from services.matching.schemas.project_events import (
    AssignmentConfirmedSchema as MatchingAssignmentConfirmed,
)
from services.matching.schemas.project_events import (
    AssignmentEndedSchema as MatchingAssignmentEnded,
)
from tests.unit.billing.builders import DUTCH_CLIENT, SETTINGS, assignment
from tests.unit.billing.story import MARCH, a_coop, command, event


def an_id() -> str:
    return str(uuid.uuid4())


def test_learning_reads_every_development_fund_contribution_billing_publishes():
    uow = a_coop()
    member_id = an_id()  # learning checks member ids are UUIDs
    terms = assignment(member_id, DUTCH_CLIENT, "85.00", contract_id="c-uuid-member")
    use_cases.record_assignment(uow, event(terms), SETTINGS)
    entries = use_cases.submit_hours(uow, member_id, "c-uuid-member", {date(2026, 3, 2): "8"})
    use_cases.approve_hours(uow, DUTCH_CLIENT.id, [e.id for e in entries], command())
    (invoice,) = use_cases.run_monthly_invoicing(uow, MARCH, date(2026, 4, 1), command(),
                                                 SETTINGS).issued
    use_cases.issue_credit_note(uow, invoice.number, "Wrong rate", date(2026, 4, 2), command(),
                                SETTINGS)
    use_cases.contribute_to_fund(uow, DEVELOPMENT_FUND, "250.00", date(2026, 4, 3), command())
    published = [e for e in uow.published if e.type == "development_fund_contributed"]
    assert len(published) == 3
    for told in published:
        read = DevelopmentFundContributedSchema().load(
            EVENT_SCHEMAS["development_fund_contributed"].dump(told))
        assert (read["contribution_id"], read["member_id"], read["amount"], read["year"],
                read["booked_on"]) == (told.contribution_id, told.member_id, told.amount,
                                       told.booked_on.year, told.booked_on)


def test_billing_reads_learnings_approved_expense():
    request = SimpleNamespace(
        id=an_id(), member_id=an_id(), kind="conference", title="PyCon NL",
        amount=Decimal("749.99"), currency="EUR", year=2026,
        decided_at=datetime(2026, 5, 4, 10, 0, tzinfo=UTC),
        approvals=[SimpleNamespace(approver_kind="member", approver_id=an_id())])
    data = LEARNING_EVENTS["development_expense_approved"].dump(SimpleNamespace(request=request))
    read = DevelopmentExpenseApprovedSchema().load(data)
    assert (read["request_id"], read["member_id"], read["amount"], read["title"],
            read["approved_at"].date()) == (request.id, request.member_id, Decimal("749.99"),
                                            "PyCon NL", date(2026, 5, 4))


def matching_assignment(**overrides):
    return SimpleNamespace(**{
        "id": an_id(), "project_id": an_id(), "client_id": an_id(), "member_id": an_id(),
        "seat_id": an_id(), "role_id": an_id(), "skill": "python", "kind": "stand_in",
        "hours_per_week": Decimal("16"), "starts_on": date(2026, 3, 1),
        "ends_on": date(2026, 6, 30), "hourly_rate": Decimal("85.00"),
        "ended_on": date(2026, 4, 15), "end_reason": "member_left", **overrides})


def test_billing_reads_matchings_assignments_of_every_kind_and_their_end():
    for kind in ("primary", "stand_in", "learner"):
        assignment = matching_assignment(kind=kind)
        confirmed = MatchingAssignmentConfirmed().dump(
            SimpleNamespace(assignment=assignment, project_title="Portaal"))
        read = AssignmentConfirmedSchema().load(confirmed)
        assert (read["assignment_id"], read["hourly_rate"], read["description"]) == (
            assignment.id, Decimal("85.00"), "Portaal — python")
    ended = AssignmentEndedSchema().load(MatchingAssignmentEnded().dump(
        SimpleNamespace(assignment=assignment)))
    assert (ended["assignment_id"], ended["ended_on"], ended["reason"]) == (
        assignment.id, date(2026, 4, 15), "member_left")

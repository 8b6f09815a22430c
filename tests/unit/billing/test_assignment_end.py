"""Matching ends an assignment: no hours after its last day from then on; what was
approved stays; the same event twice, a later end or an unknown assignment change
nothing (the last is parked)."""

from datetime import date

import pytest

from services.billing.domain import use_cases
from services.billing.domain.accounts import payable_to
from services.billing.domain.contract import Contract
from services.billing.domain.errors import DayOutsideAssignment, UnknownAssignment
from services.billing.domain.timesheet import APPROVED
from tests.unit.billing.builders import DUTCH_CLIENT, SETTINGS, assignment
from tests.unit.billing.story import MARCH, a_coop, command, contract_id, event, work

APRIL_1 = date(2026, 4, 1)


def test_an_ended_contract_covers_days_up_to_the_end_only():
    contract = Contract.from_assignment(assignment(), SETTINGS)
    ended = contract.end(date(2026, 3, 15), "member_left")
    assert (ended.ended_on, ended.end_reason, ended.last_day) == (
        date(2026, 3, 15), "member_left", date(2026, 3, 15))
    assert ended.covers(date(2026, 3, 15)) and not ended.covers(date(2026, 3, 16))
    assert ended.ends_on == date(2026, 6, 30)  # what was agreed stays on record


def test_an_end_on_or_after_the_last_day_changes_nothing():
    contract = Contract.from_assignment(assignment(), SETTINGS)
    assert contract.end(date(2026, 6, 30)) is None
    assert contract.end(date(2026, 12, 31)) is None
    ended = contract.end(date(2026, 4, 30))
    assert ended.end(date(2026, 5, 31)) is None
    assert ended.end(date(2026, 4, 1)).last_day == date(2026, 4, 1)


def test_an_assignment_ended_before_it_began_has_no_day():
    ended = Contract.from_assignment(assignment(), SETTINGS).end(date(2026, 2, 28))
    assert not ended.covers(date(2026, 3, 1))
    with pytest.raises(DayOutsideAssignment) as raised:
        use_cases.submit_hours(_with(ended), "anouk", ended.id, {date(2026, 3, 2): "8"})
    assert raised.value.errors == [{"field": "day",
                                    "message": "This assignment has no working days."}]


def _with(contract):
    uow = a_coop()
    with uow:
        uow.contracts.save(contract)
        uow.commit()
    return uow


def test_hours_after_the_end_are_refused_and_approved_hours_stay():
    uow = a_coop()
    approved = work(uow, "anouk", {2: "8", 20: "4"})
    owed = -uow.ledger.balance(payable_to("anouk"))
    ended = use_cases.end_assignment(uow, event(), contract_id("anouk"), date(2026, 3, 15),
                                     "member_left")
    assert ended.last_day == date(2026, 3, 15)

    with pytest.raises(DayOutsideAssignment) as raised:
        use_cases.submit_hours(uow, "anouk", contract_id("anouk"), {date(2026, 3, 16): "8"})
    assert raised.value.errors[0]["field"] == "day"
    assert "2026-03-01 to 2026-03-15" in raised.value.errors[0]["message"]
    work(uow, "anouk", {13: "8"})  # up to the end is fine

    assert {uow.entries.get(e.id).status for e in approved} == {APPROVED}
    assert -uow.ledger.balance(payable_to("anouk")) > owed
    (invoice,) = use_cases.run_monthly_invoicing(uow, MARCH, APRIL_1, command(),
                                                 SETTINGS).issued
    assert [line.quantity for line in invoice.lines] == [20]  # 8 + 4 + 8: nothing lost


def test_the_same_event_twice_or_a_later_end_changes_nothing():
    uow = a_coop()
    once = event()
    use_cases.end_assignment(uow, once, contract_id("anouk"), date(2026, 4, 30), "finished")
    commits = uow.commits
    use_cases.end_assignment(uow, once, contract_id("anouk"), date(2026, 3, 2), "finished")
    assert uow.commits == commits
    use_cases.end_assignment(uow, event(), contract_id("anouk"), date(2026, 5, 31), "late")
    contract = uow.contracts.get(contract_id("anouk"))
    assert (contract.last_day, contract.end_reason) == (date(2026, 4, 30), "finished")


def test_an_unknown_assignment_is_parked_and_nothing_is_marked_handled():
    uow = a_coop()
    unknown = event()
    with pytest.raises(UnknownAssignment) as raised:
        use_cases.end_assignment(uow, unknown, "never-confirmed", date(2026, 3, 15))
    assert raised.value.errors[0]["field"] == "assignment_id"
    assert str(unknown["id"]) not in uow.committed.handled


def test_a_stand_in_assignment_is_a_contract_like_any_other():
    uow = a_coop()
    data = {**assignment("dana", DUTCH_CLIENT, "70.00", contract_id="c-dana"),
            "kind": "stand_in", "seat_id": "seat-1", "hours_per_week": "16.00"}
    use_cases.record_assignment(uow, event(data), SETTINGS)
    assert uow.contracts.get("c-dana").hourly_rate == 70

"""Every lifecycle move, allowed and not: applicant → active ⇄ suspended → left → erased."""

import pytest

from services.members.domain import use_cases
from services.members.domain.errors import (
    EraseOnlyAfterLeaving,
    IllegalTransition,
    LeaveDateBeforeJoining,
    MemberWasErased,
)
from services.members.domain.lifecycle import ALLOWED_FROM, STATUSES, check_transition
from tests.unit.members.builders import TODAY, active_member, applicant, days, founded_coop
from tests.unit.members.fakes import FakeUnitOfWork


@pytest.mark.parametrize("status", STATUSES)
@pytest.mark.parametrize("action", sorted(ALLOWED_FROM))
def test_each_move_is_allowed_only_from_its_statuses(status, action):
    if status in ALLOWED_FROM[action]:
        check_transition("m", status, action)
        return
    expected = MemberWasErased if status == "erased" else IllegalTransition
    with pytest.raises(expected):
        check_transition("m", status, action)


def test_the_moves_are_the_documented_ones():
    assert ALLOWED_FROM == {
        "activate": ("applicant",),
        "suspend": ("active",),
        "reinstate": ("suspended",),
        "leave": ("applicant", "active", "suspended"),
        "erase": ("applicant", "left"),
    }


def test_an_illegal_transition_says_why():
    with pytest.raises(IllegalTransition) as raised:
        check_transition("m1", "left", "suspend")
    assert raised.value.detail == (
        "Cannot suspend member m1: they are left, and only a member who is active can be "
        "suspended.")
    assert raised.value.rule == "IllegalTransition"


@pytest.fixture
def uow():
    return FakeUnitOfWork()


def test_an_operator_suspends_with_a_private_reason_and_reinstates(uow):
    member = founded_coop(uow, 1)[0]
    suspended = use_cases.suspend_member(uow, member.id, "Complaint under review.")
    assert (suspended.status, suspended.suspension_reason) == ("suspended",
                                                               "Complaint under review.")
    assert uow.event_types()[-2:] == ["member_suspended", "member_updated"]
    back = use_cases.reinstate_member(uow, member.id)
    assert (back.status, back.suspension_reason) == ("active", None)
    event = uow.published[-2]
    assert (event.type, event.reinstated) == ("member_activated", True)


def test_only_active_members_are_suspended_and_only_suspended_ones_reinstated(uow):
    waiting = applicant(uow, 1)
    with pytest.raises(IllegalTransition):
        use_cases.suspend_member(uow, waiting.id, "No.")
    with pytest.raises(IllegalTransition):
        use_cases.reinstate_member(uow, waiting.id)
    assert uow.stored(waiting.id).status == "applicant"


def test_a_member_gives_notice_with_a_leave_date(uow):
    member = founded_coop(uow, 1)[0]
    left = use_cases.give_notice(uow, member.id, TODAY + days(30))
    assert (left.status, left.left_on) == ("left", TODAY + days(30))
    event = uow.published[-2]
    assert (event.type, event.previous_status) == ("member_left", "active")
    with pytest.raises(IllegalTransition):
        use_cases.give_notice(uow, member.id, TODAY + days(40))
    with pytest.raises(IllegalTransition):
        use_cases.activate_member(uow, member.id)


def test_a_suspended_member_can_leave_and_an_applicant_can_withdraw(uow):
    member = founded_coop(uow, 1)[0]
    use_cases.suspend_member(uow, member.id, "Pause.")
    assert use_cases.give_notice(uow, member.id, TODAY).suspension_reason is None
    waiting = applicant(uow, 2)
    assert use_cases.give_notice(uow, waiting.id, TODAY).status == "left"


def test_nobody_leaves_before_joining(uow):
    member = active_member(uow, 1)
    with pytest.raises(LeaveDateBeforeJoining) as raised:
        use_cases.give_notice(uow, member.id, TODAY - days(1))
    assert raised.value.errors[0]["field"] == "leave_on"


def test_an_active_member_leaves_before_being_erased(uow):
    member = founded_coop(uow, 1)[0]
    with pytest.raises(EraseOnlyAfterLeaving) as raised:
        use_cases.erase_member(uow, member.id)
    assert raised.value.rule == "EraseOnlyAfterLeaving"
    assert "Give notice first." in raised.value.detail
    assert isinstance(raised.value, IllegalTransition)


def test_every_change_raises_the_version(uow):
    member = founded_coop(uow, 1)[0]
    versions = [member.version]
    versions.append(use_cases.suspend_member(uow, member.id, "x").version)
    versions.append(use_cases.reinstate_member(uow, member.id).version)
    versions.append(use_cases.give_notice(uow, member.id, TODAY).version)
    versions.append(use_cases.erase_member(uow, member.id).version)
    assert versions == sorted(set(versions))

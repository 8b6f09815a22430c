"""What learning keeps from other services' events: newer snapshots only, each event once."""

from services.learning.domain import use_cases
from services.learning.domain.member_view import MemberView, SkillLevels
from tests.unit.learning.builders import event, new_id
from tests.unit.learning.fakes import FakeUnitOfWork


def snapshot(member_id, version, status="active", python=None):
    skills = {"python": SkillLevels(python, None)} if python else {}
    return MemberView(member_id, version, "Ada", status, skills)


def test_a_member_snapshot_replaces_only_an_older_one():
    uow, member_id = FakeUnitOfWork(), new_id()
    assert use_cases.record_member_snapshot(uow, event(), snapshot(member_id, 2, python=3))
    assert not use_cases.record_member_snapshot(uow, event(), snapshot(member_id, 1, "left"))
    assert use_cases.record_member_snapshot(uow, event(), snapshot(member_id, 3, python=4))
    stored = uow.stored("members")[member_id]
    assert (stored.version, stored.status, stored.level_in("python")) == (3, "active", 4)


def test_an_event_seen_before_changes_nothing():
    uow, member_id = FakeUnitOfWork(), new_id()
    same = event()
    assert use_cases.record_member_snapshot(uow, same, snapshot(member_id, 1))
    assert not use_cases.record_member_snapshot(uow, same, snapshot(member_id, 5))
    assert uow.stored("members")[member_id].version == 1

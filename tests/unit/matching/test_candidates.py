import uuid
from datetime import date
from decimal import Decimal

import pytest

from services.matching.domain import use_cases
from services.matching.domain.candidate import (
    Candidate,
    CandidateSkill,
    MemberCapacity,
    UnavailablePeriod,
    skill_levels,
)
from services.matching.domain.errors import CandidateNotFound
from services.matching.domain.proposals.candidates import SkillLevel
from services.matching.domain.proposals.iso_week import IsoWeek
from tests.unit.matching.fakes import FakeUnitOfWork

MEMBER = "4dcd248c-606c-499c-b70f-979a8f067ef3"
PERIOD = "b7f0b0d6-52c4-4d61-8c58-0d3a1f3f6f4e"
W48 = IsoWeek(2026, 48)  # Monday 23 – Sunday 29 November 2026
MONDAY, TUESDAY = date(2026, 11, 23), date(2026, 11, 24)


def snapshot(version: int, name: str = "Anouk",
             skills: tuple[CandidateSkill, ...] = ()) -> Candidate:
    return Candidate(MEMBER, version, name, "Utrecht", "", Decimal("85.00"), "applicant",
                     skills=skills)


def capacity(version: int, default: str = "40.00") -> MemberCapacity:
    return MemberCapacity(MEMBER, version, Decimal(default))


def period(version: int, starts_on: date = MONDAY, ends_on: date = TUESDAY):
    return UnavailablePeriod(MEMBER, PERIOD, version, starts_on, ends_on)


def an_event() -> dict:
    return {"id": str(uuid.uuid4())}


def week_hours(uow) -> str:
    return str(use_cases.candidate_availability(uow, MEMBER, W48, W48)[W48])


def test_a_new_member_becomes_a_candidate():
    uow = FakeUnitOfWork()
    assert use_cases.record_member_snapshot(uow, an_event(), snapshot(1)) is True
    assert use_cases.get_candidate(uow, MEMBER).name == "Anouk"


def test_a_redelivered_event_changes_nothing():
    uow = FakeUnitOfWork()
    event = an_event()
    use_cases.record_member_snapshot(uow, event, snapshot(1))
    uow.candidates.put(snapshot(1, name="changed behind its back"))
    assert use_cases.record_member_snapshot(uow, event, snapshot(1)) is False
    assert use_cases.get_candidate(uow, MEMBER).name == "changed behind its back"


def test_an_older_snapshot_arriving_late_does_not_overwrite_a_newer_one():
    uow = FakeUnitOfWork()
    use_cases.record_member_snapshot(uow, an_event(), snapshot(3, name="Anouk de Vries"))
    assert use_cases.record_member_snapshot(uow, an_event(), snapshot(2, name="Anouk")) is False
    assert use_cases.get_candidate(uow, MEMBER).version == 3
    assert len(uow.handled) == 2


def test_a_snapshot_of_the_same_version_changes_nothing():
    # members publishes `member_updated` next to e.g. `member_activated`, same version
    uow = FakeUnitOfWork()
    use_cases.record_member_snapshot(uow, an_event(), snapshot(2))
    assert use_cases.record_member_snapshot(uow, an_event(), snapshot(2, name="x")) is False


def test_an_unknown_candidate_is_not_found():
    with pytest.raises(CandidateNotFound):
        use_cases.get_candidate(FakeUnitOfWork(), MEMBER)


def test_skill_levels_are_what_the_solver_reads():
    candidate = snapshot(1, skills=(
        CandidateSkill("python", level=3, verified_level=4),
        CandidateSkill("ux-design", level=None, verified_level=2),
        CandidateSkill("rust", level=2, wants_to_grow=True, years_experience=1),
    ))
    assert skill_levels(candidate) == {
        "python": SkillLevel(3, 4, False),
        "ux-design": SkillLevel(None, 2, False),
        "rust": SkillLevel(2, None, True),
    }


def test_a_member_without_capacity_event_has_no_hours():
    uow = FakeUnitOfWork()
    use_cases.record_member_snapshot(uow, an_event(), snapshot(1))
    assert week_hours(uow) == "0.00"


def test_capacity_is_kept_and_an_older_capacity_arriving_late_is_ignored():
    uow = FakeUnitOfWork()
    use_cases.record_member_snapshot(uow, an_event(), snapshot(1))
    assert use_cases.record_capacity(uow, an_event(), capacity(5, "32.00")) is True
    assert use_cases.record_capacity(uow, an_event(), capacity(4, "16.00")) is False
    assert week_hours(uow) == "32.00"


def test_capacity_may_arrive_before_the_members_first_snapshot():
    uow = FakeUnitOfWork()
    use_cases.record_capacity(uow, an_event(), capacity(2, "24.00"))
    use_cases.record_member_snapshot(uow, an_event(), snapshot(1))
    assert week_hours(uow) == "24.00"


def test_a_redelivered_capacity_event_is_applied_once():
    uow = FakeUnitOfWork()
    event = an_event()
    assert use_cases.record_capacity(uow, event, capacity(2)) is True
    assert use_cases.record_capacity(uow, event, capacity(2)) is False
    assert uow.commits == 1


def test_an_unavailable_period_reduces_hours_and_a_later_version_replaces_it():
    uow = FakeUnitOfWork()
    use_cases.record_member_snapshot(uow, an_event(), snapshot(1))
    use_cases.record_capacity(uow, an_event(), capacity(2))
    assert use_cases.record_unavailability(uow, an_event(), period(3)) is True
    assert week_hours(uow) == "24.00"
    assert use_cases.record_unavailability(uow, an_event(), period(4, MONDAY, MONDAY))
    assert week_hours(uow) == "32.00"


def test_available_again_removes_the_period():
    uow = FakeUnitOfWork()
    use_cases.record_member_snapshot(uow, an_event(), snapshot(1))
    use_cases.record_capacity(uow, an_event(), capacity(2))
    use_cases.record_unavailability(uow, an_event(), period(3))
    assert use_cases.record_availability_again(uow, an_event(), period(4)) is True
    assert week_hours(uow) == "40.00"
    assert uow.candidates.period(PERIOD).removed


def test_a_late_unavailable_does_not_resurrect_a_removed_period():
    uow = FakeUnitOfWork()
    use_cases.record_member_snapshot(uow, an_event(), snapshot(1))
    use_cases.record_capacity(uow, an_event(), capacity(2))
    assert use_cases.record_availability_again(uow, an_event(), period(4)) is True
    assert use_cases.record_unavailability(uow, an_event(), period(3)) is False
    assert week_hours(uow) == "40.00"


def test_a_redelivered_unavailable_event_is_applied_once():
    uow = FakeUnitOfWork()
    event = an_event()
    assert use_cases.record_unavailability(uow, event, period(3)) is True
    uow.candidates.put_period(period(3, MONDAY, MONDAY))
    assert use_cases.record_unavailability(uow, event, period(3)) is False
    assert uow.candidates.period(PERIOD).ends_on == MONDAY


def test_days_after_leaving_are_unavailable():
    uow = FakeUnitOfWork()
    left = Candidate(MEMBER, 3, "Anouk", None, "", None, "left", left_on=TUESDAY)
    use_cases.record_member_snapshot(uow, an_event(), left)
    use_cases.record_capacity(uow, an_event(), capacity(2))
    assert week_hours(uow) == "16.00"


def test_availability_of_an_unknown_candidate_is_not_found():
    with pytest.raises(CandidateNotFound):
        use_cases.candidate_availability(FakeUnitOfWork(), MEMBER, W48, W48)


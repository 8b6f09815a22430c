import uuid
from decimal import Decimal

import pytest

from services.matching.domain import use_cases
from services.matching.domain.candidate import Candidate
from services.matching.domain.errors import CandidateNotFound
from tests.unit.matching.fakes import FakeUnitOfWork

MEMBER = "4dcd248c-606c-499c-b70f-979a8f067ef3"


def snapshot(version: int, name: str = "Anouk") -> Candidate:
    return Candidate(MEMBER, version, name, "Utrecht", "", Decimal("85.00"), "applicant")


def an_event() -> dict:
    return {"id": str(uuid.uuid4())}


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


def test_an_unknown_candidate_is_not_found():
    with pytest.raises(CandidateNotFound):
        use_cases.get_candidate(FakeUnitOfWork(), MEMBER)

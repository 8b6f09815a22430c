"""Forgetting accepted events: never inside the replay window, and a replay of a forgotten
event is still refused (by its signed timestamp)."""

from datetime import timedelta

from services.federation.domain import use_cases
from services.federation.domain.keys import KeyPair
from services.federation.domain.retention import forget_received_before
from services.federation.domain.rules import Rejection
from services.federation.schemas.federated import check_data
from tests.unit.federation.builders import NOW, delivery, event, partner
from tests.unit.federation.fakes import FakeUnitOfWork

KEY = KeyPair.generate()


def _uow_with_partner():
    uow = FakeUnitOfWork()
    with uow:
        uow.partners.add(partner(KEY))
        uow.commit()
    return uow


def test_the_configured_retention_sets_the_moment_before_which_events_are_forgotten():
    assert forget_received_before(NOW, timedelta(days=7)) == NOW - timedelta(days=7)


def test_a_retention_shorter_than_the_replay_window_is_stretched_to_the_window():
    cutoff = forget_received_before(NOW, timedelta(seconds=1))
    assert cutoff == NOW - timedelta(minutes=5, seconds=30)


def test_only_events_older_than_the_retention_are_forgotten():
    uow = _uow_with_partner()
    old, recent = event(), event()
    for sent, at in ((old, NOW - timedelta(days=8)), (recent, NOW - timedelta(days=6))):
        use_cases.receive(uow, delivery(KEY, sent, at=at), check_data, at)
    forgotten = use_cases.forget_old_received_events(uow, NOW, timedelta(days=7))
    assert forgotten == 1
    assert [key[1] for key in uow.committed["received"]] == [recent.id]


def test_a_replay_of_a_forgotten_event_is_still_refused_by_its_old_signature():
    uow = _uow_with_partner()
    message = delivery(KEY)
    use_cases.receive(uow, message, check_data, NOW)
    later = NOW + timedelta(days=8)
    assert use_cases.forget_old_received_events(uow, later, timedelta(days=7)) == 1
    try:
        use_cases.receive(uow, message, check_data, later)
    except Rejection as rejection:
        assert rejection.rule == "TimestampTooOld"
    else:
        raise AssertionError("a forgotten event was accepted again")
    assert uow.committed["received"] == {}

"""Receiving and sending through the use cases: what is applied, and what is not."""

import json
from datetime import timedelta

import pytest

from infra.errors import Forbidden, Invalid, NotFound
from services.federation.domain import use_cases
from services.federation.domain.keys import KeyPair
from services.federation.domain.rules import Rejection
from services.federation.schemas.federated import check_data
from tests.unit.federation.builders import (
    COOP_A,
    COOP_B,
    NOW,
    SEAT_OFFERED,
    SKILL_SUPPLY,
    delivery,
    event,
    partner,
    seat_offer,
)
from tests.unit.federation.fakes import FakeUnitOfWork

KEY_A = KeyPair.generate()


@pytest.fixture
def uow():
    uow = FakeUnitOfWork()
    with uow:
        uow.partners.add(partner(KEY_A))
        uow.commit()
    return uow


def receive(uow, message, now=NOW):
    return use_cases.receive(uow, message, check_data, now)


def rejection(uow, message, now=NOW) -> str:
    with pytest.raises(Rejection) as raised:
        receive(uow, message, now)
    return raised.value.rule


def test_an_accepted_event_is_recorded_and_republished_once(uow):
    sent = event()
    received = receive(uow, delivery(KEY_A, sent))
    assert received.type == "partner_seat_offered"
    assert (COOP_A, sent.id) in uow.committed["received"]
    assert uow.published == [received]


def test_the_same_event_again_is_a_replay_and_changes_nothing(uow):
    message = delivery(KEY_A)
    receive(uow, message)
    assert rejection(uow, message, NOW + timedelta(seconds=10)) == "EventReplayed"
    assert len(uow.committed["received"]) == 1 and len(uow.published) == 1


def test_data_that_does_not_match_its_schema_is_refused(uow):
    message = delivery(KEY_A, event(data=seat_offer(min_level=9, client_name="Acme")))
    assert rejection(uow, message) == "DataDoesNotMatchSchema"
    assert uow.committed["received"] == {} and uow.published == []


@pytest.mark.parametrize(("message", "rule"), [
    (lambda: delivery(KeyPair.generate()), "UnknownSigningKey"),
    (lambda: delivery(KEY_A, at=NOW - timedelta(minutes=6)), "TimestampTooOld"),
    (lambda: delivery(KEY_A, event(source=COOP_B)), "UnknownPartner"),
    (lambda: delivery(KEY_A, event(event_type=SKILL_SUPPLY)), "EventTypeNotAllowed"),
])
def test_a_rejected_message_leaves_nothing_behind(uow, message, rule):
    assert rejection(uow, message()) == rule
    assert uow.committed["received"] == {} and uow.published == []


def test_an_event_for_a_partner_is_queued_as_a_cloudevent_with_plain_json_data(uow):
    queued = use_cases.send(uow, "p-1", SEAT_OFFERED, "offer-1",
                            seat_offer(hours_per_week=24), COOP_B, check_data)
    assert uow.committed["outbound"] == [queued]
    document = json.loads(queued.body)
    assert (document["source"], document["type"], document["id"]) == (
        COOP_B, SEAT_OFFERED, queued.id)
    assert document["data"]["hours_per_week"] == "24"
    assert document["data"]["languages"] == []


def test_only_shared_types_go_to_a_partner(uow):
    with pytest.raises(Forbidden) as raised:
        use_cases.send(uow, "p-1", SKILL_SUPPLY, "2026-11",
                       {"as_of": "2026-11-01", "skills": []}, COOP_B, check_data)
    assert raised.value.rule == "EventTypeNotShared"
    assert uow.committed["outbound"] == []


def test_data_for_a_partner_is_checked_against_its_schema(uow):
    with pytest.raises(Invalid) as raised:
        use_cases.send(uow, "p-1", SEAT_OFFERED, "offer-1", seat_offer(skill="Not a slug"),
                       COOP_B, check_data)
    assert raised.value.errors[0]["field"] == "data.skill"


def test_an_unknown_partner_or_type_is_refused(uow):
    with pytest.raises(NotFound):
        use_cases.send(uow, "nobody", SEAT_OFFERED, "s", seat_offer(), COOP_B, check_data)
    with pytest.raises(Invalid) as raised:
        use_cases.send(uow, "p-1", "coop.x.v1", "s", {}, COOP_B, check_data)
    assert raised.value.rule == "UnknownEventType"

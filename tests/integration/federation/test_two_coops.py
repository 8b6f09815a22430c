"""Two coops exchange signed events on a real broker (two vhosts) and real databases."""

import time
import uuid
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import create_engine, update

from services.federation.domain import cloud_event, signing
from services.federation.domain.cloud_event import FederatedEvent
from services.federation.domain.keys import KeyPair
from services.federation.models import outbound_events
from tests.support.broker import rabbitmqctl
from tests.support.waiting import eventually

SEAT_OFFERED = "coop.multitalent.seat_offered.v1"
SKILL_SUPPLY = "coop.multitalent.skill_supply_shared.v1"


def seat_offer(**changes) -> dict:
    return {"offer_id": str(uuid.uuid4()), "skill": "python", "min_level": 4,
            "hours_per_week": "24", "first_week": "2027-W02", "last_week": "2027-W10",
            "rate_min": "70.00", "rate_max": "95.00", "currency": "EUR", **changes}


def republished(tap, count: int = 1, settle: float = 0.5) -> list[str]:
    """The types of the events B re-published, once `count` arrived (and a moment more,
    to see that no other follows)."""
    seen = []

    def enough():
        seen.extend(tap.drain())
        return len(seen) >= count

    eventually(enough, timeout=10)
    time.sleep(settle)
    return [event["type"] for event in seen + tap.drain()]


def register_each_other(a, b, **b_address) -> tuple[str, str]:
    """A registers B (to send it seat offers) and B registers A; (B's id at A, A's id at B)."""
    with b.rpc() as federation_b:
        a_at_b = federation_b.add_partner(a.identity_as_partner([SEAT_OFFERED], []))
    with a.rpc() as federation_a:
        b_at_a = federation_a.add_partner(b.identity_as_partner([], [SEAT_OFFERED],
                                                                **b_address))
    return b_at_a["id"], a_at_b["id"]


def signed_by(key: KeyPair, source: str, event_type: str = SEAT_OFFERED, data=None,
              at: datetime | None = None) -> tuple[bytes, dict]:
    event = FederatedEvent(str(uuid.uuid4()), source, event_type, datetime.now(UTC),
                           "offer-1", data if data is not None else seat_offer())
    body = cloud_event.write(event)
    at = at or datetime.now(UTC)
    return body, signing.sign(event.id, int(at.timestamp()), body, key)


def test_each_registers_the_other_and_a_signed_event_arrives_and_is_republished(coops, tap_b):
    a, b = coops
    b_at_a, a_at_b = register_each_other(a, b)
    offer = seat_offer()
    with a.rpc() as federation_a:
        queued = federation_a.send(b_at_a, SEAT_OFFERED, offer["offer_id"], offer)
    [republished] = eventually(lambda: tap_b.drain(), timeout=10)
    assert republished["type"] == "partner_seat_offered"
    assert republished["source"] == "federation"
    assert republished["subject"] == offer["offer_id"]
    data = republished["data"]
    assert (data["partner_id"], data["partner_coop"], data["federated_id"]) == (
        a_at_b, a.coop_uri, queued["id"])
    assert data["data"]["skill"] == "python" and data["data"]["hours_per_week"] == "24"
    assert b.received(queued["id"]) == 1
    eventually(lambda: not a.unsent(queued["id"]), timeout=5)
    assert b.dead_letters() == []


def test_an_event_we_do_not_share_with_the_partner_is_refused_before_it_leaves(coops):
    a, b = coops
    b_at_a, _ = register_each_other(a, b)
    with a.rpc() as federation_a, pytest.raises(Exception) as raised:
        federation_a.send(b_at_a, SKILL_SUPPLY, "2026-11", {"as_of": "2026-11-01",
                                                            "skills": []})
    assert "EventTypeNotShared" in str(raised.value) or "Forbidden" in type(raised.value).__name__


def test_forged_replayed_stale_unknown_and_unallowed_messages_are_dead_lettered(coops, tap_b):
    a, b = coops
    register_each_other(a, b)
    good_body, good_headers = signed_by(a.key, a.coop_uri)
    forger = KeyPair.generate()
    forged_body, forged_headers = signed_by(forger, a.coop_uri)
    forged_headers[signing.KEY_ID_HEADER] = a.key.key_id       # claims to be A's key
    stale = signed_by(a.key, a.coop_uri, at=datetime.now(UTC) - timedelta(minutes=10))
    stranger = signed_by(forger, f"https://stranger-{uuid.uuid4().hex[:6]}.example/")
    unallowed = signed_by(a.key, a.coop_uri, SKILL_SUPPLY, {"as_of": "2026-11-01",
                                                             "skills": []})
    bad_data = signed_by(a.key, a.coop_uri, data=seat_offer(client="Acme BV"))
    tampered_body = good_body.replace(b'"min_level": 4', b'"min_level": 1')

    b.publish_inbound(good_body, good_headers)
    eventually(lambda: b.received() == 1, timeout=10)
    b.publish_inbound(good_body, good_headers)                  # a replay
    b.publish_inbound(forged_body, forged_headers)
    b.publish_inbound(*stale)
    b.publish_inbound(*stranger)
    b.publish_inbound(*unallowed)
    b.publish_inbound(*bad_data)
    b.publish_inbound(tampered_body, good_headers)

    letters = b.wait_for_dead_letters(7)
    assert [letter["rule"] for letter in letters] == [
        "EventReplayed", "SignatureMismatch", "TimestampTooOld", "UnknownPartner",
        "EventTypeNotAllowed", "DataDoesNotMatchSchema", "SignatureMismatch"]
    assert letters[0]["body"] == good_body and letters[0]["headers"]["webhook-id"]
    assert all(letter["headers"]["x-federation-rejection-detail"] for letter in letters)
    assert b.received() == 1                                    # only the good one
    assert republished(tap_b) == ["partner_seat_offered"]


@pytest.fixture
def partner_user(coops):
    """A RabbitMQ user of its own for coop A on B's broker, as README "Federation" says;
    it starts with no permission to write anything."""
    _, b = coops
    vhost = b.amqp_uri.rsplit("/", 1)[1]
    user, password = f"coop-a-{uuid.uuid4().hex[:8]}", uuid.uuid4().hex
    rabbitmqctl("add_user", user, password)
    rabbitmqctl("set_permissions", "-p", vhost, user, "^$", "^$", "^$")

    def allow_publishing():
        rabbitmqctl("set_permissions", "-p", vhost, user, "^$", "^federation\\.inbound$", "^$")

    yield user, password, allow_publishing
    rabbitmqctl("delete_user", user)


def test_killed_between_commit_and_publish_the_restarted_service_delivers_once(
        coops, tap_b, partner_user):
    a, b = coops
    user, password, allow_publishing = partner_user
    b_at_a, _ = register_each_other(a, b, user=user, password=password)
    offer = seat_offer()
    with a.rpc() as federation_a:
        queued = federation_a.send(b_at_a, SEAT_OFFERED, offer["offer_id"], offer)
    # committed, but B's broker refuses A's publish: the relay holds the row back
    eventually(lambda: a.count(outbound_events, outbound_events.c.attempts > 0) >= 1,
               timeout=10)
    a.kill()
    assert a.unsent(queued["id"]) and b.received() == 0

    allow_publishing()
    a.start()
    eventually(lambda: b.received(queued["id"]) == 1, timeout=30)
    eventually(lambda: not a.unsent(queued["id"]), timeout=5)
    assert republished(tap_b) == ["partner_seat_offered"]
    assert b.dead_letters() == []


def test_a_message_sent_again_after_a_lost_confirmation_takes_effect_once(coops, tap_b):
    a, b = coops
    b_at_a, _ = register_each_other(a, b)
    offer = seat_offer()
    with a.rpc() as federation_a:
        queued = federation_a.send(b_at_a, SEAT_OFFERED, offer["offer_id"], offer)
    eventually(lambda: b.received(queued["id"]) == 1 and not a.unsent(queued["id"]),
               timeout=10)
    # as if A crashed after B's broker confirmed, before A marked the row sent
    engine = create_engine(a.database_url)
    with engine.begin() as connection:
        connection.execute(update(outbound_events)
                           .where(outbound_events.c.event_id == queued["id"])
                           .values(sent_at=None))
    engine.dispose()
    [letter] = b.wait_for_dead_letters(1, timeout=10)
    assert letter["rule"] == "EventReplayed"
    assert letter["headers"]["webhook-id"] == queued["id"]
    assert b.received(queued["id"]) == 1
    assert republished(tap_b) == ["partner_seat_offered"]


def test_an_unreachable_partner_holds_back_only_its_own_events(coops, tap_b):
    a, b = coops
    b_at_a, _ = register_each_other(a, b)
    nowhere = {"coop_uri": f"https://gone-{uuid.uuid4().hex[:6]}.example/", "name": "Gone",
               "public_keys": [KeyPair.generate().public.base64],
               "address": {"uri": "amqp://guest:guest@127.0.0.1:1/", "exchange": "x"},
               "accepted_types": [], "shared_types": [SEAT_OFFERED]}
    with a.rpc() as federation_a:
        gone = federation_a.add_partner(nowhere)
        stuck = federation_a.send(gone["id"], SEAT_OFFERED, "s", seat_offer())
        delivered = federation_a.send(b_at_a, SEAT_OFFERED, "s", seat_offer())
    eventually(lambda: b.received(delivered["id"]) == 1, timeout=15)
    eventually(lambda: a.count(outbound_events, outbound_events.c.event_id == stuck["id"],
                               outbound_events.c.last_error.is_not(None)) == 1, timeout=15)
    eventually(lambda: not a.unsent(delivered["id"]), timeout=5)  # marked after confirm
    assert a.unsent(stuck["id"])

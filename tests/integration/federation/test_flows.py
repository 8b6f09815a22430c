"""The flows' translation on two real coops: our local events become federated events
for the right partners with exactly the federated fields, once; partners' skill supply
is kept and readable."""

import time
import uuid
from datetime import UTC, datetime, timedelta

import pytest
from nameko.standalone.events import event_dispatcher
from sqlalchemy.orm import sessionmaker

from infra.db import make_engine
from infra.events import envelope
from services.federation.domain.use_cases.flows import skill_supply_due
from services.federation.unit_of_work import FederationUnitOfWork
from tests.support.broker import EventTap
from tests.support.waiting import eventually

P = "coop.multitalent."


def register(a, b, a_shares, b_shares) -> tuple[str, str]:
    """(B's id at A, A's id at B), each accepting what the other shares."""
    with b.rpc() as federation_b:
        a_at_b = federation_b.add_partner(a.identity_as_partner(a_shares, b_shares))["id"]
    with a.rpc() as federation_a:
        b_at_a = federation_a.add_partner(b.identity_as_partner(b_shares, a_shares))["id"]
    return b_at_a, a_at_b


def drained(tap, count: int, settle: float = 0.7) -> list[dict]:
    """The flows' events the tap saw (not the registry's), once `count` arrived."""
    seen = []

    def flows_only():
        return [e for e in tap.drain() if not e["type"].startswith("partner_registered")
                and e["type"] != "partner_updated"]

    def enough():
        seen.extend(flows_only())
        return len(seen) >= count

    eventually(enough, timeout=10)
    time.sleep(settle)
    return seen + flows_only()


def seat_offer_opened() -> dict:
    offer_id = str(uuid.uuid4())
    return envelope("matching", "seat_offer_opened", offer_id, {
        "offer_id": offer_id, "project_id": str(uuid.uuid4()), "seat_id": "p:0",
        "role_id": str(uuid.uuid4()), "skill": "python", "min_level": 4,
        "hours_per_week": "24.00", "first_week": "2027-W02", "last_week": "2027-W10",
        "rate_min": "67.50", "rate_max": "90.00", "currency": "EUR", "languages": ["nl"],
        "description": "python at level 4 or above."})


def test_a_seat_offer_goes_once_to_partners_sharing_it_with_only_federated_fields(coops, tap_b):
    a, b = coops
    b_at_a, a_at_b = register(a, b, [f"{P}seat_offered.v1"], [])
    tap_a = EventTap(a.amqp_uri, "federation", "seat_offer_sent")
    try:
        opened = seat_offer_opened()
        dispatch = event_dispatcher(a.config)
        dispatch("matching", "seat_offer_opened", opened)
        dispatch("matching", "seat_offer_opened", opened)  # delivered twice
        [arrived] = drained(tap_b, 1)
        assert arrived["type"] == "partner_seat_offered"
        assert arrived["data"]["partner_id"] == a_at_b
        data = arrived["data"]["data"]
        assert data["offer_id"] == opened["data"]["offer_id"] and data["rate_max"] == "90.00"
        assert not {"project_id", "seat_id", "role_id"} & set(data)
        [sent] = drained(tap_a, 1)
        assert sent["data"]["partner_id"] == b_at_a and sent["data"]["offer_id"] == data[
            "offer_id"]
        assert {"partner_id": b_at_a, "partner_name": sent["data"]["partner_name"]} in sent[
            "data"]["recipients"]  # every recipient, in each seat_offer_sent
    finally:
        tap_a.close()


def test_a_candidate_and_an_acceptance_go_to_the_partner_they_name(coops, tap_b):
    a, b = coops
    b_at_a, _ = register(a, b, [f"{P}candidate_offered.v1", f"{P}candidate_accepted.v1"], [])
    offer_id, candidate_id = str(uuid.uuid4()), str(uuid.uuid4())
    dispatch = event_dispatcher(a.config)
    dispatch("matching", "candidate_offer_made", envelope(
        "matching", "candidate_offer_made", offer_id, {
            "partner_id": b_at_a, "offer_id": offer_id, "candidate_id": candidate_id,
            "skills": [{"skill": "python", "level": 5, "verified_level": 4}],
            "available_hours_per_week": "24.00", "introduction": "Backend developer.",
            "languages": ["nl"], "hourly_rate": "85.00", "currency": "EUR"}))
    dispatch("matching", "external_member_placed", envelope(
        "matching", "external_member_placed", offer_id, {
            "placement_id": str(uuid.uuid4()), "offer_id": offer_id, "partner_id": b_at_a,
            "partner_name": "Coop B", "candidate_id": candidate_id,
            "project_id": str(uuid.uuid4()), "client_id": str(uuid.uuid4()), "seat_id": "p:0",
            "role_id": str(uuid.uuid4()), "skill": "python", "hours_per_week": "24.00",
            "starts_on": "2027-01-04", "ends_on": "2027-03-26", "client_hourly_rate": "90.00",
            "partner_hourly_rate": "85.00", "currency": "EUR", "description": "Permits"}))
    arrived = {e["type"]: e["data"]["data"] for e in drained(tap_b, 2)}
    assert set(arrived) == {"partner_candidate_offered", "partner_candidate_accepted"}
    assert arrived["partner_candidate_offered"]["candidate_id"] == candidate_id
    accepted = arrived["partner_candidate_accepted"]
    assert accepted["hourly_rate"] == "85.00"  # the partner's rate, not the client's
    assert not {"client_id", "project_id", "client_hourly_rate", "partner_id"} & set(accepted)


def test_closes_withdrawals_and_ended_lendings_go_to_the_partners_they_name(
        coops, tap_b):
    a, b = coops
    b_at_a, _ = register(a, b, [f"{P}seat_offer_closed.v1", f"{P}candidate_withdrawn.v1",
                                f"{P}lending_ended.v1"], [])
    offer_id, candidate_id = str(uuid.uuid4()), str(uuid.uuid4())
    gone = str(uuid.uuid4())  # a partner no longer registered: skipped, B still hears
    dispatch = event_dispatcher(a.config)
    closed = envelope("matching", "seat_offer_closed", offer_id, {
        "offer_id": offer_id, "project_id": str(uuid.uuid4()), "seat_id": "p:0",
        "reason": "withdrawn", "partner_ids": [gone, b_at_a]})
    dispatch("matching", "seat_offer_closed", closed)
    dispatch("matching", "seat_offer_closed", closed)  # delivered twice
    dispatch("matching", "candidate_offer_withdrawn", envelope(
        "matching", "candidate_offer_withdrawn", offer_id, {
            "partner_id": b_at_a, "offer_id": offer_id, "candidate_id": candidate_id,
            "incoming_offer_id": str(uuid.uuid4())}))
    placement_id, member_id = str(uuid.uuid4()), str(uuid.uuid4())
    dispatch("matching", "lending_ended", envelope("matching", "lending_ended", placement_id, {
        "placement_id": placement_id, "partner_id": b_at_a, "offer_id": offer_id,
        "candidate_id": candidate_id, "member_id": member_id, "starts_on": "2027-01-11",
        "ends_on": "2027-01-29"}))
    arrived = drained(tap_b, 3)
    assert sorted(e["type"] for e in arrived) == [
        "partner_candidate_withdrawn", "partner_lending_ended", "partner_seat_offer_closed"]
    data = {e["type"]: e["data"]["data"] for e in arrived}
    assert data["partner_seat_offer_closed"] == {"offer_id": offer_id, "reason": "withdrawn"}
    assert data["partner_candidate_withdrawn"] == {"offer_id": offer_id,
                                                   "candidate_id": candidate_id}
    assert data["partner_lending_ended"] == {"placement_id": placement_id,
                                             "candidate_id": candidate_id,
                                             "last_day": "2027-01-29"}  # no member id


def test_an_interrupted_lending_goes_to_its_partner_with_the_days_only(coops, tap_b):
    a, b = coops
    b_at_a, _ = register(a, b, [f"{P}lending_interrupted.v1"], [])
    placement_id, candidate_id = str(uuid.uuid4()), str(uuid.uuid4())
    interruption_id = str(uuid.uuid4())
    interrupted = envelope("matching", "lending_interrupted", placement_id, {
        "partner_id": b_at_a, "placement_id": placement_id, "candidate_id": candidate_id,
        "interruption_id": interruption_id, "first_day": "2027-01-20",
        "last_day": "2027-02-05"})
    dispatch = event_dispatcher(a.config)
    dispatch("matching", "lending_interrupted", interrupted)
    dispatch("matching", "lending_interrupted", interrupted)  # delivered twice
    taken_back = envelope("matching", "lending_interrupted", placement_id, {
        "partner_id": b_at_a, "placement_id": placement_id, "candidate_id": candidate_id,
        "interruption_id": interruption_id, "first_day": "2027-01-20",
        "last_day": "2027-01-19"})
    dispatch("matching", "lending_interrupted", taken_back)
    arrived = drained(tap_b, 2)
    assert [e["type"] for e in arrived] == ["partner_lending_interrupted"] * 2  # once each
    assert sorted((e["data"]["data"] for e in arrived), key=lambda d: d["last_day"]) == [
        {"placement_id": placement_id, "candidate_id": candidate_id,
         "interruption_id": interruption_id, "first_day": "2027-01-20",
         "last_day": last_day} for last_day in ("2027-01-19", "2027-02-05")]  # no partner id
    assert {e["subject"] for e in arrived} == {placement_id}
    with a.rpc() as federation_a, pytest.raises(Exception) as refused:
        federation_a.send(b_at_a, f"{P}lending_interrupted.v1", placement_id, {
            "placement_id": placement_id, "candidate_id": candidate_id,
            "interruption_id": interruption_id, "first_day": "2027-01-20",
            "last_day": "2027-01-18"})  # more than taken back: not an interruption
    assert "EventDataInvalid" in repr(refused.value) and "data.last_day" in str(refused.value)


def test_a_partners_skill_supply_is_kept_and_read_per_skill(coops, tap_b):
    a, b = coops
    b_at_a, a_at_b = register(a, b, [f"{P}skill_supply_shared.v1"], [])
    supply = {"as_of": "2026-11-30", "skills": [
        {"skill": "python", "members": 12, "verified_members": 7},
        {"skill": "service-design", "members": 4, "verified_members": 2}]}
    with a.rpc() as federation_a:
        federation_a.send(b_at_a, f"{P}skill_supply_shared.v1", "2026-11-30", supply)

    def kept():
        with b.rpc() as federation_b:
            return federation_b.skill_supply({"skill": "python"})["items"]

    [found] = eventually(kept, timeout=10)
    assert (found["partner_id"], found["as_of"]) == (a_at_b, "2026-11-30")
    assert found["skills"] == [{"skill": "python", "members": 12, "verified_members": 7}]


def test_our_skill_supply_is_due_again_only_on_the_next_day(coops):
    a, b = coops
    b_at_a, _ = register(a, b, [f"{P}skill_supply_shared.v1"], [])
    engine = make_engine(a.database_url)
    uow = FederationUnitOfWork(sessionmaker(engine, expire_on_commit=False))
    try:
        today = str(datetime.now(UTC).date())
        with a.rpc() as federation_a:
            federation_a.send(b_at_a, f"{P}skill_supply_shared.v1", today,
                              {"as_of": today, "skills": []})
        with uow:
            sent_at = uow.outbound.last_queued_at(f"{P}skill_supply_shared.v1")
        assert datetime.now(UTC) - sent_at < timedelta(seconds=30)
        assert skill_supply_due(uow, sent_at) is False
        assert skill_supply_due(uow, sent_at.replace(hour=23, minute=59, second=59)) is False
        assert skill_supply_due(uow, sent_at + timedelta(days=1)) is True
    finally:
        engine.dispose()

"""The federation flows in a real matching service: partners' events as federation
re-publishes them, operators' RPC, and the events matching publishes for federation."""

import dataclasses
import time
import uuid
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
from kombu import Connection, Queue
from nameko.standalone.events import event_dispatcher
from sqlalchemy.orm import sessionmaker

from infra.db import make_engine
from infra.errors import Invalid
from infra.events import envelope
from services.matching.domain.federation_errors import MemberAlreadyOffered, SeatAlreadyOffered
from services.matching.domain.lending import IncomingOffer, OfferedCandidate
from services.matching.domain.proposals import IsoWeek
from services.matching.unit_of_work import MatchingUnitOfWork
from tests.support.waiting import eventually

ROLE = {"minimum_level": 4, "hours_per_week": "24"}


def parked(nameko_config, handler: str, event_id: str) -> str | None:
    """The error header of the event `event_id` parked by matching's `handler` (left in
    the queue), or None."""
    queue = f"evt-federation-{handler.removeprefix('on_')}--matching.{handler}.parked"
    with Connection(nameko_config["AMQP_URI"]) as connection:
        channel = connection.channel()
        channel.queue_declare(queue, passive=True)  # raises until something was parked
        bound = Queue(queue, durable=True)(channel)
        while (message := bound.get(no_ack=False)) is not None:
            if message.payload["id"] == event_id:
                return message.headers["x-multitalent-error"]
    return None  # unacknowledged: back in the queue when the channel closes


def partner_event(what: str, partner_id: str, data: dict, subject: str) -> dict:
    now = datetime.now(UTC).isoformat()
    return envelope("federation", f"partner_{what}", subject, {
        "partner_id": partner_id, "partner_coop": "https://coop-x.example/",
        "partner_name": "Coop X", "federated_id": str(uuid.uuid4()),
        "federated_type": f"coop.multitalent.{what}.v1", "sent_at": now, "received_at": now,
        "data": data})


def seat_offered(partner_id: str, offer_id: str, skill: str) -> dict:
    """A partner's `seat_offered` for four weeks of `skill`, as federation hands it on."""
    return partner_event("seat_offered", partner_id, {
        "offer_id": offer_id, "skill": skill, "min_level": 4, "hours_per_week": "24",
        "first_week": "2027-W02", "last_week": "2027-W05", "rate_min": "70.00",
        "rate_max": "95.00", "currency": "EUR", "languages": [], "description": ""}, offer_id)


def incoming_offers(matching, offer_id: str) -> list[dict]:
    """The partner's offer `offer_id` as matching lists it (empty until it arrived)."""
    return [i for i in matching.list_incoming_offers()["items"] if i["offer_id"] == offer_id]


class SeatSentToPartner:
    """A running project whose seat (a member of ours held it) our operator offered to
    partner coop X, and federation said it was sent."""

    def __init__(self, coop, nameko_config, name: str):
        matching = coop.rpc.matching
        self.skill = coop.new_skill()
        coop.member(name, {self.skill: 5}, rate="90.00")
        self.project = coop.project(coop.client(), [{"skill": self.skill, **ROLE}])
        [self.seat] = matching.accept_proposal(
            matching.propose_team(self.project["id"])["id"])["seats"]
        self.offer = matching.offer_seat_to_partners(self.project["id"], self.seat["id"], {})
        self.partner = str(uuid.uuid4())
        self.dispatch = event_dispatcher(nameko_config)
        self.dispatch("federation", "seat_offer_sent", envelope(
            "federation", "seat_offer_sent", self.offer["id"], {
                "offer_id": self.offer["id"], "partner_id": self.partner,
                "partner_name": "Coop X", "federated_id": str(uuid.uuid4()),
                "recipients": [{"partner_id": self.partner, "partner_name": "Coop X"}]}))

    def candidate(self, candidate_id: str) -> dict:
        """Coop X's `candidate_offered` for the seat, as federation hands it on."""
        return partner_event("candidate_offered", self.partner, {
            "offer_id": self.offer["id"], "candidate_id": candidate_id,
            "skills": [{"skill": self.skill, "level": 5, "verified_level": None}],
            "available_hours_per_week": "24", "introduction": "Hello.", "languages": [],
            "hourly_rate": "85.00", "currency": "EUR"}, self.offer["id"])


def test_a_partners_seat_is_answered_with_a_pseudonym_and_lent_once(coop, tap, nameko_config):
    matching = coop.rpc.matching
    skill = coop.new_skill()
    ann = coop.member("Ann", {skill: 5}, hours="32")
    partner, stranger = str(uuid.uuid4()), str(uuid.uuid4())
    offer_id = str(uuid.uuid4())
    dispatch = event_dispatcher(nameko_config)
    seat = seat_offered(partner, offer_id, skill)
    dispatch("federation", seat["type"], seat)
    dispatch("federation", seat["type"], seat)  # delivered twice

    def incoming():
        return incoming_offers(matching, offer_id)

    [offer] = eventually(incoming, timeout=10)
    assert [s["member_id"] for s in offer["suggestions"]] == [ann]
    made = matching.offer_member_to_partner(offer["id"], {
        "member_id": ann, "hourly_rate": "85.00", "introduction": "Builds web shops."})
    [told] = tap.wait_for("candidate_offer_made", candidate_id=made["candidate_id"])
    assert ann not in str(told["data"]) and told["data"]["partner_id"] == partner
    assert told["data"]["introduction"] == "Builds web shops."

    accepted = {"offer_id": offer_id, "candidate_id": made["candidate_id"],
                "placement_id": str(uuid.uuid4()), "starts_on": "2027-01-11",
                "ends_on": "2027-02-05", "hours_per_week": "24", "hourly_rate": "85.00",
                "currency": "EUR"}
    forged = partner_event("candidate_accepted", stranger, accepted, offer_id)
    dispatch("federation", forged["type"], forged)
    real = partner_event("candidate_accepted", partner, accepted, offer_id)
    dispatch("federation", real["type"], real)
    dispatch("federation", real["type"], real)
    copy = partner_event("candidate_accepted", partner, accepted, offer_id)  # another id
    dispatch("federation", copy["type"], copy)
    [lent] = tap.wait_for("member_lent", member_id=ann, timeout=10)
    error = eventually(lambda: parked(nameko_config, "on_partner_candidate_accepted",
                                      forged["id"]), timeout=10)
    assert error.startswith("CandidateNotOfferedToPartner: ")  # refused: dead-lettered
    assert (lent["data"]["partner_id"], lent["data"]["placement_id"]) == (
        partner, accepted["placement_id"])
    lendings = matching.list_lendings()["items"]
    assert [(x["member_id"], x["partner_id"]) for x in lendings if x["member_id"] == ann] == [
        (ann, partner)]
    utilisation = matching.fairness({"from_week": "2027-W02", "to_week": "2027-W05"})
    [mine] = [u for u in utilisation["utilisation"] if u["member_id"] == ann]
    assert mine["utilisation"] == 0.75  # 24 of 32 hours lent


def test_our_seat_offered_to_partners_gets_an_external_member(coop, tap, nameko_config):
    matching = coop.rpc.matching
    skill = coop.new_skill()
    coop.member("Bea", {skill: 5}, rate="90.00")
    project = coop.project(coop.client(), [{"skill": skill, **ROLE}])
    proposal = matching.propose_team(project["id"])
    [seat] = matching.accept_proposal(proposal["id"])["seats"]
    offer = matching.offer_seat_to_partners(project["id"], seat["id"], {})
    [opened] = tap.wait_for("seat_offer_opened", offer_id=offer["id"])
    assert (opened["data"]["rate_min"], opened["data"]["rate_max"]) == ("67.50", "90.00")
    assert "client_id" not in opened["data"]

    partner, stranger = str(uuid.uuid4()), str(uuid.uuid4())
    dispatch = event_dispatcher(nameko_config)

    def candidate(partner_id):
        data = {"offer_id": offer["id"], "candidate_id": str(uuid.uuid4()),
                "skills": [{"skill": skill, "level": 5, "verified_level": None}],
                "available_hours_per_week": "24", "introduction": "Hello.", "languages": [],
                "hourly_rate": "85.00", "currency": "EUR"}
        return partner_event("candidate_offered", partner_id, data, offer["id"])

    # the answer overtakes federation's news of whom the offer went to: retried, not lost
    outsider, answer = candidate(stranger), candidate(partner)
    dispatch("federation", answer["type"], answer)
    time.sleep(0.5)
    assert matching.get_seat_offer(offer["id"])["candidates"] == []
    sent = envelope("federation", "seat_offer_sent", offer["id"], {
        "offer_id": offer["id"], "partner_id": partner, "partner_name": "Coop X",
        "federated_id": str(uuid.uuid4()),
        "recipients": [{"partner_id": partner, "partner_name": "Coop X"}]})
    dispatch("federation", "seat_offer_sent", sent)
    dispatch("federation", outsider["type"], outsider)  # never sent to that partner
    eventually(lambda: matching.get_seat_offer(offer["id"])["candidates"], timeout=10)
    [kept] = matching.get_seat_offer(offer["id"])["candidates"]
    assert kept["candidate_id"] == answer["data"]["data"]["candidate_id"]
    assert matching.get_seat_offer(offer["id"])["sent_to"] == [
        {"partner_id": partner, "partner_name": "Coop X"}]
    error = eventually(lambda: parked(nameko_config, "on_partner_candidate_offered",
                                      outsider["id"]), timeout=10)
    assert error.startswith("OfferNotSentToPartner: ")

    placed = matching.accept_partner_candidate(offer["id"], kept["candidate_id"])
    assert placed["lending_coop"] == {"partner_id": partner, "name": "Coop X"}
    [external] = matching.get_team(project["id"])["external_members"]
    assert (external["seat_id"], external["candidate_id"]) == (seat["id"], kept["candidate_id"])
    [event] = tap.wait_for("external_member_placed", offer_id=offer["id"])
    assert (event["data"]["client_hourly_rate"], event["data"]["partner_hourly_rate"]) == (
        "90.00", "85.00")
    assert matching.get_seat_offer(offer["id"])["status"] == "filled"


def test_a_coverage_gap_opens_a_seat_offer_by_itself(coop, tap, nameko_config):
    matching = coop.rpc.matching
    skill = coop.new_skill()
    coop.member("Cas", {skill: 5})
    project = coop.project(coop.client(), [{"skill": skill, **ROLE}])
    proposal = matching.propose_team(project["id"])
    [seat] = matching.accept_proposal(proposal["id"])["seats"]
    gap = envelope("matching", "coverage_gap_detected", project["id"], {
        "project_id": project["id"], "client_id": project["client_id"], "seat_id": seat["id"],
        "skill": skill, "min_level": 4, "unfilled_seats": 1, "weeks": ["2027-W03", "2027-W04"],
        "reason": "no_capacity", "detected_at": datetime.now(UTC).isoformat()})
    event_dispatcher(nameko_config)("matching", "coverage_gap_detected", gap)
    [opened] = tap.wait_for("seat_offer_opened", seat_id=seat["id"], timeout=10)
    assert (opened["data"]["first_week"], opened["data"]["last_week"]) == (
        "2027-W03", "2027-W04")


def test_two_members_offered_at_once_make_one_candidate_and_a_named_conflict(coop, nameko_config):
    matching = coop.rpc.matching
    skill = coop.new_skill()
    dee = coop.member("Dee", {skill: 5}, hours="32")
    offer_id = str(uuid.uuid4())
    seat = seat_offered(str(uuid.uuid4()), offer_id, skill)
    event_dispatcher(nameko_config)("federation", seat["type"], seat)
    [incoming] = eventually(lambda: incoming_offers(matching, offer_id), timeout=10)
    details = {"member_id": dee, "hourly_rate": "85.00", "introduction": "Hello."}
    calls = [matching.offer_member_to_partner.call_async(incoming["id"], details)
             for _ in range(4)]  # racing workers
    answers = []
    for call in calls:
        try:
            answers.append(call.result())
        except Exception as error:  # noqa: BLE001 - the conflict is what we look for
            answers.append(error)
    made = [a for a in answers if isinstance(a, dict)]
    conflicts = [a for a in answers if not isinstance(a, dict)]
    assert len(made) == 1 and len(conflicts) == 3
    assert all("MemberAlreadyOffered" in repr(error) for error in conflicts)
    [offer] = [i for i in matching.list_incoming_offers()["items"] if i["id"] == incoming["id"]]
    assert [c["member_id"] for c in offer["candidates"]] == [dee]


def test_the_database_refuses_a_second_offer_of_a_member_or_of_a_seats_weeks(
        coop, database_urls):
    """What two racing requests would store, the unique constraints refuse by rule name."""
    matching = coop.rpc.matching
    skill = coop.new_skill()
    coop.member("Eli", {skill: 5}, rate="90.00")
    project = coop.project(coop.client(), [{"skill": skill, **ROLE}])
    [seat] = matching.accept_proposal(matching.propose_team(project["id"])["id"])["seats"]
    offered = matching.offer_seat_to_partners(project["id"], seat["id"], {})
    engine = make_engine(database_urls["matching"])
    uow = MatchingUnitOfWork(sessionmaker(engine, expire_on_commit=False))
    try:
        with uow:
            offer = uow.seat_offers.get(offered["id"])
            with pytest.raises(SeatAlreadyOffered):
                uow.seat_offers.add(dataclasses.replace(offer, id=str(uuid.uuid4()),
                                                        recipients=[], candidates=[]))
        with uow:
            incoming = IncomingOffer(
                str(uuid.uuid4()), str(uuid.uuid4()), "Coop X", str(uuid.uuid4()), skill, 4,
                Decimal(24), IsoWeek(2027, 2), IsoWeek(2027, 5), Decimal(70), Decimal(95),
                "EUR", (), "", datetime.now(UTC))
            uow.incoming_offers.add(incoming)
            first = OfferedCandidate(str(uuid.uuid4()), incoming.id, incoming.partner_id,
                                     incoming.offer_id, "m-1", Decimal(85), "EUR", (),
                                     Decimal(24), "Hello.", (), datetime.now(UTC))
            uow.incoming_offers.add_candidate(first)
            with pytest.raises(MemberAlreadyOffered):
                uow.incoming_offers.add_candidate(dataclasses.replace(
                    first, candidate_id=str(uuid.uuid4())))
    finally:
        engine.dispose()


def test_our_offer_withdrawn_is_closed_for_partners_and_a_withdrawn_candidate_not_taken(
        coop, tap, nameko_config):
    matching = coop.rpc.matching
    sent = SeatSentToPartner(coop, nameko_config, "Gus")
    project, seat, offer, partner, dispatch = (sent.project, sent.seat, sent.offer,
                                               sent.partner, sent.dispatch)
    candidate_id = str(uuid.uuid4())
    answer = sent.candidate(candidate_id)
    withdrawal = partner_event("candidate_withdrawn", partner, {
        "offer_id": offer["id"], "candidate_id": candidate_id}, offer["id"])
    dispatch("federation", withdrawal["type"], withdrawal)  # overtakes the candidate: retried
    dispatch("federation", answer["type"], answer)

    def withdrawn():
        return [c["status"] for c in matching.get_seat_offer(offer["id"])["candidates"]] == [
            "withdrawn"]

    eventually(withdrawn, timeout=10)
    with pytest.raises(Exception) as refused:
        matching.accept_partner_candidate(offer["id"], candidate_id)
    assert "withdrew candidate" in str(refused.value)

    assert matching.withdraw_seat_offer(offer["id"])["status"] == "withdrawn"
    [closed] = tap.wait_for("seat_offer_closed", offer_id=offer["id"])
    assert (closed["data"]["reason"], closed["data"]["partner_ids"]) == ("withdrawn", [partner])
    again = matching.offer_seat_to_partners(project["id"], seat["id"], {})  # the index allows it
    assert (again["first_week"], again["status"]) == (offer["first_week"], "open")


def test_a_partner_closing_its_offer_and_our_withdrawn_candidate(coop, tap, nameko_config):
    matching = coop.rpc.matching
    skill = coop.new_skill()
    ann = coop.member("Ann", {skill: 5}, hours="32")
    bob = coop.member("Bob", {skill: 5}, hours="32")
    partner, offer_id = str(uuid.uuid4()), str(uuid.uuid4())
    dispatch = event_dispatcher(nameko_config)
    seat = seat_offered(partner, offer_id, skill)
    dispatch("federation", seat["type"], seat)

    def incoming():
        return incoming_offers(matching, offer_id)

    [offer] = eventually(incoming, timeout=10)
    terms = {"hourly_rate": "85.00", "introduction": "Builds web shops."}
    made_ann = matching.offer_member_to_partner(offer["id"], {"member_id": ann, **terms})
    made_bob = matching.offer_member_to_partner(offer["id"], {"member_id": bob, **terms})
    taken_back = matching.withdraw_offered_candidate(offer["id"], made_ann["candidate_id"])
    assert taken_back["status"] == "withdrawn"
    [told] = tap.wait_for("candidate_offer_withdrawn", candidate_id=made_ann["candidate_id"])
    assert (told["data"]["partner_id"], told["data"]["offer_id"]) == (partner, offer_id)
    assert ann not in str(told["data"])

    closing = partner_event("seat_offer_closed", partner,
                            {"offer_id": offer_id, "reason": "filled"}, offer_id)
    dispatch("federation", closing["type"], closing)

    def closed():
        [now] = incoming()
        return now if now["status"] == "closed" else None

    now = eventually(closed, timeout=10)
    assert {c["candidate_id"]: c["status"] for c in now["candidates"]} == {
        made_ann["candidate_id"]: "withdrawn", made_bob["candidate_id"]: "not_chosen"}
    assert now["suggestions"] == []


def test_a_lent_member_who_falls_ill_interrupts_the_lending_and_only_days_cross(
        coop, tap, nameko_config):
    matching, members = coop.rpc.matching, coop.rpc.members
    skill = coop.new_skill()
    ivo = coop.member("Ivo", {skill: 5}, hours="32")
    partner, offer_id = str(uuid.uuid4()), str(uuid.uuid4())
    dispatch = event_dispatcher(nameko_config)
    seat = seat_offered(partner, offer_id, skill)
    dispatch("federation", seat["type"], seat)
    [offer] = eventually(lambda: incoming_offers(matching, offer_id), timeout=10)
    made = matching.offer_member_to_partner(offer["id"], {
        "member_id": ivo, "hourly_rate": "85.00", "introduction": "Builds web shops."})
    placement_id = str(uuid.uuid4())
    accepted = partner_event("candidate_accepted", partner, {
        "offer_id": offer_id, "candidate_id": made["candidate_id"],
        "placement_id": placement_id, "starts_on": "2027-01-11", "ends_on": "2027-02-05",
        "hours_per_week": "24", "hourly_rate": "85.00", "currency": "EUR"}, offer_id)
    dispatch("federation", accepted["type"], accepted)
    tap.wait_for("member_lent", member_id=ivo, timeout=10)
    [lending] = [x for x in matching.list_lendings()["items"] if x["member_id"] == ivo]

    sick = members.add_unavailability(ivo, {"kind": "sick", "starts_on": "2027-01-20",
                                            "ends_on": "2027-03-01", "reason": "Flu."})
    [told] = tap.wait_for("lending_interrupted", placement_id=placement_id, timeout=10)
    assert told["data"] == {
        "partner_id": partner, "placement_id": placement_id,
        "candidate_id": made["candidate_id"],
        "interruption_id": told["data"]["interruption_id"],
        "first_day": "2027-01-20", "last_day": "2027-02-05"}  # the overlap, nothing else
    assert ivo not in str(told) and "sick" not in str(told) and "Flu" not in str(told)

    # one at a time: member_unavailable and member_available_again travel on two queues
    members.change_unavailability(ivo, sick["id"], {"ends_on": "2027-01-22"})
    tap.wait_for("lending_interrupted", count=2, placement_id=placement_id, timeout=10)
    members.remove_unavailability(ivo, sick["id"])
    # a period outside the lending tells the partner nothing
    members.add_unavailability(ivo, {"kind": "holiday", "starts_on": "2027-03-01",
                                     "ends_on": "2027-03-05"})
    later = tap.wait_for("lending_interrupted", count=3, placement_id=placement_id, timeout=10)
    assert [(e["data"]["interruption_id"], e["data"]["first_day"], e["data"]["last_day"])
            for e in later] == [
        (told["data"]["interruption_id"], "2027-01-20", "2027-02-05"),
        (told["data"]["interruption_id"], "2027-01-20", "2027-01-22"),
        (told["data"]["interruption_id"], "2027-01-20", "2027-01-19")]  # taken back
    time.sleep(1)
    assert len(tap.wait_for("lending_interrupted", placement_id=placement_id)) == 3
    assert [x for x in matching.list_lendings()["items"] if x["member_id"] == ivo] == [lending]


def test_a_partners_member_who_cannot_work_makes_the_seat_be_offered_for_those_weeks(
        coop, tap, nameko_config):
    matching = coop.rpc.matching
    sent = SeatSentToPartner(coop, nameko_config, "Jan")
    project, seat, offer, partner, dispatch = (sent.project, sent.seat, sent.offer,
                                               sent.partner, sent.dispatch)
    stranger = str(uuid.uuid4())
    candidate_id = str(uuid.uuid4())
    answer = sent.candidate(candidate_id)
    dispatch("federation", answer["type"], answer)
    eventually(lambda: matching.get_seat_offer(offer["id"])["candidates"], timeout=10)
    placed = matching.accept_partner_candidate(offer["id"], candidate_id)

    interruption = {"placement_id": placed["id"], "candidate_id": candidate_id,
                    "interruption_id": str(uuid.uuid4()), "first_day": "2027-01-20",
                    "last_day": "2027-02-02"}  # Wednesday of W03 to Tuesday of W05
    forged = partner_event("lending_interrupted", stranger, interruption, placed["id"])
    dispatch("federation", forged["type"], forged)
    news = partner_event("lending_interrupted", partner, interruption, placed["id"])
    dispatch("federation", news["type"], news)
    dispatch("federation", news["type"], news)  # delivered twice
    [gap] = tap.wait_for("coverage_gap_detected", seat_id=seat["id"], timeout=10)
    assert (gap["data"]["weeks"], gap["data"]["reason"]) == (
        ["2027-W03", "2027-W04", "2027-W05"], "external_member_unavailable")
    [opened] = tap.wait_for("seat_offer_opened", seat_id=seat["id"], count=2, timeout=10)[1:]
    assert (opened["data"]["first_week"], opened["data"]["last_week"]) == (
        "2027-W03", "2027-W05")
    error = eventually(lambda: parked(nameko_config, "on_partner_lending_interrupted",
                                      forged["id"]), timeout=10)
    assert error.startswith("PlacementNotThePartners: ")
    [external] = matching.get_team(project["id"])["external_members"]
    assert (external["starts_on"], external["ends_on"]) == (placed["starts_on"],
                                                            placed["ends_on"])  # stays
    [entry] = [e for e in matching.project_timeline(project["id"])["items"]
               if e["kind"] == "external_member_unavailable"]
    assert "2027-01-20" in entry["summary"] and "2027-02-02" in entry["summary"]
    time.sleep(0.5)
    assert len(tap.wait_for("coverage_gap_detected", seat_id=seat["id"])) == 1  # once


def test_partners_offers_are_listed_newest_first_a_page_at_a_time(coop, nameko_config):
    matching = coop.rpc.matching
    skill = coop.new_skill()
    partner, dispatch = str(uuid.uuid4()), event_dispatcher(nameko_config)
    soon = datetime.now(UTC) + timedelta(minutes=5)  # newer than any other test's offers
    offer_ids = [str(uuid.uuid4()) for _ in range(3)]
    for n, offer_id in enumerate(offer_ids):
        seat = seat_offered(partner, offer_id, skill)
        seat["data"]["received_at"] = (soon + timedelta(seconds=n)).isoformat()
        dispatch("federation", seat["type"], seat)

    def first_page():
        page = matching.list_incoming_offers({"limit": 2})
        return page if [i["offer_id"] for i in page["items"]] == offer_ids[:0:-1] else None

    page = eventually(first_page, timeout=10)  # the newest two: the third, the second
    rest = matching.list_incoming_offers({"limit": 2, "cursor": page["next_cursor"]})
    assert rest["items"][0]["offer_id"] == offer_ids[0]
    with pytest.raises(Invalid) as raised:
        matching.list_incoming_offers({"cursor": "forged"})
    assert raised.value.errors[0]["field"] == "cursor"

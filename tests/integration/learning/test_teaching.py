"""Offers, wishes, mentor ranking (with the members service), mentorships and sessions."""

from datetime import timedelta

import pytest

from infra.errors import Conflict, Invalid, NotFound
from services.learning.models import sessions
from services.members.service import MembersService
from tests.integration.learning.conftest import SETTINGS, TODAY, new_id
from tests.support.waiting import eventually


def test_offers_and_wishes_are_stored_announced_and_browsable(learning, known_member, tap):
    ada = known_member("Ada", python=4)
    bob = known_member("Bob", python=1)
    offer = learning.offer_to_teach(ada, {"skill": "python", "level": 4,
                                          "formats": ["review", "pairing"],
                                          "hours_per_month": "6"})
    assert (offer["formats"], offer["hours_per_month"], offer["status"]) == (
        ["pairing", "review"], "6.00", "open")
    wish = learning.wish_to_learn(bob, {"skill": "python", "current_level": 1,
                                        "target_level": 3, "why": "The API rewrite."})
    offered = tap.wait_for("learning_offered", ada)[0]["data"]
    assert (offered["offer_id"], offered["level"], offered["hours_per_month"]) == (
        offer["id"], 4, "6.00")
    wished = tap.wait_for("learning_wished", bob)[0]["data"]
    assert (wished["wish_id"], wished["target_level"]) == (wish["id"], 3)
    assert "why" not in wished
    page = learning.list_offers({"skill": "python", "member_id": ada})
    assert [o["id"] for o in page["items"]] == [offer["id"]]
    assert learning.list_wishes({"member_id": bob, "limit": 1})["items"][0]["id"] == wish["id"]


def test_bad_offers_and_wishes_name_the_rule_or_field(learning, known_member, outbox_count):
    ada = known_member("Ada", python=3)
    before = outbox_count()
    with pytest.raises(Conflict) as raised:
        learning.offer_to_teach(ada, {"skill": "python", "level": 5, "formats": ["pairing"],
                                      "hours_per_month": "4"})
    assert raised.value.rule == "OfferAboveOwnLevel"
    with pytest.raises(Invalid) as raised:
        learning.offer_to_teach(ada, {"skill": "Python!", "level": 6, "formats": ["lecture"],
                                      "hours_per_month": "0", "extra": 1})
    assert {e["field"] for e in raised.value.errors} == {
        "skill", "level", "formats[0]", "hours_per_month", "extra"}
    with pytest.raises(Invalid) as raised:
        learning.wish_to_learn(ada, {"skill": "sql", "current_level": 3, "target_level": 2,
                                     "why": "x"})
    assert raised.value.rule == "TargetNotAboveCurrent"
    with pytest.raises(NotFound):
        learning.wish_to_learn("not-an-id", {"skill": "sql", "target_level": 2, "why": "x"})
    with pytest.raises(NotFound):
        learning.wish_to_learn(new_id(), {"skill": "sql", "target_level": 2, "why": "x"})
    assert outbox_count() == before


def test_mentors_are_ranked_with_availability_from_the_members_service(
        run_services, rpc, publish, known_member, worked_together):
    run_services(MembersService, **SETTINGS)
    from services.learning.service import LearningService

    run_services(LearningService, **SETTINGS)
    members, learning = rpc.members, rpc.learning
    people = {}
    for name, hours in (("Free", "8.00"), ("Busy", "0.00"), ("Colleague", "8.00")):
        member = members.create_member({
            "name": name, "email": f"{name.lower()}-{new_id()[:8]}@example.nl",
            "kvk_number": "70000001", "btw_id": "NL100023757B01",
            "iban": "NL91ABNA0417164300"})
        members.change_capacity(member["id"], {"default_weekly_hours": hours})
        people[name] = member["id"]
    skill = f"rust-{new_id()[:6]}"  # no other test's mentors offer it
    learner = known_member("Learner", **{skill: 1})
    for name, member_id in people.items():
        known_member(name, member_id=member_id, version=10, **{skill: 4})
        learning.offer_to_teach(member_id, {"skill": skill, "level": 4,
                                            "formats": ["pairing"], "hours_per_month": "8"})
    worked_together(learner, people["Colleague"])
    wish = learning.wish_to_learn(learner, {"skill": skill, "target_level": 3,
                                            "why": "Growing."})

    ranking = learning.rank_mentors(learner, wish["id"])
    assert [c["name"] for c in ranking["candidates"]] == ["Free", "Colleague", "Busy"]
    free, colleague, busy = ranking["candidates"]
    assert free["available_hours"] == "32.00"  # 8 hours in each of 4 weeks
    assert (free["components"]["availability"], busy["components"]["availability"]) == (
        1.0, 0.0)
    assert colleague["worked_together"] and colleague["components"]["spread"] == 0.0
    assert ranking["weights"] == {"level": 0.35, "availability": 0.25, "load": 0.2,
                                  "spread": 0.2}
    assert any(reason.startswith("availability: 32.00 hours free") for reason in free["reasons"])


def test_a_mentorship_from_proposal_to_sessions_and_completion(learning, known_member, tap,
                                                               count_rows):
    mentor, mentee = known_member("Mentor", python=5), known_member("Mentee", python=2)
    learning.offer_to_teach(mentor, {"skill": "python", "level": 5, "formats": ["pairing"],
                                     "hours_per_month": "4"})
    wish = learning.wish_to_learn(mentee, {"skill": "python", "current_level": 2,
                                           "target_level": 4, "why": "Leading the backend."})
    proposed = learning.propose_mentorship(mentee, wish["id"], mentor)
    with pytest.raises(Conflict) as raised:
        learning.propose_mentorship(mentee, wish["id"], mentor)
    assert raised.value.rule == "WishAlreadyHasMentorship"
    with pytest.raises(Exception) as raised:
        learning.accept_mentorship(proposed["id"], mentee)
    assert raised.value.rule == "OnlyTheMentorDecides"
    learning.accept_mentorship(proposed["id"], mentor)
    started = learning.start_mentorship(proposed["id"], mentee)
    assert started["status"] == "active"
    event = tap.wait_for("mentorship_started", proposed["id"])[0]["data"]
    assert (event["mentor_id"], event["mentee_id"], event["skill"]) == (mentor, mentee, "python")

    with pytest.raises(Invalid) as raised:
        learning.record_session(proposed["id"], {
            "held_on": (TODAY + timedelta(days=2)).isoformat(), "duration_minutes": 60,
            "done": True}, mentor)
    assert raised.value.rule == "SessionInFutureCannotBeDone"
    assert count_rows(sessions, sessions.c.mentorship_id == proposed["id"]) == 0
    session = learning.record_session(proposed["id"], {
        "held_on": TODAY.isoformat(), "duration_minutes": 90, "notes": "Pairing on tests."},
        mentee)
    recorded = tap.wait_for("session_recorded", proposed["id"])[0]["data"]
    assert (recorded["session_id"], recorded["duration_minutes"]) == (session["id"], 90)
    assert "notes" not in recorded
    learning.give_session_feedback(proposed["id"], session["id"], mentee,
                                   {"rating": 5, "comment": "Very useful"})
    with pytest.raises(Conflict) as raised:
        learning.give_session_feedback(proposed["id"], session["id"], mentee, {"rating": 4})
    assert raised.value.rule == "FeedbackAlreadyGiven"
    completed = learning.complete_mentorship(proposed["id"], mentor)
    assert completed["status"] == "completed"
    detail = learning.get_mentorship(proposed["id"], mentee)
    assert detail["sessions"][0]["mentee_feedback"]["rating"] == 5
    assert learning.get_wish(wish["id"])["status"] == "fulfilled"
    with pytest.raises(NotFound):
        learning.get_mentorship(proposed["id"], known_member("Stranger"))
    eventually(lambda: learning.list_mentorships(mentor)["items"][0]["id"] == proposed["id"])

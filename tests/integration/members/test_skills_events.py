"""Skills through RPC, and learning's `skill_verified` handled exactly once."""

import time
import uuid

import pytest
from nameko.standalone.events import event_dispatcher
from sqlalchemy import select

from infra.errors import Conflict, Invalid
from infra.events import envelope
from services.members.models import inbox, member_skills
from tests.integration.members.conftest import new_details
from tests.support.waiting import eventually


def test_the_taxonomy_is_shipped_and_operators_extend_it(members):
    taxonomy = members.list_skills()
    assert len(taxonomy["skills"]) >= 150
    assert {c["slug"] for c in taxonomy["categories"]} >= {
        "software", "data", "design", "communication", "project-management", "finance",
        "training"}
    python = next(s for s in taxonomy["skills"] if s["slug"] == "python")
    assert python["esco_uri"].startswith("http://data.europa.eu/esco/skill/")
    slug = f"skill-{uuid.uuid4().hex[:6]}"
    added = members.add_skill({"slug": slug, "name": "Zig", "category": "software"})
    assert added == {"slug": slug, "name": "Zig", "name_nl": "Zig", "category": "software",
                     "esco_uri": None}
    software = members.list_skills({"category": "software"})["skills"]
    assert slug in {s["slug"] for s in software}
    assert all(s["category"] == "software" for s in software)
    with pytest.raises(Conflict) as raised:
        members.add_skill({"slug": slug, "name": "Zig", "category": "software"})
    assert raised.value.rule == "SkillAlreadyExists"
    with pytest.raises(Invalid) as raised:
        members.add_skill({"slug": "Not a slug", "name": "", "category": "software",
                           "esco_uri": "https://example.com/zig"})
    assert {e["field"] for e in raised.value.errors} == {"slug", "name", "esco_uri"}


def test_declared_skills_are_stored_and_announced(members, tap):
    member = members.create_member(new_details())
    changed = members.set_skills(member["id"], [
        {"skill": "python", "level": 4, "years_experience": 8},
        {"skill": "machine-learning", "level": 2, "wants_to_grow": True}])
    assert [(s["skill"], s["level"], s["wants_to_grow"]) for s in changed["skills"]] == [
        ("machine-learning", 2, True), ("python", 4, False)]
    event = tap.wait_for_type("member_skills_changed", member["id"])[0]["data"]
    assert [s["skill"] for s in event["skills"]] == ["machine-learning", "python"]
    assert event["verified_skill"] is None


def test_bad_skills_name_the_entry_and_store_nothing(members, count_rows, outbox_count):
    member = members.create_member(new_details())
    members.set_skills(member["id"], [{"skill": "sql", "level": 3}])
    before = (outbox_count(), count_rows(member_skills))
    for skills, field, rule in (
        ([{"skill": "sql", "level": 3}, {"skill": "basket-weaving", "level": 2}],
         "skills[1].skill", "UnknownSkill"),
        ([{"skill": "sql", "level": 3}, {"skill": "sql", "level": 4}],
         "skills[1].skill", "DuplicateSkill"),
        ([{"skill": "python", "level": 7}], "skills[0].level", None),
    ):
        with pytest.raises(Invalid) as raised:
            members.set_skills(member["id"], skills)
        assert (raised.value.errors[0]["field"], raised.value.rule) == (field, rule)
    assert (outbox_count(), count_rows(member_skills)) == before


def test_skill_verified_round_trip_is_applied_once(members, nameko_config, tap, count_rows):
    member = members.create_member(new_details())
    members.set_skills(member["id"], [{"skill": "python", "level": 3}])
    tap.wait_for_type("member_skills_changed", member["id"])
    verified = envelope("learning", "skill_verified", member["id"], {
        "member_id": member["id"], "skill": "python", "level": 5,
        "evidence": ["endorsement-17", "session-4"], "endorser": "ignored by members"})
    dispatch = event_dispatcher(nameko_config)
    dispatch("learning", "skill_verified", verified)
    dispatch("learning", "skill_verified", verified)  # redelivered: the same event id

    python = eventually(lambda: next(
        s for s in members.get_member(member["id"])["skills"] if s["verified_level"]))
    assert (python["skill"], python["level"], python["verified_level"], python["evidence"]) == (
        "python", 3, 5, ["endorsement-17", "session-4"])
    eventually(lambda: count_rows(inbox, inbox.c.event_id == verified["id"]) == 1)
    time.sleep(1)  # the second delivery has had every chance to do something
    assert members.get_member(member["id"])["version"] == 3
    changes = tap.wait_for_type("member_skills_changed", member["id"], count=2)
    assert len(changes) == 2, "one for the declaration, one for the verification"
    assert changes[1]["data"]["verified_skill"] == "python"
    assert changes[1]["data"]["skills"][0]["verified_level"] == 5


def test_a_verification_of_an_unknown_member_is_parked_not_applied(members, nameko_config,
                                                                   members_db):
    stranger = str(uuid.uuid4())
    verified = envelope("learning", "skill_verified", stranger, {
        "member_id": stranger, "skill": "python", "level": 5})
    event_dispatcher(nameko_config)("learning", "skill_verified", verified)
    queue = "evt-learning-skill_verified--members.on_skill_verified.parked"
    from kombu import Connection

    def parked() -> int:
        with Connection(nameko_config["AMQP_URI"]) as connection:
            return connection.default_channel.queue_declare(queue, passive=True).message_count

    assert eventually(parked, timeout=5) >= 1
    with members_db.connect() as connection:
        assert connection.execute(select(inbox).where(inbox.c.event_id == verified["id"])
                                  ).first() is None


def test_a_withdrawn_verification_clears_the_verified_level(members, nameko_config, tap):
    member = members.create_member(new_details())
    members.set_skills(member["id"], [{"skill": "python", "level": 3}])
    dispatch = event_dispatcher(nameko_config)
    dispatch("learning", "skill_verified", envelope("learning", "skill_verified", member["id"], {
        "member_id": member["id"], "skill": "python", "level": 4, "evidence": ["e-1", "e-2"],
        "verified_at": "2026-03-01T10:00:00+00:00"}))
    dispatch("learning", "skill_verified", envelope("learning", "skill_verified", member["id"], {
        "member_id": member["id"], "skill": "sql", "level": 3, "evidence": ["e-3", "e-4"],
        "verified_at": "2026-03-01T10:00:00+00:00"}))
    eventually(lambda: len([s for s in members.get_member(member["id"])["skills"]
                            if s["verified_level"]]) == 2)

    for skill in ("python", "sql"):
        dispatch("learning", "skill_verification_withdrawn", envelope(
            "learning", "skill_verification_withdrawn", member["id"], {
                "member_id": member["id"], "skill": skill, "previous_level": 4,
                "withdrawn_at": "2026-03-02T10:00:00+00:00"}))
    skills = eventually(lambda: (found := members.get_member(member["id"])["skills"]) and all(
        s["verified_level"] is None for s in found) and found)
    # python stays as declared; sql was only verified, so it is gone
    assert [(s["skill"], s["level"], s["verified_level"]) for s in skills] == [
        ("python", 3, None)]

"""Endorsements → `skill_verified` → the members service records the verified level.

Two real services on one real broker: members publishes the snapshots learning
keeps, learning publishes the verification members applies.
"""

import pytest

from infra.errors import Conflict
from services.learning.service import LearningService
from services.members.service import MembersService
from tests.integration.learning.conftest import SETTINGS, TODAY, new_id
from tests.support.waiting import eventually


@pytest.fixture
def both(run_services, rpc):
    run_services(MembersService, LearningService, **SETTINGS)
    return rpc.members, rpc.learning


def active_member(members, name: str, python: int) -> str:
    """A member made active as the coop's rules allow now, declaring python at a level."""
    member = members.create_member({
        "name": name, "email": f"{name.lower()}-{new_id()[:8]}@example.nl",
        "kvk_number": "70000001", "btw_id": "NL100023757B01", "iban": "NL91ABNA0417164300"})
    active = members.list_members({"status": "active", "limit": 2})["items"]
    if len(active) == 2:
        for sponsor in active:
            members.sponsor_applicant(member["id"], sponsor["id"], TODAY.isoformat(), "Coffee.")
    members.activate_member(member["id"])
    return members.set_skills(member["id"], [{"skill": "python", "level": python}])["id"]


def verified_python(members, member_id: str):
    skill = next(s for s in members.get_member(member_id)["skills"] if s["skill"] == "python")
    return skill["verified_level"]


def endorse_when_known(learning, member_id, endorser_id, level):
    """Endorse as soon as learning has seen members' events about both."""
    return eventually(lambda: learning.endorse_skill(member_id, {
        "endorser_id": endorser_id, "skill": "python", "level": level}), timeout=5)


def test_endorsements_verify_a_level_that_the_members_service_records(both, worked_together,
                                                                      tap):
    members, learning = both
    ada, bob, cleo = (active_member(members, name, 4) for name in ("Ada", "Bob", "Cleo"))
    junior = active_member(members, "Junior", 2)
    eventually(lambda: learning.get_verifications(junior) == {"items": []}, timeout=5)
    worked_together(ada, bob, cleo, junior)

    endorse_when_known(learning, junior, ada, 3)
    with pytest.raises(Conflict) as raised:
        learning.endorse_skill(junior, {"endorser_id": ada, "skill": "python", "level": 2})
    assert raised.value.rule == "AlreadyEndorsed"
    bobs = endorse_when_known(learning, junior, bob, 3)
    verified = tap.wait_for("skill_verified", junior)[0]["data"]
    assert (verified["member_id"], verified["skill"], verified["level"]) == (
        junior, "python", 3)
    assert bobs["id"] in verified["evidence"] and len(verified["evidence"]) == 2
    assert eventually(lambda: verified_python(members, junior) == 3, timeout=5)

    endorse_when_known(learning, junior, cleo, 2)
    learning.withdraw_endorsement(bobs["id"], bob)
    lowered = tap.wait_for("skill_verified", junior, count=2)[1]["data"]
    assert (lowered["level"], lowered["previous_level"]) == (2, 3)
    assert eventually(lambda: verified_python(members, junior) == 2, timeout=5)
    assert [w["data"]["endorsement_id"] for w in tap.of_type("endorsement_withdrawn")] == [
        bobs["id"]]

"""The whole loop: colleagues endorse a member → learning verifies the level → the members
service records it → matching's next proposal prefers the now verified member.

Members, matching and learning on one real broker; the shared work that allows the
endorsements is matching's `assignment_confirmed`, published as matching does.
"""

import pytest

from services.learning.service import LearningService
from services.matching.service import MatchingService
from services.members.service import MembersService
from tests.integration.learning.conftest import SETTINGS
from tests.support.coop import Coop
from tests.support.waiting import eventually


@pytest.fixture
def coop(run_services, rpc) -> Coop:
    run_services(MembersService, MatchingService)
    run_services(LearningService, **SETTINGS)
    return Coop(rpc)


def test_a_newly_verified_member_is_preferred_in_the_next_proposal(coop, worked_together):
    rpc = coop.rpc
    skill = coop.new_skill()
    # the endorsers are seniors without free hours, so they are never proposed themselves
    ada = coop.member("Ada", {skill: 5}, hours="0")
    bob = coop.member("Bob", {skill: 5}, hours="0")
    cas = coop.member("Cas", {skill: 4})
    noor = coop.member("Noor", {skill: 3})
    client = coop.client()
    role = {"skill": skill, "minimum_level": 3, "hours_per_week": "16"}

    before = rpc.matching.propose_team(coop.project(client, [role])["id"])
    assert before["best"]["seats"][0]["primary"] == cas

    worked_together(ada, bob, noor)
    for endorser in (ada, bob):
        eventually(lambda e=endorser: rpc.learning.endorse_skill(noor, {
            "endorser_id": e, "skill": skill, "level": 5}), timeout=10)
    eventually(lambda: next(s for s in rpc.members.get_member(noor)["skills"]
                            if s["skill"] == skill)["verified_level"] == 5, timeout=10)
    eventually(lambda: next(s for s in rpc.matching.get_candidate(noor)["skills"]
                            if s["skill"] == skill)["verified_level"] == 5, timeout=10)

    after = rpc.matching.propose_team(coop.project(client, [role])["id"])
    seat = after["best"]["seats"][0]
    assert seat["primary"] == noor
    assert seat["explanation"]["runner_up"]["member_id"] == cas

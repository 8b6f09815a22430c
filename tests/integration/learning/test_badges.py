"""A badge round trip: issue → verify → tamper one byte → fails → revoke → fails."""

import base64
import copy
import json

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from infra.errors import Conflict
from services.learning.service import LearningService
from tests.integration.learning.conftest import SETTINGS, new_id


@pytest.fixture
def verified_member(learning, known_member, worked_together, tap):
    holder = known_member("Fatima Bakker", python=3)
    endorsers = [known_member(f"Senior {n}", python=5) for n in range(2)]
    worked_together(holder, *endorsers)
    for endorser in endorsers:
        learning.endorse_skill(holder, {"endorser_id": endorser, "skill": "python", "level": 4})
    tap.wait_for("skill_verified", holder)
    return holder


def flip_one_byte(credential: dict) -> dict:
    """The credential with one character of the achievement's name changed."""
    tampered = copy.deepcopy(credential)
    name = tampered["credentialSubject"]["achievement"]["name"]
    tampered["credentialSubject"]["achievement"]["name"] = name.replace("4", "5", 1)
    return tampered


def test_a_badge_round_trip(learning, verified_member):
    with pytest.raises(Conflict) as raised:
        learning.issue_badge(verified_member, {"skill": "sql"})
    assert raised.value.rule == "SkillNotVerified"
    badge = learning.issue_badge(verified_member, {"skill": "python"})
    assert (badge["skill"], badge["level"], badge["revoked_at"]) == ("python", 4, None)
    credential = json.loads(json.dumps(badge["credential"]))  # as the holder would store it
    assert credential["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    assert credential["credentialSubject"]["id"] == f"urn:uuid:{verified_member}"

    assert learning.verify_badge(credential) == {"verified": True, "reason": None}
    tampered = learning.verify_badge(flip_one_byte(credential))
    assert not tampered["verified"] and "signature does not match" in tampered["reason"]

    revoked = learning.revoke_badge(badge["id"], {"reason": "Shared by mistake."},
                                    verified_member)
    assert revoked["revoked_at"] is not None
    after = learning.verify_badge(credential)
    assert not after["verified"] and "revoked" in after["reason"]
    assert [b["id"] for b in learning.list_badges(verified_member)["items"]] == [badge["id"]]


@pytest.mark.parametrize("presented", [None, "", [], {"proof": None}, {"id": new_id()},
                                       {"proof": {"proofValue": "z" + "1" * 200}}])
def test_the_verification_answers_anything_without_raising(learning, presented):
    answer = learning.verify_badge(presented)
    assert answer["verified"] is False and answer["reason"]


def test_after_the_signing_key_is_rotated_the_badges_signed_before_still_verify(
        learning, learning_container, verified_member, run_services):
    credential = learning.issue_badge(verified_member, {"skill": "python"})["credential"]
    former_did = credential["issuer"]["id"]  # what `python -m deploy.badge_key` printed
    new_key = base64.b64encode(Ed25519PrivateKey.generate().private_bytes_raw()).decode()

    running = [learning_container]

    def rotated(**former):
        """Learning restarted with the new key (and `former`: the former keys' setting)."""
        running.pop().stop()
        running.extend(run_services(LearningService, **{**SETTINGS,
                                                        "LEARNING_SIGNING_KEY": new_key,
                                                        **former}))

    rotated()  # the former key forgotten: its badges fail
    forgotten = learning.verify_badge(credential)
    assert not forgotten["verified"] and "not signed with this coop's key" in forgotten[
        "reason"]
    rotated(LEARNING_FORMER_BADGE_KEYS=f" {former_did} ")
    assert learning.verify_badge(credential) == {"verified": True, "reason": None}
    reissued = learning.issue_badge(verified_member, {"skill": "python"})["credential"]
    assert reissued["issuer"]["id"] != former_did  # signed with the new key only
    assert learning.verify_badge(reissued) == {"verified": True, "reason": None}

"""Badges: an Open Badges 3.0 credential signed with eddsa-jcs-2022, checked and revoked."""

import copy
import json

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from services.learning.domain import use_cases
from services.learning.domain.badges import multibase
from services.learning.domain.badges.canonical import canonical
from services.learning.domain.badges.proof import SigningKey, VerifyingKey
from services.learning.domain.errors import BadgeAlreadyRevoked, SkillNotVerified
from tests.unit.learning.builders import SETTINGS, member, worked_together
from tests.unit.learning.fakes import FakeUnitOfWork

# RFC 8032 test 1: this secret key has this public key
RFC8032_SECRET = bytes.fromhex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60")
RFC8032_PUBLIC = bytes.fromhex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a")


def test_base58btc_round_trips_and_keeps_leading_zeros():
    assert multibase.encode(b"Hello World!") == "z2NEpo7TZRRrLZSi2U"
    for data in (b"", b"\0\0\x01", bytes(range(256))):
        assert multibase.decode(multibase.encode(data)) == data
    for bad in ("2NEpo", "z0OIl", None):
        with pytest.raises(ValueError):
            multibase.decode(bad)


def test_the_coops_key_is_named_by_its_did_key():
    key = SigningKey(Ed25519PrivateKey.from_private_bytes(RFC8032_SECRET))
    assert key.public_bytes == RFC8032_PUBLIC
    assert key.did.startswith("did:key:z6Mk")
    assert multibase.decode(key.did.removeprefix("did:key:")) == b"\xed\x01" + RFC8032_PUBLIC
    assert key.verification_method == key.did + "#" + key.did.removeprefix("did:key:")


def test_canonical_json_sorts_keys_and_refuses_what_jcs_writes_differently():
    assert canonical({"b": [1, "é", None], "a": {"d": True, "c": "x\n"}}) == (
        '{"a":{"c":"x\\n","d":true},"b":[1,"é",null]}'.encode())
    for bad in ({"n": 1.5}, {"n": 2**60}, {1: "x"}):
        with pytest.raises(ValueError):
            canonical(bad)


@pytest.fixture
def key():
    return SigningKey(Ed25519PrivateKey.generate())


@pytest.fixture
def uow():
    return FakeUnitOfWork()


@pytest.fixture
def verified_member(uow):
    holder = member(uow, "Fatima Bakker", python=3)
    endorsers = [member(uow, f"Senior {n}", python=5) for n in range(2)]
    worked_together(uow, holder, *endorsers)
    for endorser in endorsers:
        use_cases.endorse_skill(uow, holder.member_id, endorser.member_id, "python", 4)
    return holder, endorsers


def test_an_issued_badge_is_an_open_badge_credential_that_verifies(uow, key, verified_member):
    holder, _ = verified_member
    badge = use_cases.issue_badge(uow, holder.member_id, "python", SETTINGS, key)
    credential = badge.credential
    assert credential["@context"][1] == (
        "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json")
    assert credential["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    assert credential["issuer"] == {"id": key.did, "type": ["Profile"],
                                    "name": SETTINGS.coop_name}
    subject = credential["credentialSubject"]
    assert subject["id"] == f"urn:uuid:{holder.member_id}"
    assert subject["achievement"]["id"] == "urn:multitalent:skill:python:level:4"
    assert subject["result"][0]["achievedLevel"].endswith(":levels:4")
    assert [e["id"] for e in credential["evidence"]] == [
        f"urn:uuid:{i}" for i in badge.evidence]
    assert credential["proof"]["cryptosuite"] == "eddsa-jcs-2022"
    assert credential["proof"]["proofValue"].startswith("z")
    result = use_cases.verify_badge(uow, json.loads(json.dumps(credential)), key)
    assert (result.verified, result.reason) == (True, None)


def tampered(credential: dict, change) -> dict:
    copied = copy.deepcopy(credential)
    change(copied)
    return copied


def nested(depth: int) -> list:
    value: list = []
    for _ in range(depth):
        value = [value]
    return value


def one_byte(text: str) -> str:
    return text[:-1] + ("A" if text[-1] != "A" else "B")


@pytest.mark.parametrize("change, reason", [
    (lambda c: c["credentialSubject"]["achievement"].update(name="python — level 5"),
     "signature does not match"),
    (lambda c: c.update(validFrom=one_byte(c["validFrom"])), "signature does not match"),
    (lambda c: c["proof"].update(proofValue=one_byte(c["proof"]["proofValue"])),
     "signature does not match"),
    (lambda c: c["proof"].update(created="2020-01-01T00:00:00Z"), "signature does not match"),
    (lambda c: c["proof"].update(verificationMethod="did:key:z6MkOther#z6MkOther"),
     "not signed with this coop's key"),
    (lambda c: c["proof"].update(proofValue="not multibase"), "proof value is malformed"),
    (lambda c: c.pop("proof"), "has no proof"),
    (lambda c: c.update(extra=1.5), "never signs"),
    (lambda c: c.update({"@context": ["https://www.w3.org/ns/credentials/v2"]}), "@context"),
    (lambda c: c["proof"].update(proofValue="z" + "2" * 5000), "proof value is malformed"),
    (lambda c: c.update(deep=nested(5000)), "nested too deeply"),
])
def test_a_tampered_credential_does_not_verify_and_says_why(uow, key, verified_member, change,
                                                            reason):
    holder, _ = verified_member
    credential = use_cases.issue_badge(uow, holder.member_id, "python", SETTINGS,
                                       key).credential
    result = use_cases.verify_badge(uow, tampered(credential, change), key)
    assert not result.verified
    assert reason in result.reason


@pytest.mark.parametrize("presented", [None, "a string", [], 42, {"proof": "x"},
                                       {"proof": {"type": "DataIntegrityProof"}}])
def test_anything_presented_gets_an_answer_never_an_error(uow, key, presented):
    result = use_cases.verify_badge(uow, presented, key)
    assert not result.verified and result.reason


def test_a_revoked_badge_no_longer_verifies(uow, key, verified_member):
    holder, _ = verified_member
    badge = use_cases.issue_badge(uow, holder.member_id, "python", SETTINGS, key)
    use_cases.revoke_badge(uow, holder.member_id, badge.id, "Issued by mistake.")
    result = use_cases.verify_badge(uow, badge.credential, key)
    assert not result.verified
    assert "revoked" in result.reason and "Issued by mistake." in result.reason
    with pytest.raises(BadgeAlreadyRevoked):
        use_cases.revoke_badge(uow, None, badge.id, "again")


def test_another_coops_key_or_an_unknown_badge_does_not_verify(uow, key, verified_member):
    holder, _ = verified_member
    badge = use_cases.issue_badge(uow, holder.member_id, "python", SETTINGS, key)
    other = SigningKey(Ed25519PrivateKey.generate())
    assert not use_cases.verify_badge(uow, badge.credential, other).verified
    assert "no record" in use_cases.verify_badge(FakeUnitOfWork(), badge.credential,
                                                 key).reason


def test_after_a_key_rotation_badges_signed_with_the_former_key_still_verify(
        uow, key, verified_member):
    holder, _ = verified_member
    before = use_cases.issue_badge(uow, holder.member_id, "python", SETTINGS, key)
    rotated = SigningKey(Ed25519PrivateKey.generate())
    former = (VerifyingKey.from_did(key.did),)  # what the operator keeps: its did:key
    assert use_cases.verify_badge(uow, before.credential, rotated, former).verified
    unkept = use_cases.verify_badge(uow, before.credential, rotated)
    assert not unkept.verified and "not signed with this coop's key" in unkept.reason
    after = use_cases.issue_badge(uow, holder.member_id, "python", SETTINGS, rotated)
    assert after.credential["proof"]["verificationMethod"] == rotated.verification_method
    assert use_cases.verify_badge(uow, after.credential, rotated, former).verified
    # a former key vouches only for what it signed, unchanged
    assert not use_cases.verify_badge(uow, tampered(
        before.credential, lambda c: c["credentialSubject"].update(name="Someone Else")),
                                      rotated, former).verified


@pytest.mark.parametrize("did", ["z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK",
                                 "did:key:6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK",
                                 "did:key:zQ3shokFTS3brHcDQrn82RUDfCZESWL1ZdCEJwekUDPQiYBme",
                                 "did:key:z6Mk", "did:web:example.org"])
def test_a_did_that_names_no_ed25519_key_is_refused(did):
    with pytest.raises(ValueError, match="did:key"):
        VerifyingKey.from_did(did)


def test_a_did_key_names_the_same_key_both_ways():
    key = SigningKey(Ed25519PrivateKey.from_private_bytes(RFC8032_SECRET))
    assert VerifyingKey.from_did(key.did).public_bytes == RFC8032_PUBLIC
    assert VerifyingKey.from_did(key.did).verification_method == key.verification_method


def test_only_a_verified_skill_becomes_a_badge(uow, key):
    holder = member(uow, "Unverified", python=5)
    with pytest.raises(SkillNotVerified):
        use_cases.issue_badge(uow, holder.member_id, "python", SETTINGS, key)


def test_a_badge_is_revoked_when_its_level_is_no_longer_verified(uow, key, verified_member):
    holder, endorsers = verified_member
    badge = use_cases.issue_badge(uow, holder.member_id, "python", SETTINGS, key)
    endorsement = next(e for e in uow.stored("endorsements").values()
                       if e.endorser_id == endorsers[0].member_id)
    use_cases.withdraw_endorsement(uow, endorsement.id, endorsers[0].member_id)
    revoked = use_cases.get_badge(uow, holder.member_id, badge.id)
    assert revoked.is_revoked
    result = use_cases.verify_badge(uow, badge.credential, key)
    assert not result.verified and "lowered or withdrawn" in result.reason

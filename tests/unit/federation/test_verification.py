"""Checking a partner's message: each rule, by name, as an example."""

import base64
from dataclasses import replace
from datetime import timedelta

import pytest

from services.federation.domain import rules, signing
from services.federation.domain.keys import KeyPair, PublicKey
from services.federation.domain.rules import RULES
from services.federation.domain.verification import Delivery, read, verify
from tests.unit.federation.builders import (
    COOP_A,
    NOW,
    SKILL_SUPPLY,
    delivery,
    event,
    partner,
)

KEY_A = KeyPair.generate()
PARTNER_A = partner(KEY_A)


def check(message: Delivery, known=PARTNER_A, now=NOW):
    return verify(read(message), known, now)


def rejected_by(message: Delivery, known=PARTNER_A, now=NOW) -> str:
    with pytest.raises(rules.Rejection) as raised:
        check(message, known, now)
    return raised.value.rule


def test_a_message_signed_by_the_partner_just_now_is_accepted():
    sent = event()
    assert check(delivery(KEY_A, sent)) == sent


def test_the_signature_covers_id_timestamp_and_body_in_the_standard_webhooks_form():
    message = delivery(KEY_A)
    headers = message.headers
    assert headers[signing.SIGNATURE_HEADER].startswith("v1a,")
    content = f"{headers['webhook-id']}.{headers['webhook-timestamp']}.".encode() + message.body
    signature = base64.b64decode(headers[signing.SIGNATURE_HEADER].removeprefix("v1a,"))
    assert KEY_A.public.verifies(signature, content)
    assert headers[signing.KEY_ID_HEADER] == KEY_A.key_id


def test_a_forged_signature_is_a_signature_mismatch():
    message = delivery(KEY_A)
    forged = base64.b64encode(b"\x00" * 64).decode()
    headers = {**message.headers, signing.SIGNATURE_HEADER: f"v1a,{forged}"}
    assert rejected_by(Delivery(message.body, headers)) == "SignatureMismatch"


def test_a_message_signed_with_another_key_under_the_partners_key_id_is_a_mismatch():
    impostor = KeyPair.generate()
    message = delivery(impostor)
    headers = {**message.headers, signing.KEY_ID_HEADER: KEY_A.key_id}
    assert rejected_by(Delivery(message.body, headers)) == "SignatureMismatch"


def test_a_key_the_partner_never_registered_is_unknown():
    assert rejected_by(delivery(KeyPair.generate())) == "UnknownSigningKey"


def test_a_retired_key_no_longer_verifies_but_the_new_one_does():
    new_key = KeyPair.generate()
    rotated = PARTNER_A.with_key(new_key.public, NOW).with_key_retired(KEY_A.key_id, NOW)
    assert rejected_by(delivery(KEY_A), known=rotated) == "SigningKeyRetired"
    assert check(delivery(new_key), known=rotated)


def test_during_a_rotation_both_keys_verify():
    new_key = KeyPair.generate()
    both = PARTNER_A.with_key(new_key.public, NOW)
    assert check(delivery(KEY_A), known=both) and check(delivery(new_key), known=both)


def test_a_body_changed_after_signing_is_a_mismatch():
    message = delivery(KEY_A)
    tampered = message.body.replace(b'"min_level": 4', b'"min_level": 1')
    assert tampered != message.body
    assert rejected_by(Delivery(tampered, message.headers)) == "SignatureMismatch"


def test_a_changed_timestamp_header_is_a_mismatch():
    message = delivery(KEY_A)
    later = str(int(message.headers["webhook-timestamp"]) + 60)
    headers = {**message.headers, "webhook-timestamp": later}
    assert rejected_by(Delivery(message.body, headers)) == "SignatureMismatch"


def test_a_signature_older_than_five_minutes_is_too_old():
    assert check(delivery(KEY_A, at=NOW - timedelta(minutes=4, seconds=59)))
    stale = delivery(KEY_A, at=NOW - timedelta(minutes=5, seconds=2))
    assert rejected_by(stale) == "TimestampTooOld"


def test_a_signature_from_the_future_is_refused_beyond_a_small_clock_skew():
    assert check(delivery(KEY_A, at=NOW + timedelta(seconds=20)))
    assert rejected_by(delivery(KEY_A, at=NOW + timedelta(minutes=2))) == "TimestampInFuture"


def test_an_event_from_a_coop_that_is_no_partner_is_refused():
    assert rejected_by(delivery(KEY_A), known=None) == "UnknownPartner"


def test_a_partner_may_send_only_the_types_we_accept_from_it():
    supply = event(event_type=SKILL_SUPPLY, data={"as_of": "2026-11-01", "skills": []})
    assert rejected_by(delivery(KEY_A, supply)) == "EventTypeNotAllowed"


def test_the_signed_id_must_be_the_events_id():
    assert rejected_by(delivery(KEY_A, message_id="another-id")) == "IdMismatch"


@pytest.mark.parametrize("header", ["webhook-id", "webhook-timestamp", "webhook-signature",
                                    "webhook-key-id"])
def test_a_missing_signature_header_is_malformed(header):
    message = delivery(KEY_A)
    headers = {name: value for name, value in message.headers.items() if name != header}
    assert rejected_by(Delivery(message.body, headers)) == "MalformedMessage"


def test_a_timestamp_that_is_no_number_is_malformed():
    message = delivery(KEY_A)
    headers = {**message.headers, "webhook-timestamp": "yesterday"}
    assert rejected_by(Delivery(message.body, headers)) == "MalformedMessage"


def test_signatures_of_other_versions_are_skipped_and_any_v1a_one_may_match():
    message = delivery(KEY_A)
    good = message.headers["webhook-signature"]
    headers = {**message.headers, "webhook-signature": f"v1,c2VjcmV0 v1a,AAAA {good}"}
    assert check(Delivery(message.body, headers))


def test_a_public_key_is_32_bytes_in_base64_and_its_id_is_derived_from_it():
    key = KeyPair.generate()
    assert PublicKey.from_base64(key.public.base64) == key.public
    assert len(key.key_id) == 16 and key.key_id == key.public.key_id
    with pytest.raises(ValueError):
        PublicKey.from_base64(base64.b64encode(b"short").decode())
    with pytest.raises(ValueError):
        PublicKey.from_base64("not base64!")


def test_the_rules_are_named_and_listed_in_the_order_they_are_checked():
    assert [rule.__name__ for rule in RULES] == [
        "MalformedMessage", "UnknownPartner", "UnknownSigningKey", "SigningKeyRetired",
        "SignatureMismatch", "IdMismatch", "TimestampTooOld", "TimestampInFuture",
        "EventTypeNotAllowed", "DataDoesNotMatchSchema", "EventReplayed"]
    assert rules.TimestampTooOld("late").rule == "TimestampTooOld"
    assert rules.TimestampTooOld("late").detail == "late"


def test_a_forged_message_from_an_unknown_coop_reports_the_partner_first():
    stranger = replace(event(), source="https://stranger.example/")
    assert rejected_by(delivery(KeyPair.generate(), stranger), known=None) == "UnknownPartner"
    assert stranger.source != COOP_A

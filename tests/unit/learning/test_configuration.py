"""The coop's settings and its signing key, from configuration or generated once."""

import base64
import stat
from decimal import Decimal

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from deploy.badge_key import current_did
from services.learning.configuration import settings_from
from services.learning.domain.badges.proof import SigningKey
from services.learning.signing_key import BadSigningKey, former_keys, load_or_create, pem


def test_settings_come_from_the_config_with_defaults(monkeypatch):
    monkeypatch.delenv("LEARNING_MAX_MENTEES", raising=False)
    monkeypatch.setenv("LEARNING_YEARLY_BUDGET", "750")
    settings = settings_from({"LEARNING_MAX_MENTEES": "5", "COOP_NAME": "De Kooperatie"})
    assert (settings.max_mentees, settings.yearly_budget, settings.approvals_needed,
            settings.coop_name) == (5, Decimal("750.00"), 2, "De Kooperatie")


def test_a_key_is_generated_once_private_to_its_owner(tmp_path):
    first = load_or_create(None, tmp_path)
    path = tmp_path / "learning_signing_key"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert load_or_create(None, tmp_path).did == first.did


def test_a_configured_key_is_pem_or_32_bytes_in_base64(tmp_path):
    key = Ed25519PrivateKey.generate()
    raw = base64.b64encode(key.private_bytes_raw()).decode()
    assert load_or_create(raw, tmp_path).did == load_or_create(pem(key), tmp_path).did
    assert not (tmp_path / "learning_signing_key").exists()
    for bad in ("c2hvcnQ=", "not base64 at all", "-----BEGIN PRIVATE KEY-----\nxx\n"):
        with pytest.raises((BadSigningKey, ValueError)):
            load_or_create(bad, tmp_path)


def test_former_badge_keys_are_did_keys_between_commas_or_spaces():
    first, second = (SigningKey(Ed25519PrivateKey.generate()) for _ in range(2))
    keys = former_keys(f" {first.did},{second.did}\n")
    assert [key.did for key in keys] == [first.did, second.did]
    assert former_keys(None) == former_keys("") == ()


def test_a_former_badge_key_that_is_no_ed25519_did_key_stops_the_service():
    with pytest.raises(BadSigningKey, match="LEARNING_FORMER_BADGE_KEYS: 'did:web:x.org'"):
        former_keys("did:web:x.org")


def test_the_operator_reads_the_did_key_to_keep_before_rotating(monkeypatch, tmp_path):
    key = Ed25519PrivateKey.generate()
    monkeypatch.setenv("LEARNING_SIGNING_KEY", base64.b64encode(key.private_bytes_raw()).decode())
    monkeypatch.setenv("MULTITALENT_VAR_DIR", str(tmp_path))
    assert current_did() == SigningKey(key).did

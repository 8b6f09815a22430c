"""Our signing key (configured, or generated into var/) and the service's settings."""

import base64
import os
import stat

import pytest

from services.federation.configuration import settings_from
from services.federation.domain.keys import KeyPair
from services.federation.signing_key import BadSigningKey, our_keys, parse_key, pem


def test_a_configured_key_is_base64_of_32_bytes_or_pem():
    key = KeyPair.generate()
    raw = base64.b64encode(key.private_key.private_bytes_raw()).decode()
    assert parse_key(raw).key_id == key.key_id
    assert parse_key(pem(key)).key_id == key.key_id
    with pytest.raises(BadSigningKey):
        parse_key("c2hvcnQ=")


def test_without_a_configured_key_one_is_generated_once_into_var(tmp_path, monkeypatch):
    monkeypatch.delenv("FEDERATION_SIGNING_KEY", raising=False)
    monkeypatch.delenv("FEDERATION_NEXT_SIGNING_KEY", raising=False)
    first = our_keys({"MULTITALENT_VAR_DIR": str(tmp_path)})
    again = our_keys({"MULTITALENT_VAR_DIR": str(tmp_path)})
    assert first.current.key_id == again.current.key_id and first.next is None
    mode = stat.S_IMODE(os.stat(tmp_path / "federation_signing_key").st_mode)
    assert mode == 0o600


def test_the_next_key_is_announced_but_the_current_one_signs(tmp_path):
    current, upcoming = KeyPair.generate(), KeyPair.generate()
    keys = our_keys({"MULTITALENT_VAR_DIR": str(tmp_path),
                     "FEDERATION_SIGNING_KEY": pem(current),
                     "FEDERATION_NEXT_SIGNING_KEY": pem(upcoming)})
    assert (keys.current.key_id, keys.next.key_id) == (current.key_id, upcoming.key_id)


def test_settings_come_from_the_nameko_config_before_the_environment(monkeypatch):
    monkeypatch.setenv("COOP_URI", "https://from-env.example/")
    assert settings_from({}).coop_uri == "https://from-env.example/"
    settings = settings_from({"COOP_URI": "https://coop.example/"})
    assert settings.coop_uri == "https://coop.example/"
    assert settings.inbound_exchange == "federation.inbound"

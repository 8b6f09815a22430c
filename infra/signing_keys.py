"""The Ed25519 private key a service signs with: from a setting, or generated once.

A setting (nameko config, else the environment) holds a PEM private key or the key's
32 raw bytes in base64. Without one, the key is generated once into `var/<key file>`
(PEM, mode 0600, never committed), as the operator token is. Every replica of a
service must use the same key: in Compose, set the setting.
"""

import base64
import binascii
import os
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from infra import config


class BadSigningKey(ValueError):
    """A configured key is neither an Ed25519 PEM key nor 32 bytes in base64."""


def parse_ed25519(text: str, setting: str) -> Ed25519PrivateKey:
    """The key in `text`; `setting` names where it came from, for the error."""
    text = text.strip()
    if text.startswith("-----BEGIN"):
        key = serialization.load_pem_private_key(text.encode(), password=None)
        if not isinstance(key, Ed25519PrivateKey):
            raise BadSigningKey(f"{setting} is a PEM key, but not an Ed25519 one.")
        return key
    try:
        raw = base64.b64decode(text, validate=True)
    except binascii.Error:
        raw = b""
    if len(raw) != 32:
        raise BadSigningKey(f"{setting} must be an Ed25519 PEM private key or its 32 raw bytes "
                            "in base64.")
    return Ed25519PrivateKey.from_private_bytes(raw)


def pem(key: Ed25519PrivateKey) -> str:
    return key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                             serialization.NoEncryption()).decode()


def load_or_create(configured: str | None, var_dir: Path, key_file: str,
                   setting: str) -> Ed25519PrivateKey:
    """The configured key, else the one in `var_dir/key_file`, made there the first time."""
    if configured:
        return parse_ed25519(configured, setting)
    path = var_dir / key_file
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:  # another process made it meanwhile
            pass
        else:
            with os.fdopen(fd, "w") as file:
                file.write(pem(Ed25519PrivateKey.generate()))
    return parse_ed25519(path.read_text(), setting)


def setting(nameko_config: dict, name: str) -> str | None:
    """A key setting from the nameko config, else the environment."""
    return nameko_config.get(name) or os.environ.get(name) or None


def var_dir_of(nameko_config: dict) -> Path:
    given = nameko_config.get("MULTITALENT_VAR_DIR")
    return Path(given) if given else config.var_dir()

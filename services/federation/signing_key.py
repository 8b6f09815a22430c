"""Our Ed25519 key pair for signing what we send to partner coops.

Taken from `FEDERATION_SIGNING_KEY` (nameko config or environment): a PEM private key,
or the 32-byte raw key in base64. Otherwise generated once into
`var/federation_signing_key` (PEM, mode 0600, never committed), as learning's badge key
is. Every replica must use the same key: in Compose, set `FEDERATION_SIGNING_KEY`.

`FEDERATION_NEXT_SIGNING_KEY` (optional) is announced in our identity but signs nothing
yet: partners add it, then we make it the signing key, then partners retire the old one.
"""

import base64
import binascii
import os
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from nameko.extensions import DependencyProvider

from infra import config
from services.federation.domain.keys import KeyPair

KEY_FILE = "federation_signing_key"


class BadSigningKey(ValueError):
    """A configured key is neither an Ed25519 PEM key nor 32 bytes in base64."""


@dataclass(frozen=True)
class OurKeys:
    current: KeyPair
    next: KeyPair | None = None


def parse_key(text: str, name: str = "FEDERATION_SIGNING_KEY") -> KeyPair:
    text = text.strip()
    if text.startswith("-----BEGIN"):
        key = serialization.load_pem_private_key(text.encode(), password=None)
        if not isinstance(key, Ed25519PrivateKey):
            raise BadSigningKey(f"{name} is a PEM key, but not an Ed25519 one.")
        return KeyPair(key)
    try:
        raw = base64.b64decode(text, validate=True)
    except binascii.Error:
        raw = b""
    if len(raw) != 32:
        raise BadSigningKey(f"{name} must be an Ed25519 PEM private key or its 32 raw bytes "
                            "in base64.")
    return KeyPair(Ed25519PrivateKey.from_private_bytes(raw))


def pem(key: KeyPair) -> str:
    return key.private_key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption()).decode()


def load_or_create(configured: str | None, var_dir: Path) -> KeyPair:
    if configured:
        return parse_key(configured)
    path = var_dir / KEY_FILE
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:  # another process made it meanwhile
            pass
        else:
            with os.fdopen(fd, "w") as file:
                file.write(pem(KeyPair.generate()))
    return parse_key(path.read_text())


def our_keys(nameko_config: dict) -> OurKeys:
    def value(key: str) -> str | None:
        return nameko_config.get(key) or os.environ.get(key) or None

    var_dir = Path(nameko_config["MULTITALENT_VAR_DIR"]) if nameko_config.get(
        "MULTITALENT_VAR_DIR") else config.var_dir()
    upcoming = value("FEDERATION_NEXT_SIGNING_KEY")
    return OurKeys(load_or_create(value("FEDERATION_SIGNING_KEY"), var_dir),
                   parse_key(upcoming, "FEDERATION_NEXT_SIGNING_KEY") if upcoming else None)


class SigningKeys(DependencyProvider):
    def setup(self):
        self.keys = our_keys(self.container.config)

    def get_dependency(self, worker_ctx):
        return self.keys

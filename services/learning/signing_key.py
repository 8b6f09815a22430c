"""The coop's Ed25519 signing key for badges.

Taken from `LEARNING_SIGNING_KEY` (nameko config or environment): a PEM private
key, or the 32-byte raw key in base64. Otherwise generated once into
`var/learning_signing_key` (PEM, mode 0600, never committed), as the operator
token is. Every replica of the service must use the same key: in Compose, set
`LEARNING_SIGNING_KEY`.
"""

import base64
import binascii
import os
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from nameko.extensions import DependencyProvider

from infra import config
from services.learning.domain.badges.proof import SigningKey

KEY_FILE = "learning_signing_key"


class BadSigningKey(ValueError):
    """LEARNING_SIGNING_KEY is neither an Ed25519 PEM key nor 32 bytes in base64."""


def parse_key(text: str) -> Ed25519PrivateKey:
    text = text.strip()
    if text.startswith("-----BEGIN"):
        key = serialization.load_pem_private_key(text.encode(), password=None)
        if not isinstance(key, Ed25519PrivateKey):
            raise BadSigningKey("LEARNING_SIGNING_KEY is a PEM key, but not an Ed25519 one.")
        return key
    try:
        raw = base64.b64decode(text, validate=True)
    except binascii.Error:
        raw = b""
    if len(raw) != 32:
        raise BadSigningKey("LEARNING_SIGNING_KEY must be an Ed25519 PEM private key or its "
                            "32 raw bytes in base64.")
    return Ed25519PrivateKey.from_private_bytes(raw)


def pem(key: Ed25519PrivateKey) -> str:
    return key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                             serialization.NoEncryption()).decode()


def load_or_create(configured: str | None, var_dir: Path) -> SigningKey:
    if configured:
        return SigningKey(parse_key(configured))
    path = var_dir / KEY_FILE
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:  # another process made it meanwhile
            pass
        else:
            with os.fdopen(fd, "w") as file:
                file.write(pem(Ed25519PrivateKey.generate()))
    return SigningKey(parse_key(path.read_text()))


class CoopSigningKey(DependencyProvider):
    def setup(self):
        settings = self.container.config
        configured = settings.get("LEARNING_SIGNING_KEY") or os.environ.get(
            "LEARNING_SIGNING_KEY")
        var_dir = Path(settings["MULTITALENT_VAR_DIR"]) if settings.get(
            "MULTITALENT_VAR_DIR") else config.var_dir()
        self.key = load_or_create(configured, var_dir)

    def get_dependency(self, worker_ctx):
        return self.key

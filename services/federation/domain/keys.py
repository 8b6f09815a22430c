"""Ed25519 keys of coops: our key pair, and partners' public keys, each named by a key id.

A key id is derived from the public key itself (the first 16 characters of its SHA-256
in URL-safe base64, 96 bits), so both sides compute the same id without agreeing on one.
"""

import base64
import binascii
import hashlib
from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)

RAW_KEY_BYTES = 32


class NotAPublicKey(ValueError):
    """The text is not an Ed25519 public key: 32 bytes in standard base64."""


def key_id_of(raw_public_key: bytes) -> str:
    digest = hashlib.sha256(raw_public_key).digest()
    return base64.urlsafe_b64encode(digest).decode()[:16]


@dataclass(frozen=True)
class PublicKey:
    raw: bytes

    @classmethod
    def from_base64(cls, text: str) -> "PublicKey":
        try:
            raw = base64.b64decode(text.strip(), validate=True)
        except (binascii.Error, ValueError, AttributeError):
            raise NotAPublicKey("Not base64.") from None
        if len(raw) != RAW_KEY_BYTES:
            raise NotAPublicKey(f"An Ed25519 public key has {RAW_KEY_BYTES} bytes, "
                                f"not {len(raw)}.")
        return cls(raw)

    @property
    def key_id(self) -> str:
        return key_id_of(self.raw)

    @property
    def base64(self) -> str:
        return base64.b64encode(self.raw).decode()

    def verifies(self, signature: bytes, content: bytes) -> bool:
        try:
            Ed25519PublicKey.from_public_bytes(self.raw).verify(signature, content)
        except (InvalidSignature, ValueError):
            return False
        return True


@dataclass(frozen=True)
class KeyPair:
    """Our own key: signs what we send; its public half is what partners register."""

    private_key: Ed25519PrivateKey

    @classmethod
    def generate(cls) -> "KeyPair":
        return cls(Ed25519PrivateKey.generate())

    @property
    def public(self) -> PublicKey:
        return PublicKey(self.private_key.public_key().public_bytes_raw())

    @property
    def key_id(self) -> str:
        return self.public.key_id

    def sign(self, content: bytes) -> bytes:
        return self.private_key.sign(content)

"""Data Integrity proofs with the `eddsa-jcs-2022` cryptosuite, signed with the coop's key.

As the W3C "Data Integrity EdDSA Cryptosuites v1.0" specifies it:

- proof options: `type` "DataIntegrityProof", `cryptosuite` "eddsa-jcs-2022",
  `created`, `verificationMethod` (the coop's did:key), `proofPurpose`
  "assertionMethod", and the credential's `@context`;
- signed bytes: SHA-256(JCS(proof options)) ‖ SHA-256(JCS(credential without `proof`));
- `proofValue`: the Ed25519 signature (64 bytes) as multibase base58btc (`z…`).

The coop's key is published as `did:key:z6Mk…` (multicodec ed25519-pub 0xed01 +
the 32-byte public key); the verification method is `did:key:<key>#<key>`.

**Rotation.** The coop signs with one key; it verifies with that key and with the former
keys it still stands behind (`VerifyingKey.from_did`, the did:key of a key it no longer
signs with), so the badges issued before a rotation keep verifying. The key that signed
is the one the proof's `verificationMethod` names.
"""

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)

from services.learning.domain.badges import multibase
from services.learning.domain.badges.canonical import canonical

PROOF_TYPE = "DataIntegrityProof"
CRYPTOSUITE = "eddsa-jcs-2022"
PROOF_PURPOSE = "assertionMethod"
ED25519_PUB_MULTICODEC = b"\xed\x01"
MAX_PROOF_VALUE_LENGTH = 100  # a 64-byte signature is at most 88 base58 characters


class ProofError(Exception):
    """Why a proof does not verify, in words a person presenting the credential reads."""


DID_KEY = "did:key:"


@dataclass(frozen=True)
class VerifyingKey:
    """An Ed25519 public key of the coop and the did:key that names it."""

    public_key: Ed25519PublicKey

    @classmethod
    def from_did(cls, did: str) -> "VerifyingKey":
        """The key `did:key:z6Mk…` names; `ValueError` saying why when it names none."""
        if not isinstance(did, str) or not did.startswith(DID_KEY):
            raise ValueError(f"{did!r} is not a did:key")
        try:
            raw = multibase.decode(did.removeprefix(DID_KEY))
        except ValueError as error:
            raise ValueError(f"{did!r} is not a did:key: {error}") from None
        if not raw.startswith(ED25519_PUB_MULTICODEC) or len(raw) != 34:
            raise ValueError(f"{did!r} is not the did:key of an Ed25519 public key")
        return cls(Ed25519PublicKey.from_public_bytes(raw[2:]))

    @property
    def public_bytes(self) -> bytes:
        return self.public_key.public_bytes_raw()

    @property
    def did(self) -> str:
        return DID_KEY + multibase.encode(ED25519_PUB_MULTICODEC + self.public_bytes)

    @property
    def verification_method(self) -> str:
        return f"{self.did}#{self.did.removeprefix(DID_KEY)}"


@dataclass(frozen=True)
class SigningKey:
    """The coop's Ed25519 key: the private half signs, the public half is its did:key."""

    private_key: Ed25519PrivateKey

    @property
    def verifying_key(self) -> VerifyingKey:
        return VerifyingKey(self.private_key.public_key())

    @property
    def public_bytes(self) -> bytes:
        return self.verifying_key.public_bytes

    @property
    def did(self) -> str:
        return self.verifying_key.did

    @property
    def verification_method(self) -> str:
        return self.verifying_key.verification_method


def _hash_data(options: dict, document: dict) -> bytes:
    return hashlib.sha256(canonical(options)).digest() + hashlib.sha256(
        canonical(document)).digest()


def sign(document: dict, key: SigningKey, created: datetime) -> dict:
    """`document` with a `proof` added (the document itself is left unchanged)."""
    options = {
        "type": PROOF_TYPE,
        "cryptosuite": CRYPTOSUITE,
        "created": created.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "verificationMethod": key.verification_method,
        "proofPurpose": PROOF_PURPOSE,
    }
    if "@context" in document:
        options["@context"] = document["@context"]
    signature = key.private_key.sign(_hash_data(options, document))
    return {**document, "proof": {**options, "proofValue": multibase.encode(signature)}}


def verify(secured: dict, keys: Iterable[VerifyingKey]) -> None:
    """Return if `secured` carries a valid proof by one of the coop's `keys` (the one it
    signs with now and its former ones); else `ProofError` saying why."""
    proof = secured.get("proof")
    if not isinstance(proof, dict):
        raise ProofError("The credential has no proof.")
    if proof.get("type") != PROOF_TYPE or proof.get("cryptosuite") != CRYPTOSUITE:
        raise ProofError(f"The proof is not a {PROOF_TYPE} with {CRYPTOSUITE}.")
    if proof.get("proofPurpose") != PROOF_PURPOSE:
        raise ProofError(f"The proof's purpose is not {PROOF_PURPOSE}.")
    key = next((k for k in keys if k.verification_method == proof.get("verificationMethod")),
               None)
    if key is None:
        raise ProofError("The credential was not signed with this coop's key.")
    proof_value = proof.get("proofValue")
    if not isinstance(proof_value, str) or len(proof_value) > MAX_PROOF_VALUE_LENGTH:
        raise ProofError("The proof value is malformed: not a base58btc Ed25519 signature.")
    try:
        signature = multibase.decode(proof_value)
    except ValueError as error:
        raise ProofError(f"The proof value is malformed: {error}.") from None
    options = {name: value for name, value in proof.items() if name != "proofValue"}
    document = {name: value for name, value in secured.items() if name != "proof"}
    if "@context" in options and document.get("@context") != options["@context"]:
        raise ProofError("The credential's @context differs from the one that was signed.")
    try:
        signed = _hash_data(options, document)
    except ValueError as error:
        raise ProofError(f"The credential holds values this coop never signs: {error}.") \
            from None
    try:
        key.public_key.verify(signature, signed)
    except InvalidSignature:
        raise ProofError("The signature does not match: the credential was changed after it "
                         "was issued, or not issued by this coop.") from None

"""The coop's Ed25519 signing key for badges: `LEARNING_SIGNING_KEY`, or generated once
into `var/learning_signing_key` (see `infra.signing_keys`). Every replica of the service
must use the same key: in Compose, set `LEARNING_SIGNING_KEY`.

The keys it signed with before a rotation: `LEARNING_FORMER_BADGE_KEYS`, their did:keys
(`did:key:z6Mk…`, the `issuer.id` of a badge they signed), separated by commas or
whitespace. Badges they signed keep verifying; nothing is signed with them. A value that
is no Ed25519 did:key stops the service at start, naming it.
"""

from pathlib import Path

from nameko.extensions import DependencyProvider

from infra import signing_keys
from infra.signing_keys import BadSigningKey, pem
from services.learning.domain.badges.proof import SigningKey, VerifyingKey

KEY_FILE = "learning_signing_key"
SETTING = "LEARNING_SIGNING_KEY"
FORMER_KEYS_SETTING = "LEARNING_FORMER_BADGE_KEYS"

__all__ = ["BadSigningKey", "CoopSigningKey", "FormerBadgeKeys", "former_keys",
           "load_or_create", "pem"]


def load_or_create(configured: str | None, var_dir: Path) -> SigningKey:
    return SigningKey(signing_keys.load_or_create(configured, var_dir, KEY_FILE, SETTING))


class CoopSigningKey(DependencyProvider):
    def setup(self):
        settings = self.container.config
        self.key = load_or_create(signing_keys.setting(settings, SETTING),
                                  signing_keys.var_dir_of(settings))

    def get_dependency(self, worker_ctx):
        return self.key


def former_keys(configured: str | None) -> tuple[VerifyingKey, ...]:
    """The did:keys in `configured` (commas or whitespace between them)."""
    keys = []
    for did in (configured or "").replace(",", " ").split():
        try:
            keys.append(VerifyingKey.from_did(did))
        except ValueError as error:
            raise BadSigningKey(f"{FORMER_KEYS_SETTING}: {error}.") from None
    return tuple(keys)


class FormerBadgeKeys(DependencyProvider):
    """The public keys of badges signed before a key rotation, verified but never used."""

    def setup(self):
        self.keys = former_keys(signing_keys.setting(self.container.config,
                                                     FORMER_KEYS_SETTING))

    def get_dependency(self, worker_ctx):
        return self.keys

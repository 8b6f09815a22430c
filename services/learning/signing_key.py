"""The coop's Ed25519 signing key for badges: `LEARNING_SIGNING_KEY`, or generated once
into `var/learning_signing_key` (see `infra.signing_keys`). Every replica of the service
must use the same key: in Compose, set `LEARNING_SIGNING_KEY`.
"""

from pathlib import Path

from nameko.extensions import DependencyProvider

from infra import signing_keys
from infra.signing_keys import BadSigningKey, pem
from services.learning.domain.badges.proof import SigningKey

KEY_FILE = "learning_signing_key"
SETTING = "LEARNING_SIGNING_KEY"

__all__ = ["BadSigningKey", "CoopSigningKey", "load_or_create", "pem"]


def load_or_create(configured: str | None, var_dir: Path) -> SigningKey:
    return SigningKey(signing_keys.load_or_create(configured, var_dir, KEY_FILE, SETTING))


class CoopSigningKey(DependencyProvider):
    def setup(self):
        settings = self.container.config
        self.key = load_or_create(signing_keys.setting(settings, SETTING),
                                  signing_keys.var_dir_of(settings))

    def get_dependency(self, worker_ctx):
        return self.key

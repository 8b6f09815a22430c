"""Our Ed25519 key pair for signing what we send to partner coops.

`FEDERATION_SIGNING_KEY`, or generated once into `var/federation_signing_key` (see
`infra.signing_keys`). Every replica must use the same key: in Compose, set
`FEDERATION_SIGNING_KEY`.

`FEDERATION_NEXT_SIGNING_KEY` (optional) is announced in our identity but signs nothing
yet: partners add it, then we make it the signing key, then partners retire the old one.
"""

from dataclasses import dataclass
from pathlib import Path

from nameko.extensions import DependencyProvider

from infra import signing_keys
from infra.signing_keys import BadSigningKey
from services.federation.domain.keys import KeyPair

KEY_FILE = "federation_signing_key"
SETTING = "FEDERATION_SIGNING_KEY"
NEXT_SETTING = "FEDERATION_NEXT_SIGNING_KEY"

__all__ = ["BadSigningKey", "OurKeys", "SigningKeys", "load_or_create", "our_keys",
           "parse_key", "pem"]


@dataclass(frozen=True)
class OurKeys:
    current: KeyPair
    next: KeyPair | None = None


def parse_key(text: str, name: str = SETTING) -> KeyPair:
    return KeyPair(signing_keys.parse_ed25519(text, name))


def pem(key: KeyPair) -> str:
    return signing_keys.pem(key.private_key)


def load_or_create(configured: str | None, var_dir: Path) -> KeyPair:
    return KeyPair(signing_keys.load_or_create(configured, var_dir, KEY_FILE, SETTING))


def our_keys(nameko_config: dict) -> OurKeys:
    upcoming = signing_keys.setting(nameko_config, NEXT_SETTING)
    return OurKeys(load_or_create(signing_keys.setting(nameko_config, SETTING),
                                  signing_keys.var_dir_of(nameko_config)),
                   parse_key(upcoming, NEXT_SETTING) if upcoming else None)


class SigningKeys(DependencyProvider):
    def setup(self):
        self.keys = our_keys(self.container.config)

    def get_dependency(self, worker_ctx):
        return self.keys

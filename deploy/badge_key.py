"""Prints the did:key of the coop's badge signing key (`LEARNING_SIGNING_KEY`, else the
one in var/): before rotating the key, add it to `LEARNING_FORMER_BADGE_KEYS` so the
badges signed so far keep verifying.

    python -m deploy.badge_key
"""

import os

from infra import config
from services.learning.signing_key import SETTING, load_or_create


def current_did() -> str:
    return load_or_create(os.environ.get(SETTING), config.var_dir()).did


if __name__ == "__main__":
    print(current_did())

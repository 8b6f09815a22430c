"""Start one nameko service: `python -m deploy.start members`.

Used by the Procfile and the containers. It hides eventlet's own deprecation
notice (nameko 2 needs eventlet, see docs/adr/0001) and runs `nameko run` with
deploy/nameko.yml.
"""

import os
import sys
import warnings
from pathlib import Path

CONFIG = Path(__file__).with_name("nameko.yml")
SERVICES = {
    "members": "services.members.service:MembersService",
    "matching": "services.matching.service:MatchingService",
    "billing": "services.billing.service:BillingService",
    "learning": "services.learning.service:LearningService",
    "federation": "services.federation.service:FederationService",
    "gateway": "gateway.app:GatewayService",
}


def main(name: str) -> None:
    warnings.filterwarnings("ignore", message=r"\s*Eventlet is deprecated", category=Warning)
    os.environ.setdefault("MULTITALENT_SERVICE", name)
    from nameko.cli.main import main as nameko_main

    sys.argv = ["nameko", "run", "--config", str(CONFIG), SERVICES[name]]
    nameko_main()


if __name__ == "__main__":
    if len(sys.argv) != 2 or sys.argv[1] not in SERVICES:
        sys.exit(f"usage: python -m deploy.start {{{','.join(SERVICES)}}}")
    main(sys.argv[1])

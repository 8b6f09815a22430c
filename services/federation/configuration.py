"""Federation's settings, from the nameko config or the environment.

- `COOP_URI` (`urn:multitalent:coop:local`): this coop's identity, the `source` of every
  event it sends;
- `COOP_NAME` ("Multitalent cooperative"): the name partners see in our identity;
- `FEDERATION_INBOUND_EXCHANGE` (`federation.inbound`): where partners publish to us, on
  our broker (`AMQP_URI`);
- `FEDERATION_PUBLIC_AMQP_URI` (none): how partners reach our broker, without
  credentials; shown in our identity;
- `FEDERATION_RECEIVED_RETENTION_DAYS` (7): how long accepted partner events are kept
  (never less than the 5-minute replay window).
"""

import os
from dataclasses import dataclass
from datetime import timedelta

from nameko.extensions import DependencyProvider

from infra import config


@dataclass(frozen=True)
class FederationSettings:
    coop_uri: str
    coop_name: str
    inbound_exchange: str
    public_amqp_uri: str | None
    received_retention: timedelta = timedelta(days=7)


def settings_from(nameko_config: dict) -> FederationSettings:
    def value(key: str):
        found = nameko_config.get(key, os.environ.get(key))
        return None if found in (None, "") else str(found)

    return FederationSettings(
        coop_uri=value("COOP_URI") or config.coop_uri(),
        coop_name=value("COOP_NAME") or "Multitalent cooperative",
        inbound_exchange=value("FEDERATION_INBOUND_EXCHANGE")
        or config.federation_inbound_exchange(),
        public_amqp_uri=value("FEDERATION_PUBLIC_AMQP_URI"),
        received_retention=timedelta(days=float(value("FEDERATION_RECEIVED_RETENTION_DAYS")
                                                or 7)),
    )


class Settings(DependencyProvider):
    """The settings, read once when the service starts."""

    def setup(self):
        self.settings = settings_from(self.container.config)

    def get_dependency(self, worker_ctx):
        return self.settings

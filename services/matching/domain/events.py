"""Facts the matching service tells the others about."""

from dataclasses import dataclass

from services.matching.domain.client import Client


@dataclass(frozen=True)
class ClientRegistered:
    client: Client
    type = "client_registered"

    @property
    def subject(self) -> str:
        return self.client.id


@dataclass(frozen=True)
class ClientUpdated:
    client: Client
    type = "client_updated"

    @property
    def subject(self) -> str:
        return self.client.id

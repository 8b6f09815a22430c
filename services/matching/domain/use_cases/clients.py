"""Client organisations: registration and changes."""

from datetime import UTC, datetime

from services.matching.domain.client import Client
from services.matching.domain.errors import ClientNotFound
from services.matching.domain.events import ClientRegistered, ClientUpdated
from services.matching.domain.ports import UnitOfWork


def _now() -> datetime:
    return datetime.now(UTC)


def create_client(uow: UnitOfWork, details: dict) -> Client:
    with uow:
        client = Client.register(details, now=_now())
        uow.clients.add(client)
        uow.publish(ClientRegistered(client))
        uow.commit()
        return client


def get_client(uow: UnitOfWork, client_id: str) -> Client:
    with uow:
        client = uow.clients.get(client_id)
        if client is None:
            raise ClientNotFound(client_id)
        return client


def list_clients(uow: UnitOfWork, limit: int, cursor: str | None):
    with uow:
        return uow.clients.page(limit, cursor)


def update_client(uow: UnitOfWork, client_id: str, changes: dict) -> Client:
    with uow:
        client = uow.clients.get(client_id)
        if client is None:
            raise ClientNotFound(client_id)
        if client.change(changes, now=_now()):
            uow.clients.save(client)
            uow.publish(ClientUpdated(client))
            uow.commit()
        return client

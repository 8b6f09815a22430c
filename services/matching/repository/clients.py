"""Client organisations in SQL."""


from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from infra.errors import Conflict
from infra.pagination import Page, keyset_page
from services.matching.domain.client import Address, Client, ContactPerson
from services.matching.models import clients

_CLIENT_FIELDS = ("id", "name", "country", "vat_id", "kvk_number", "is_business",
                  "billing_email", "version", "created_at", "updated_at")


def _to_client(row) -> Client:
    return Client(
        **{name: getattr(row, name) for name in _CLIENT_FIELDS},
        address=Address(row.address_street, row.address_postal_code, row.address_city),
        contact=ContactPerson(row.contact_name, row.contact_email, row.contact_phone),
    )


def _client_row(client: Client) -> dict:
    return {
        **{name: getattr(client, name) for name in _CLIENT_FIELDS},
        "address_street": client.address.street,
        "address_postal_code": client.address.postal_code,
        "address_city": client.address.city,
        "contact_name": client.contact.name,
        "contact_email": client.contact.email,
        "contact_phone": client.contact.phone,
    }


class SqlClientRepository:
    def __init__(self, session: Session):
        self.session = session

    def add(self, client: Client) -> None:
        self.session.execute(insert(clients).values(_client_row(client)))

    def get(self, client_id: str) -> Client | None:
        row = self.session.execute(select(clients).where(clients.c.id == client_id)).first()
        return _to_client(row) if row else None

    def save(self, client: Client) -> None:
        result = self.session.execute(
            update(clients)
            .where(clients.c.id == client.id, clients.c.version == client.version - 1)
            .values(_client_row(client))
        )
        if result.rowcount != 1:
            raise Conflict(f"Client {client.id} was changed by someone else; try again.")

    def page(self, limit: int, cursor: str | None) -> Page:
        return keyset_page(self.session, select(clients), clients.c.seq, limit, cursor, _to_client)

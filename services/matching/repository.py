"""Candidates and clients stored in SQL: the only place that maps rows to domain objects."""

from datetime import UTC, datetime
from decimal import Decimal

from sqlalchemy import delete, insert, select, update
from sqlalchemy.orm import Session

from infra.errors import Conflict
from infra.pagination import Page, keyset_page
from services.matching.domain.candidate import Candidate
from services.matching.domain.client import Address, Client, ContactPerson
from services.matching.models import candidates, clients

_CANDIDATE_FIELDS = ("member_id", "version", "name", "city", "introduction", "hourly_rate",
                     "status")


class SqlCandidateRepository:
    def __init__(self, session: Session):
        self.session = session

    def get(self, member_id: str) -> Candidate | None:
        row = self.session.execute(
            select(candidates).where(candidates.c.member_id == member_id)
        ).first()
        if row is None:
            return None
        values = {name: getattr(row, name) for name in _CANDIDATE_FIELDS}
        if values["hourly_rate"] is not None:
            values["hourly_rate"] = Decimal(values["hourly_rate"])
        return Candidate(**values)

    def put(self, candidate: Candidate) -> None:
        same_member = candidates.c.member_id == candidate.member_id
        self.session.execute(delete(candidates).where(same_member))
        values = {name: getattr(candidate, name) for name in _CANDIDATE_FIELDS}
        self.session.execute(insert(candidates).values(updated_at=datetime.now(UTC), **values))


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

"""Billing's copies of the client organisations and members' names, and the payees of a
payout batch."""

from collections.abc import Iterable, Mapping
from datetime import UTC, datetime

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from services.billing.domain.parties import Address, ClientParty, MemberName
from services.billing.domain.ports import Payee
from services.billing.models import clients, member_names
from services.billing.repository.sql import conflict_on_duplicate


def client_values(client: ClientParty) -> dict:
    return {
        "id": client.id, "name": client.name, "street": client.address.street,
        "postal_code": client.address.postal_code, "city": client.address.city,
        "country": client.address.country, "is_business": client.is_business,
        "vat_id": client.vat_id, "kvk_number": client.kvk_number,
        "billing_email": client.billing_email, "version": client.version,
        "updated_at": datetime.now(UTC),
    }


def client_from_row(row) -> ClientParty:
    return ClientParty(
        id=row.id, name=row.name,
        address=Address(row.street, row.postal_code, row.city, row.country),
        is_business=row.is_business, vat_id=row.vat_id, kvk_number=row.kvk_number,
        billing_email=row.billing_email, version=row.version,
    )


class SqlClientRepository:
    def __init__(self, session: Session):
        self.session = session

    def get(self, client_id: str) -> ClientParty | None:
        row = self.session.execute(select(clients).where(clients.c.id == client_id)).first()
        return None if row is None else client_from_row(row)

    def put(self, client: ClientParty) -> None:
        """Insert, or replace only a copy with an older version (never go back)."""
        values = client_values(client)
        changed = self.session.execute(
            update(clients).where(clients.c.id == client.id, clients.c.version < client.version)
            .values(values)).rowcount
        if changed:
            return
        exists = self.session.execute(
            select(clients.c.id).where(clients.c.id == client.id)).first()
        if exists is None:
            with conflict_on_duplicate(f"Client {client.id} was recorded meanwhile."):
                self.session.execute(insert(clients), values)


class SqlMemberNameRepository:
    def __init__(self, session: Session):
        self.session = session

    def get(self, member_id: str) -> MemberName | None:
        row = self.session.execute(
            select(member_names).where(member_names.c.member_id == member_id)).first()
        return None if row is None else MemberName(row.member_id, row.name, row.version)

    def put(self, member: MemberName) -> None:
        """Insert, or replace only an older version (never go back)."""
        values = {"member_id": member.member_id, "name": member.name,
                  "version": member.version, "updated_at": datetime.now(UTC)}
        changed = self.session.execute(
            update(member_names).where(member_names.c.member_id == member.member_id,
                                       member_names.c.version < member.version)
            .values(values)).rowcount
        if changed:
            return
        exists = self.session.execute(select(member_names.c.member_id).where(
            member_names.c.member_id == member.member_id)).first()
        if exists is None:
            with conflict_on_duplicate(f"Member {member.member_id} was recorded meanwhile."):
                self.session.execute(insert(member_names), values)

    def names(self, member_ids: Iterable[str]) -> dict[str, str]:
        ids = sorted(set(member_ids))
        found = {}
        for start in range(0, len(ids), 500):  # keep IN lists short
            query = select(member_names.c.member_id, member_names.c.name).where(
                member_names.c.member_id.in_(ids[start:start + 500]),
                member_names.c.name.is_not(None))
            found.update({row.member_id: row.name for row in self.session.execute(query)
                          if row.name})
        return found


class PrefetchedPayees:
    """Payee details fetched from the members service *before* the transaction began
    (an RPC inside a transaction would hold its locks while waiting on the network)."""

    def __init__(self, payees: Mapping[str, Payee] | None = None):
        self.payees = dict(payees or {})

    def get(self, member_id: str) -> Payee | None:
        return self.payees.get(member_id)

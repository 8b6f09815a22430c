"""Partners and their keys, stored in SQL."""

from sqlalchemy import delete, insert, select, update
from sqlalchemy.orm import Session

from infra.errors import Conflict
from infra.pagination import Page, keyset_page
from services.federation.domain.keys import PublicKey
from services.federation.domain.partner import Address, BillingDetails, Partner, PartnerKey
from services.federation.models import partner_keys, partners


def _values(partner: Partner) -> dict:
    return {"id": partner.id, "coop_uri": partner.coop_uri, "name": partner.name,
            "address_uri": partner.address.uri, "address_exchange": partner.address.exchange,
            "accepted_types": sorted(partner.accepted_types),
            "shared_types": sorted(partner.shared_types), "created_at": partner.created_at,
            "updated_at": partner.updated_at, "version": partner.version,
            "billing": _billing_json(partner.billing)}


def _billing_json(billing: BillingDetails | None) -> dict | None:
    if billing is None:
        return None
    return {"legal_name": billing.legal_name, "country": billing.country,
            "vat_id": billing.vat_id, "address": vars(billing.address)}


def _key_rows(partner: Partner) -> list[dict]:
    return [{"partner_id": partner.id, "key_id": key.key_id, "public_key": key.key.base64,
             "added_at": key.added_at, "retired_at": key.retired_at} for key in partner.keys]


class SqlPartners:
    def __init__(self, session: Session):
        self.session = session

    def add(self, partner: Partner) -> None:
        self.session.execute(insert(partners).values(_values(partner)))
        self.session.execute(insert(partner_keys), _key_rows(partner))

    def save(self, partner: Partner) -> None:
        result = self.session.execute(
            update(partners)
            .where(partners.c.id == partner.id, partners.c.version == partner.version - 1)
            .values(_values(partner)))
        if result.rowcount != 1:
            raise Conflict("The partner was changed meanwhile; read it again and retry.")
        self.session.execute(delete(partner_keys).where(partner_keys.c.partner_id == partner.id))
        self.session.execute(insert(partner_keys), _key_rows(partner))

    def get(self, partner_id: str) -> Partner | None:
        return self._one(select(partners).where(partners.c.id == partner_id))

    def by_coop(self, coop_uri: str) -> Partner | None:
        return self._one(select(partners).where(partners.c.coop_uri == coop_uri))

    def page(self, limit: int, cursor: str | None):
        rows = keyset_page(self.session, select(partners), partners.c.seq, limit, cursor,
                           lambda row: row)
        return Page([self._partner(row) for row in rows.items], rows.next_cursor)

    def _one(self, query) -> Partner | None:
        row = self.session.execute(query).first()
        return self._partner(row) if row else None

    def _partner(self, row) -> Partner:
        keys = self.session.execute(
            select(partner_keys).where(partner_keys.c.partner_id == row.id)
            .order_by(partner_keys.c.added_at, partner_keys.c.key_id)).all()
        return Partner(
            row.id, row.coop_uri, row.name,
            tuple(PartnerKey(PublicKey.from_base64(key.public_key), key.added_at,
                             key.retired_at) for key in keys),
            Address(row.address_uri, row.address_exchange), frozenset(row.accepted_types),
            frozenset(row.shared_types), row.created_at, row.updated_at, row.version,
            BillingDetails.from_dict(row.billing))

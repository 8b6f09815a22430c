"""Partner coops (as customers) and partner placements (what makes a contract inter-coop),
stored in SQL, and the operators' inter-coop lists."""

from collections.abc import Iterable
from datetime import UTC, datetime

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from infra.pagination import Page, keyset_page
from services.billing.domain.external_work import PartnerPlacement, RateMismatch
from services.billing.domain.parties import Address
from services.billing.domain.partner_parties import PartnerBilling, PartnerCoop
from services.billing.models import (
    contracts,
    invoices,
    partner_coops,
    partner_placements,
    receivables,
)
from services.billing.repository.contracts import contract_from_row
from services.billing.repository.receivables import load_receivables
from services.billing.repository.sql import conflict_on_duplicate

PLACEMENT_FIELDS = ("contract_id", "kind", "placement_id", "partner_id", "partner_name",
                    "candidate_id", "skill", "partner_hourly_rate")
MISMATCH_FIELDS = ("reported_hourly_rate", "rate_reported_timesheet_id",
                   "rate_differs_noticed_at")


def _partner_values(partner: PartnerCoop) -> dict:
    billing = partner.billing
    address = billing.address if billing else None
    return {"id": partner.id, "coop_uri": partner.coop_uri, "name": partner.name,
            "legal_name": billing.legal_name if billing else None,
            "country": billing.country if billing else None,
            "vat_id": billing.vat_id if billing else None,
            "street": address.street if address else None,
            "postal_code": address.postal_code if address else None,
            "city": address.city if address else None,
            "address_country": address.country if address else None,
            "version": partner.version, "updated_at": datetime.now(UTC)}


def _partner(row) -> PartnerCoop:
    billing = None if row.legal_name is None else PartnerBilling(
        row.legal_name, row.country, row.vat_id,
        Address(row.street, row.postal_code, row.city, row.address_country))
    return PartnerCoop(row.id, row.coop_uri, row.name, billing, row.version)


def _placement(row) -> PartnerPlacement:
    return PartnerPlacement(**{name: getattr(row, name) for name in PLACEMENT_FIELDS})


class SqlPartnerCoopRepository:
    def __init__(self, session: Session):
        self.session = session

    def get(self, partner_id: str) -> PartnerCoop | None:
        row = self.session.execute(
            select(partner_coops).where(partner_coops.c.id == partner_id)).first()
        return None if row is None else _partner(row)

    def put(self, partner: PartnerCoop) -> None:
        """Insert, or replace only an older version (never go back)."""
        values = _partner_values(partner)
        changed = self.session.execute(
            update(partner_coops).where(partner_coops.c.id == partner.id,
                                        partner_coops.c.version < partner.version)
            .values(values)).rowcount
        if changed:
            return
        exists = self.session.execute(
            select(partner_coops.c.id).where(partner_coops.c.id == partner.id)).first()
        if exists is None:
            with conflict_on_duplicate(f"Partner coop {partner.id} was recorded meanwhile."):
                self.session.execute(insert(partner_coops), values)


class SqlPartnerPlacementRepository:
    def __init__(self, session: Session):
        self.session = session

    def add(self, placement: PartnerPlacement) -> None:
        values = {name: getattr(placement, name) for name in PLACEMENT_FIELDS}
        with conflict_on_duplicate(f"Placement {placement.placement_id} was recorded meanwhile."):
            self.session.execute(insert(partner_placements),
                                 {**values, "recorded_at": datetime.now(UTC)})

    def get(self, contract_id: str) -> PartnerPlacement | None:
        row = self.session.execute(select(partner_placements).where(
            partner_placements.c.contract_id == contract_id)).first()
        return None if row is None else _placement(row)

    def lent(self, placement_id: str) -> list[PartnerPlacement]:
        rows = self.session.execute(select(partner_placements).where(
            partner_placements.c.placement_id == placement_id,
            partner_placements.c.kind == "lent").order_by(partner_placements.c.seq))
        return [_placement(row) for row in rows]

    def many(self, contract_ids: Iterable[str]) -> dict[str, PartnerPlacement]:
        ids = sorted(set(contract_ids))
        found = {}
        for start in range(0, len(ids), 500):  # keep IN lists short
            query = select(partner_placements).where(
                partner_placements.c.contract_id.in_(ids[start:start + 500]))
            found.update({row.contract_id: _placement(row)
                          for row in self.session.execute(query)})
        return found

    def note_rate_mismatch(self, mismatch: RateMismatch) -> None:
        self.session.execute(
            update(partner_placements)
            .where(partner_placements.c.contract_id == mismatch.contract_id)
            .values(reported_hourly_rate=mismatch.reported_rate,
                    rate_reported_timesheet_id=mismatch.timesheet_id,
                    rate_differs_noticed_at=mismatch.noticed_at))


def _mismatch(row) -> RateMismatch | None:
    if row.reported_hourly_rate is None:
        return None
    return RateMismatch(row.id, row.rate_reported_timesheet_id, row.reported_hourly_rate,
                        row.hourly_rate, row.rate_differs_noticed_at)


class InterCoopQueries:
    """Read-only pages for the operators: inter-coop contracts and invoices."""

    def __init__(self, session: Session):
        self.session = session

    def contracts(self, kind: str, limit: int, cursor: str | None,
                  partner_id: str | None = None) -> Page:
        """Contracts of `kind` (external or lent), each with its placement and its last
        `RateMismatch` (or None)."""
        query = (select(contracts, *[partner_placements.c[n] for n in PLACEMENT_FIELDS
                                     + MISMATCH_FIELDS if n != "contract_id"])
                 .join(partner_placements, partner_placements.c.contract_id == contracts.c.id)
                 .where(partner_placements.c.kind == kind))
        if partner_id is not None:
            query = query.where(partner_placements.c.partner_id == partner_id)
        return keyset_page(self.session, query, contracts.c.seq, limit, cursor,
                           lambda row: (contract_from_row(row), _placement(
                               _Row(row, contract_id=row.id)), _mismatch(row)))

    def invoices(self, limit: int, cursor: str | None, partner_id: str | None = None) -> Page:
        """Invoices and credit notes to partner coops (coop B's inter-coop invoices), each
        with its receivable (None for a credit note), as `BillingQueries.invoices`."""
        partners = select(partner_coops.c.id)
        if partner_id is not None:
            partners = partners.where(partner_coops.c.id == partner_id)
        query = select(invoices).where(invoices.c.client_id.in_(partners))
        page = keyset_page(self.session, query, invoices.c.seq, limit, cursor, lambda row: row)
        numbers = [row.number for row in page.items]
        rows = self.session.execute(select(receivables)
                                    .where(receivables.c.invoice_number.in_(numbers))).all()
        by_number = {r.invoice_number: r for r in load_receivables(self.session, rows)}
        return Page([(row, by_number.get(row.number)) for row in page.items], page.next_cursor)


class _Row:
    def __init__(self, row, **overrides):
        self._row, self._overrides = row, overrides

    def __getattr__(self, name):
        return self._overrides[name] if name in self._overrides else getattr(self._row, name)

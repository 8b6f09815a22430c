"""Contracts (confirmed assignments) stored in SQL."""

from collections.abc import Iterable
from datetime import UTC, datetime

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from services.billing.domain.contract import Contract
from services.billing.models import contracts
from services.billing.repository.sql import conflict_on_duplicate

FIELDS = ("id", "member_id", "client_id", "project_id", "hourly_rate", "starts_on", "ends_on",
          "description", "vat_rate", "fee_percent", "development_percent", "ended_on",
          "end_reason")


def contract_from_row(row) -> Contract:
    return Contract(**{name: getattr(row, name) for name in FIELDS})


class SqlContractRepository:
    def __init__(self, session: Session):
        self.session = session

    def get(self, contract_id: str) -> Contract | None:
        row = self.session.execute(select(contracts).where(contracts.c.id == contract_id)).first()
        return None if row is None else contract_from_row(row)

    def add(self, contract: Contract) -> None:
        values = {name: getattr(contract, name) for name in FIELDS}
        with conflict_on_duplicate(f"Contract {contract.id} was recorded meanwhile."):
            self.session.execute(insert(contracts),
                                 {**values, "recorded_at": datetime.now(UTC)})

    def save(self, contract: Contract) -> None:
        """Only the end changes; an earlier end is never moved later (two ends at once)."""
        self.session.execute(
            update(contracts)
            .where(contracts.c.id == contract.id,
                   (contracts.c.ended_on.is_(None)) | (contracts.c.ended_on > contract.ended_on))
            .values(ended_on=contract.ended_on, end_reason=contract.end_reason))

    def many(self, contract_ids: Iterable[str]) -> dict[str, Contract]:
        ids = sorted(set(contract_ids))
        found = {}
        for start in range(0, len(ids), 500):  # keep IN lists short
            query = select(contracts).where(contracts.c.id.in_(ids[start:start + 500]))
            found.update({row.id: contract_from_row(row)
                          for row in self.session.execute(query)})
        return found

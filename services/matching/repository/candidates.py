"""The candidate read model in SQL."""

from datetime import UTC, datetime
from decimal import Decimal

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from services.matching.domain.candidate import Candidate
from services.matching.models import candidates

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

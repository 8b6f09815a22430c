"""Endorsements and the verifications they lead to, stored in SQL."""

from dataclasses import asdict

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from infra.pagination import Page
from services.learning.domain.endorsements import Endorsement
from services.learning.domain.verification import Verification
from services.learning.models import endorsements, verifications
from services.learning.repository.versioned import VersionedRows

_FIELDS = list(Endorsement.__dataclass_fields__)


def _endorsement(row) -> Endorsement:
    return Endorsement(**{name: getattr(row, name) for name in _FIELDS})


class SqlEndorsements:
    def __init__(self, session: Session):
        self.rows = VersionedRows(session, endorsements, "endorsement")

    def add(self, endorsement: Endorsement) -> None:
        self.rows.insert(asdict(endorsement))

    def save(self, endorsement: Endorsement) -> None:
        self.rows.update(asdict(endorsement))

    def get(self, endorsement_id: str) -> Endorsement | None:
        row = self.rows.by_id(endorsement_id)
        return _endorsement(row) if row else None

    def get_many(self, endorsement_ids: list[str]) -> list[Endorsement]:
        """The endorsements with these ids, in the order given."""
        rows = self.rows.all(select(endorsements).where(endorsements.c.id.in_(endorsement_ids)))
        found = {row.id: _endorsement(row) for row in rows}
        return [found[i] for i in endorsement_ids if i in found]

    def of_skill(self, member_id: str, skill: str) -> list[Endorsement]:
        query = (select(endorsements)
                 .where(endorsements.c.member_id == member_id, endorsements.c.skill == skill)
                 .order_by(endorsements.c.seq))
        return [_endorsement(row) for row in self.rows.all(query)]

    def standing_by(self, endorser_kind: str, endorser_id: str, member_id: str,
                    skill: str) -> Endorsement | None:
        row = self.rows.one(select(endorsements).where(
            endorsements.c.endorser_kind == endorser_kind,
            endorsements.c.endorser_id == endorser_id, endorsements.c.member_id == member_id,
            endorsements.c.skill == skill, endorsements.c.withdrawn_at.is_(None)))
        return _endorsement(row) if row else None

    def page(self, limit: int, cursor: str | None, member_id: str | None = None,
             endorser_id: str | None = None, skill: str | None = None,
             include_withdrawn: bool = False) -> Page:
        query = select(endorsements)
        for column, value in (("member_id", member_id), ("endorser_id", endorser_id),
                              ("skill", skill)):
            if value is not None:
                query = query.where(endorsements.c[column] == value)
        if not include_withdrawn:
            query = query.where(endorsements.c.withdrawn_at.is_(None))
        return self.rows.page(query, limit, cursor, _endorsement)


def _verification(row) -> Verification:
    return Verification(row.member_id, row.skill, row.level, tuple(row.evidence),
                        row.verified_at)


class SqlVerifications:
    def __init__(self, session: Session):
        self.session = session

    def get(self, member_id: str, skill: str) -> Verification | None:
        row = self.session.execute(select(verifications).where(
            verifications.c.member_id == member_id, verifications.c.skill == skill)).first()
        return _verification(row) if row else None

    def put(self, verification: Verification) -> None:
        self.remove(verification.member_id, verification.skill)
        self.session.execute(insert(verifications).values(
            **{**asdict(verification), "evidence": list(verification.evidence)}))

    def remove(self, member_id: str, skill: str) -> None:
        self.session.execute(delete(verifications).where(
            verifications.c.member_id == member_id, verifications.c.skill == skill))

    def of_member(self, member_id: str) -> list[Verification]:
        query = (select(verifications).where(verifications.c.member_id == member_id)
                 .order_by(verifications.c.skill))
        return [_verification(row) for row in self.session.execute(query)]

"""Issued badges with their signed credentials, stored in SQL."""

import json

from sqlalchemy import select
from sqlalchemy.orm import Session

from services.learning.domain.badges.badge import Badge
from services.learning.models import badges
from services.learning.repository.versioned import VersionedRows


def _badge(row) -> Badge:
    return Badge(row.id, row.member_id, row.skill, row.level, tuple(row.evidence),
                 row.issued_at, json.loads(row.credential), row.revoked_at,
                 row.revocation_reason)


def _values(badge: Badge) -> dict:
    return {"id": badge.id, "member_id": badge.member_id, "skill": badge.skill,
            "level": badge.level, "evidence": list(badge.evidence),
            "issued_at": badge.issued_at,
            "credential": json.dumps(badge.credential, ensure_ascii=False),
            "revoked_at": badge.revoked_at, "revocation_reason": badge.revocation_reason}


class SqlBadges:
    def __init__(self, session: Session):
        self.rows = VersionedRows(session, badges, "badge")

    def add(self, badge: Badge) -> None:
        self.rows.insert(_values(badge))

    def save(self, badge: Badge) -> None:
        self.rows.update(_values(badge))

    def get(self, badge_id: str) -> Badge | None:
        row = self.rows.by_id(badge_id)
        return _badge(row) if row else None

    def of_member(self, member_id: str, skill: str | None = None) -> list[Badge]:
        query = select(badges).where(badges.c.member_id == member_id).order_by(badges.c.seq)
        if skill is not None:
            query = query.where(badges.c.skill == skill)
        return [_badge(row) for row in self.rows.all(query)]

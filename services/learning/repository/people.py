"""Learning's read models of members (from members' events) and of their assignments."""

from dataclasses import asdict
from datetime import UTC, datetime

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from services.learning.domain.member_view import MemberView, SkillLevels
from services.learning.domain.work_history import Assignment
from services.learning.models import assignments, members


def _view(row) -> MemberView:
    skills = {slug: SkillLevels(levels.get("declared"), levels.get("verified"))
              for slug, levels in (row.skills or {}).items()}
    return MemberView(row.member_id, row.version, row.name, row.status, skills)


class SqlMemberViews:
    def __init__(self, session: Session):
        self.session = session

    def get(self, member_id: str) -> MemberView | None:
        row = self.session.execute(
            select(members).where(members.c.member_id == member_id)).first()
        return _view(row) if row else None

    def get_many(self, member_ids: list[str]) -> dict[str, MemberView]:
        if not member_ids:
            return {}
        rows = self.session.execute(select(members).where(members.c.member_id.in_(member_ids)))
        return {row.member_id: _view(row) for row in rows}

    def put(self, view: MemberView) -> None:
        self.session.execute(delete(members).where(members.c.member_id == view.member_id))
        self.session.execute(insert(members).values(
            member_id=view.member_id, version=view.version, name=view.name, status=view.status,
            skills={slug: {"declared": s.declared, "verified": s.verified}
                    for slug, s in view.skills.items()},
            updated_at=datetime.now(UTC)))

    def active(self) -> list[MemberView]:
        rows = self.session.execute(select(members).where(members.c.status == "active"))
        return [_view(row) for row in rows]


class SqlWorkHistory:
    def __init__(self, session: Session):
        self.session = session

    def put(self, assignment: Assignment) -> None:
        self.session.execute(delete(assignments).where(
            assignments.c.assignment_id == assignment.assignment_id))
        self.session.execute(insert(assignments).values(**asdict(assignment)))

    def of_members(self, member_ids: list[str]) -> list[Assignment]:
        if not member_ids:
            return []
        rows = self.session.execute(
            select(assignments).where(assignments.c.member_id.in_(member_ids)))
        return [Assignment(**row._asdict()) for row in rows]

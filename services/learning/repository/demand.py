"""What clients asked for (project roles) and what went unfilled (coverage gaps), in SQL."""

from dataclasses import asdict
from datetime import datetime

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from services.learning.domain.skill_gap import CoverageGap, RoleDemand
from services.learning.models import coverage_gaps, project_roles


class SqlDemand:
    def __init__(self, session: Session):
        self.session = session

    def add_roles(self, roles: list[RoleDemand], client_id: str) -> None:
        if roles:
            self.session.execute(insert(project_roles),
                                 [{**asdict(role), "client_id": client_id} for role in roles])

    def add_gap(self, gap: CoverageGap) -> None:
        self.session.execute(insert(coverage_gaps).values(**asdict(gap)))

    def roles_since(self, moment: datetime) -> list[RoleDemand]:
        query = select(project_roles).where(project_roles.c.created_at >= moment)
        return [RoleDemand(r.project_id, r.skill, r.min_level, r.seats, r.created_at)
                for r in self.session.execute(query)]

    def gaps_since(self, moment: datetime) -> list[CoverageGap]:
        query = select(coverage_gaps).where(coverage_gaps.c.detected_at >= moment)
        return [CoverageGap(g.project_id, g.skill, g.min_level, g.unfilled_seats, g.detected_at)
                for g in self.session.execute(query)]

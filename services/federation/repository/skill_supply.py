"""Partners' shared skill supply in SQL: one row per partner, its latest."""

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from services.federation.domain.flows import PartnerSkillSupply, SkillCount
from services.federation.models import partner_skill_supply as table


class SqlSkillSupply:
    def __init__(self, session: Session):
        self.session = session

    def of_partner(self, partner_id: str) -> PartnerSkillSupply | None:
        row = self.session.execute(select(table).where(table.c.partner_id == partner_id)).first()
        return _supply(row) if row else None

    def put(self, supply: PartnerSkillSupply) -> None:
        self.session.execute(delete(table).where(table.c.partner_id == supply.partner_id))
        self.session.execute(insert(table).values(
            partner_id=supply.partner_id, partner_name=supply.partner_name, as_of=supply.as_of,
            received_at=supply.received_at,
            skills=[{"skill": c.skill, "members": c.members,
                     "verified_members": c.verified_members} for c in supply.skills]))

    def all(self) -> list[PartnerSkillSupply]:
        return [_supply(row) for row in self.session.execute(select(table))]


def _supply(row) -> PartnerSkillSupply:
    return PartnerSkillSupply(row.partner_id, row.partner_name, row.as_of, row.received_at,
                              tuple(SkillCount(**count) for count in row.skills))

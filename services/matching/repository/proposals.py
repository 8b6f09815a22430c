"""Proposals in SQL: the options to accept as JSON, and the solver's result as shown."""

import json
from decimal import Decimal

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from services.matching.domain.team_proposals import OptionSeat, Proposal, TeamOption
from services.matching.models import proposals
from services.matching.schemas.projects import TeamProposalSchema


class SqlProposalRepository:
    def __init__(self, session: Session):
        self.session = session

    def add(self, proposal: Proposal) -> None:
        result = proposal.result
        if not isinstance(result, dict):
            result = TeamProposalSchema().dump(result)
        self.session.execute(insert(proposals).values(
            id=proposal.id, project_id=proposal.project_id,
            project_version=proposal.project_version, client_id=proposal.client_id,
            created_at=proposal.created_at, status=proposal.status,
            accepted_option=proposal.accepted_option,
            options=json.dumps([_option_json(option) for option in proposal.options]),
            result=json.dumps(result)))

    def get(self, proposal_id: str) -> Proposal | None:
        row = self.session.execute(select(proposals).where(proposals.c.id == proposal_id)).first()
        return _to_proposal(row) if row else None

    def for_project(self, project_id: str, status: str | None = None) -> list[Proposal]:
        query = select(proposals).where(proposals.c.project_id == project_id)
        if status is not None:
            query = query.where(proposals.c.status == status)
        return [_to_proposal(row) for row in self.session.execute(query.order_by(proposals.c.seq))]

    def name_member(self, client_id: str, member_id: str) -> bool:
        """Whether a proposal to this client names the member (primary, backup, learner)."""
        named = proposals.c.options.contains(f'"{member_id}"', autoescape=True)
        return self.session.execute(
            select(proposals.c.id).where(proposals.c.client_id == client_id, named).limit(1)
        ).first() is not None

    def save(self, proposal: Proposal) -> None:
        self.session.execute(update(proposals).where(proposals.c.id == proposal.id).values(
            status=proposal.status, accepted_option=proposal.accepted_option))


def _option_json(option: TeamOption) -> dict:
    return {"unfilled": list(option.unfilled), "seats": [
        {"role_id": s.role_id, "index": s.index, "skill": s.skill,
         "hours_per_week": str(s.hours_per_week), "primary": s.primary, "backup": s.backup,
         "hourly_rate": str(s.hourly_rate), "learner": s.learner} for s in option.seats]}


def _to_option(data: dict) -> TeamOption:
    return TeamOption(tuple(
        OptionSeat(s["role_id"], s["index"], s["skill"], Decimal(s["hours_per_week"]),
                   s["primary"], s["backup"], Decimal(s["hourly_rate"]), s["learner"])
        for s in data["seats"]), tuple(data["unfilled"]))


def _to_proposal(row) -> Proposal:
    return Proposal(row.id, row.project_id, row.project_version, row.client_id, row.created_at,
                    tuple(_to_option(option) for option in json.loads(row.options)),
                    json.loads(row.result), row.status, row.accepted_option)

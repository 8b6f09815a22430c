"""A proposal as the coop keeps it: the solver's result, for one version of a project.

The client sees the whole result (explanations, gaps, alternatives); accepting needs
only each option's seats: who, which role, how many hours, at what rate, backed up by
whom. A proposal is `open` until one of its options is accepted (`accepted`) or the
project changes or another proposal is accepted (`superseded`).
"""

import uuid
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from services.matching.domain.proposals import ProposedTeam, TeamProposal

OPEN, ACCEPTED, SUPERSEDED = "open", "accepted", "superseded"


@dataclass(frozen=True)
class OptionSeat:
    role_id: str
    index: int
    skill: str
    hours_per_week: Decimal
    primary: str
    backup: str | None
    hourly_rate: Decimal
    learner: bool = False  # the growth seat


@dataclass(frozen=True)
class TeamOption:
    seats: tuple[OptionSeat, ...]
    unfilled: tuple[str, ...]  # "role skill, seat n: why" for every seat nobody can take

    @property
    def members(self) -> list[str]:
        return [seat.primary for seat in self.seats]


@dataclass
class Proposal:
    id: str
    project_id: str
    project_version: int
    client_id: str
    created_at: datetime
    options: tuple[TeamOption, ...]
    result: TeamProposal | dict  # the solver's result; as stored (a dict) once read back
    status: str = OPEN
    accepted_option: int | None = None

    @classmethod
    def of(cls, result: TeamProposal, role_ids: list[str], project_version: int,
           client_id: str, now: datetime) -> "Proposal":
        options = tuple(_option(team, role_ids) for team in (result.best, *result.alternatives))
        return cls(str(uuid.uuid4()), result.project_id, project_version, client_id, now,
                   options, result)


def _option(team: ProposedTeam, role_ids: list[str]) -> TeamOption:
    seats = [OptionSeat(role_ids[seat.role_index], seat.seat_index, seat.skill,
                        seat.hours_per_week, seat.primary,
                        seat.backup.member_id if seat.backup else None, seat.hourly_rate)
             for seat in team.seats]
    growth = team.growth_seat
    if growth is not None and hasattr(growth, "learner_id"):
        taken = sum(1 for seat in team.seats if seat.role_index == growth.role_index)
        seats.append(OptionSeat(role_ids[growth.role_index], taken, growth.skill,
                                growth.hours_per_week, growth.learner_id, None,
                                growth.hourly_rate, learner=True))
    unfilled = tuple(f"{gap.skill}, seat {gap.seat_index + 1}: {gap.message}"
                     for gap in team.gaps)
    return TeamOption(tuple(seats), unfilled)

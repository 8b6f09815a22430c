"""Propose a team for a project: the best team, up to two genuinely different alternatives.

Mode: `exact` (MILP, HiGHS) when no role has more options than
`exact_max_candidates_per_role`, else `heuristic`; `auto` picks, and the result says
which ran and whether optimality was proven. An exact run that hits its time limit
keeps the better of its incumbent and the heuristic's team.

An alternative must differ from the best team and from every earlier alternative in at
least `alternative_min_difference` (half) of its people — at least one person — and
fill as many seats as the best team; otherwise fewer alternatives are returned.
"""

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from decimal import Decimal

from services.matching.domain.proposals.backups import BackupChoice, choose_backups
from services.matching.domain.proposals.candidates import CandidateProfile
from services.matching.domain.proposals.exact import solve_exact
from services.matching.domain.proposals.explanation import SeatExplanation, explain_seat
from services.matching.domain.proposals.gaps import SeatGap, seat_gaps
from services.matching.domain.proposals.growth_seat import (
    GrowthSeat,
    NoGrowthSeat,
    choose_growth_seat,
)
from services.matching.domain.proposals.heuristic import solve_heuristic
from services.matching.domain.proposals.instance import Instance, build_instance
from services.matching.domain.proposals.iso_week import IsoWeek
from services.matching.domain.proposals.objective import (
    Team,
    TeamScore,
    cost,
    evaluate,
    is_valid,
    max_overlap,
    members,
)
from services.matching.domain.proposals.project import Project, validate_project
from services.matching.domain.proposals.settings import DEFAULT_SETTINGS, ProposalSettings

MODES = ("auto", "exact", "heuristic")


@dataclass(frozen=True)
class ProposedSeat:
    role_index: int
    seat_index: int
    role_id: str | None
    skill: str
    hours_per_week: Decimal
    primary: str  # member id
    hourly_rate: Decimal
    cost: Decimal  # hours × rate × weeks
    backup: BackupChoice | None  # None: nobody left to back this seat up
    explanation: SeatExplanation


@dataclass(frozen=True)
class ProposedTeam:
    seats: tuple[ProposedSeat, ...]
    gaps: tuple[SeatGap, ...]
    score: TeamScore
    total_cost: Decimal
    growth_seat: GrowthSeat | NoGrowthSeat | None  # None: the project did not opt in

    @property
    def primaries(self) -> list[str]:
        return [seat.primary for seat in self.seats]


@dataclass(frozen=True)
class TeamProposal:
    project_id: str
    weeks: tuple[IsoWeek, ...]
    best: ProposedTeam
    alternatives: tuple[ProposedTeam, ...]
    mode: str  # "exact" or "heuristic": what ran for the best team
    optimal: bool  # the exact solver proved the best team optimal
    candidates_considered: int  # members skilled for (or learning) at least one role
    options_per_role: tuple[int, ...]  # members who could take a seat of each role


def propose_team(project: Project, candidates: Iterable[CandidateProfile],
                 settings: ProposalSettings = DEFAULT_SETTINGS, mode: str = "auto",
                 known_skills: Collection[str] | None = None) -> TeamProposal:
    if mode not in MODES:
        raise ValueError(f"mode is one of {MODES}, not {mode!r}")
    validate_project(project, known_skills)
    shortlist_above = {"auto": settings.exact_max_candidates_per_role, "heuristic": 0,
                       "exact": None}[mode]
    instance = build_instance(project, candidates, settings, shortlist_above)
    if mode == "auto":
        mode = "heuristic" if instance.shortlisted or instance.largest_role() \
            > settings.exact_max_candidates_per_role else "exact"
    best, optimal = _solve(instance, mode, [])
    teams = [best]
    filled = len(members(best))
    avoid: list[tuple[frozenset[int], int]] = []
    while filled and len(teams) <= settings.alternatives:
        avoid.append((frozenset(members(teams[-1])),
                      max_overlap(filled, settings.alternative_min_difference)))
        alternative, _ = _solve(instance, mode, avoid, fill=filled)
        if len(members(alternative)) < filled:
            break
        teams.append(alternative)
    proposed = [_proposed_team(instance, team) for team in teams]
    return TeamProposal(project.id, instance.weeks, proposed[0], tuple(proposed[1:]), mode,
                        optimal, len(instance.candidates),
                        tuple(instance.option_counts))


def _solve(instance: Instance, mode: str, avoid, fill: int | None = None) -> tuple[Team, bool]:
    """(team, proven optimal). `fill`: the seats an alternative must fill (exact mode)."""
    if mode == "exact":
        result = solve_exact(instance, avoid, fill)
        if result.team is None and result.optimal:
            return {}, True  # no team fills `fill` seats and keeps apart from the others
        if result.team is not None and result.optimal and is_valid(instance, result.team):
            return result.team, True
        fallback = _heuristic(instance, avoid)
        if result.team is None or not is_valid(instance, result.team):
            return fallback, False
        better = max((result.team, fallback), key=lambda team: evaluate(instance, team).key)
        return better, False
    return _heuristic(instance, avoid), False


def _heuristic(instance: Instance, avoid) -> Team:
    team = solve_heuristic(instance.shortlist(instance.settings.heuristic_candidates_per_role),
                           avoid)
    if not is_valid(instance, team):  # seats, one seat per member, budget in Decimal
        raise RuntimeError(f"bug: the heuristic built a team that breaks a rule: {team}")
    return team


def _in_seat_order(instance: Instance, team: Team) -> Team:
    """Per role, the strongest first: seat 0 is the role's best option."""
    lam = instance.settings.fairness_weight
    return {role: tuple(sorted(seated, key=lambda c: -instance.options[role][c].standalone(lam)))
            for role, seated in sorted(team.items())}


def _proposed_team(instance: Instance, team: Team) -> ProposedTeam:
    team = _in_seat_order(instance, team)
    backups = choose_backups(instance, team)
    seats = []
    for role_index, seated in team.items():
        role = instance.project.roles[role_index]
        for seat_index, candidate in enumerate(seated):
            option = instance.options[role_index][candidate]
            profile = instance.candidates[candidate]
            seats.append(ProposedSeat(
                role_index, seat_index, role.id, role.skill, role.hours_per_week,
                profile.member_id, profile.hourly_rate, option.cost,
                backups[role_index, seat_index],
                explain_seat(instance, team, role_index, candidate)))
    total = cost(instance, team)
    growth = None
    if instance.project.growth_seat:
        index_of = {profile.member_id: i for i, profile in enumerate(instance.candidates)}
        taken = set(members(team)) | {index_of[b.member_id] for b in backups.values() if b}
        growth = choose_growth_seat(instance, team, taken, total)
    return ProposedTeam(tuple(seats), tuple(seat_gaps(instance, team)), evaluate(instance, team),
                        total, growth)

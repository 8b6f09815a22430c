"""The prepared problem both solvers work on: per role, who is skilled and who could take a seat.

Built once per proposal from the candidate profiles. A member is *skilled* for a role
when they can be proposed (active, with an hourly rate) and hold the skill at the
minimum level or above; a skilled member is an *option* for the role when their free
hours cover the role's hours in every week of the project. Options carry everything
the objective needs, so the solvers never look at profiles again.

Candidates are referred to by their position in `Instance.candidates` (an int).
"""

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from decimal import Decimal
from functools import cached_property

import numpy as np

from services.matching.domain.proposals import scoring, weekly_matrix
from services.matching.domain.proposals.candidates import CandidateProfile, SkillLevel
from services.matching.domain.proposals.iso_week import IsoWeek
from services.matching.domain.proposals.project import Project
from services.matching.domain.proposals.settings import ProposalSettings

HOURS_TOLERANCE = 1e-6  # hours are given to 0.01; floats must not turn 24.00 ≥ 24 into False


@dataclass(frozen=True)
class SkilledMembers:
    """A role's skilled members as aligned arrays: thousands of them stay cheap."""

    candidates: np.ndarray  # positions in Instance.candidates
    levels: tuple[SkillLevel, ...]
    skill_fit: np.ndarray  # 0–1
    client_continuity: np.ndarray  # 0–1
    backup_score: np.ndarray  # -inf for someone free in none of the weeks

    def __len__(self) -> int:
        return len(self.candidates)


@dataclass(frozen=True)
class Option:
    candidate: int
    role: int
    skill_fit: float  # the parts, unweighted (0–1)
    nice_to_have: float
    client_continuity: float
    load: float  # the member's utilisation over the project's weeks with this seat
    cost: Decimal  # hours × rate × weeks
    cost_float: float
    value: float  # the weighted seat parts, without team-level terms

    def standalone(self, fairness_weight: float) -> float:
        """The option's worth on its own: its value, and λ × (1 − its load)."""
        return self.value + fairness_weight * (1 - self.load)


@dataclass
class Instance:
    project: Project
    settings: ProposalSettings
    weeks: tuple[IsoWeek, ...]
    candidates: list[CandidateProfile]
    skilled: list[SkilledMembers]  # per role
    options: list[dict[int, Option]]  # per role: candidate → option
    coworkers: list[frozenset[int]]  # per candidate
    free: np.ndarray  # candidate × project week: free hours
    booked: dict[int, float]  # booked hours over the project's weeks, for options and learners
    not_proposable: list[int] = field(default_factory=list)  # per role: skilled, not active/rate
    below_level: list[int] = field(default_factory=list)  # per role: have the skill, too low
    learners: list[list[int]] = field(default_factory=list)  # per role, for the growth seat
    # per role: all members who could take a seat, also when `options` holds a shortlist
    option_counts: list[int] = field(default_factory=list)

    @property
    def seats(self) -> list[int]:
        return [role.seats for role in self.project.roles]

    @cached_property
    def pair_value(self) -> float:
        """What one pair of former co-workers in the team adds: each gets 1 ÷ (n − 1)."""
        others = self.project.total_seats - 1
        return 2 * self.settings.coworker_weight / others if others > 0 else 0.0

    @property
    def budget(self) -> float | None:
        return None if self.project.budget is None else float(self.project.budget)

    def largest_role(self) -> int:
        return max(self.option_counts, default=0)

    @property
    def shortlisted(self) -> bool:
        return any(len(o) < count for o, count in zip(self.options, self.option_counts,
                                                       strict=True))

    def shortlist(self, per_role: int) -> "Instance":
        """The same problem with only each role's most promising options (`most_promising`)."""
        lam = self.settings.fairness_weight
        shortlisted = []
        for role, options in enumerate(self.options):
            listed = list(options.values())
            chosen = most_promising(np.array([o.standalone(lam) for o in listed]),
                                    np.array([o.cost_float for o in listed]),
                                    max(per_role, 3 * self.seats[role]), self.budget is not None)
            shortlisted.append({listed[i].candidate: listed[i] for i in chosen})
        return replace(self, options=shortlisted)


def most_promising(standalone: np.ndarray, cost: np.ndarray, keep: int,
                   with_budget: bool) -> list[int]:
    """Positions of the `keep` best by standalone worth and, with a budget, of the
    cheapest quarter as many too, so the budget can still be met. Ties keep their order."""
    if len(standalone) <= keep:
        return list(range(len(standalone)))
    chosen = set(np.argsort(-standalone, kind="stable")[:keep].tolist())
    if with_budget:
        chosen.update(np.argsort(cost, kind="stable")[:max(keep // 4, 1)].tolist())
    return sorted(chosen)


def build_instance(project: Project, candidates: Iterable[CandidateProfile],
                   settings: ProposalSettings, shortlist_above: int | None = None) -> Instance:
    """The prepared problem. When a role has more than `shortlist_above` options, every
    role keeps only the heuristic's shortlist (`heuristic_candidates_per_role`), chosen
    on arrays before any option object exists: at 100k members most work is avoided."""
    roles = project.roles
    pool: list[CandidateProfile] = []
    index_of: dict[str, int] = {}
    found: list[list[tuple[int, SkillLevel, float]]] = [[] for _ in roles]
    not_proposable, below_level = [0] * len(roles), [0] * len(roles)
    learners: list[list[int]] = [[] for _ in roles]

    def enter(profile: CandidateProfile) -> int:
        if profile.member_id not in index_of:
            index_of[profile.member_id] = len(pool)
            pool.append(profile)
        return index_of[profile.member_id]

    for profile in candidates:
        if profile.member_id in index_of:
            continue
        for role_index, role in enumerate(roles):
            level = profile.skills.get(role.skill)
            if level is None:
                continue
            if project.growth_seat and level.wants_to_grow and profile.can_be_proposed \
                    and level.level >= role.minimum_level - 1:
                learners[role_index].append(enter(profile))
            if level.level < role.minimum_level:
                below_level[role_index] += 1
            elif not profile.can_be_proposed:
                not_proposable[role_index] += 1
            else:
                continuity = scoring.client_continuity(profile.history, project.client_id,
                                                       settings)
                found[role_index].append((enter(profile), level, continuity))

    free = weekly_matrix.free_hours(pool, project.weeks)
    skilled = [_skilled(role, found[role_index], free, settings)
               for role_index, role in enumerate(roles)]
    covering = [_covering(role, members, free) for role, members in zip(roles, skilled,
                                                                          strict=True)]
    needed = sorted({c for rows in covering for c in rows.tolist()}
                    | {c for ls in learners for c in ls})
    booked = dict(zip(needed, weekly_matrix.booked_totals([pool[c] for c in needed],
                                                           project.weeks).tolist(), strict=True))
    counts = [len(rows) for rows in covering]
    keep = None
    if shortlist_above is not None and max(counts, default=0) > shortlist_above:
        keep = settings.heuristic_candidates_per_role
    options = [_options(project, role_index, skilled[role_index], covering[role_index], pool,
                        free, booked, settings, keep) for role_index in range(len(roles))]
    with_options = {c for role_options in options for c in role_options}
    return Instance(project, settings, project.weeks, pool, skilled, options,
                    _coworkers(pool, index_of, with_options), free, booked, not_proposable,
                    below_level, learners, counts)


def _skilled(role, found, free: np.ndarray, settings: ProposalSettings) -> SkilledMembers:
    candidates = np.array([c for c, _, _ in found], dtype=int)
    levels = tuple(level for _, level, _ in found)
    level = np.array([lv.level for lv in levels], dtype=float)
    credibility = np.where([lv.is_verified for lv in levels], 1.0,
                           settings.self_assessed_factor) if levels else np.zeros(0)
    fit = credibility * (level - role.minimum_level + 1) / (6 - role.minimum_level)
    continuity = np.array([value for _, _, value in found], dtype=float)
    enough = free[candidates] >= float(role.hours_per_week) - HOURS_TOLERANCE
    slack_share = enough.mean(axis=1) if len(candidates) else np.zeros(0)
    backup_score = scoring.backup_score(fit, continuity, slack_share, settings)
    backup_score[slack_share == 0] = -np.inf  # could never take over: no backup
    return SkilledMembers(candidates, levels, fit, continuity, backup_score)


def _covering(role, members: SkilledMembers, free: np.ndarray) -> np.ndarray:
    """The skilled members with the role's hours free in every week."""
    if not len(members):
        return members.candidates
    enough = free[members.candidates] >= float(role.hours_per_week) - HOURS_TOLERANCE
    return members.candidates[enough.all(axis=1)]


def _options(project: Project, role_index: int, members: SkilledMembers, covering: np.ndarray,
             pool: list[CandidateProfile], free: np.ndarray, booked: dict[int, float],
             settings: ProposalSettings, keep: int | None) -> dict[int, Option]:
    """The role's options; with `keep`, only its most promising (`most_promising`)."""
    role = project.roles[role_index]
    if not len(covering):
        return {}
    hours, weeks = float(role.hours_per_week), len(project.weeks)
    position = {c: i for i, c in enumerate(members.candidates.tolist())}
    at = np.array([position[c] for c in covering.tolist()], dtype=int)
    fit, continuity = members.skill_fit[at], members.client_continuity[at]
    nice = np.array([scoring.nice_to_have(pool[c].skills, role.nice_to_have, settings)
                     for c in covering.tolist()]) if role.nice_to_have else np.zeros(len(at))
    booked_hours = np.array([booked[c] for c in covering.tolist()])
    capacity = booked_hours + free[covering].sum(axis=1)
    load = np.where(capacity > 0, (booked_hours + hours * weeks) / np.maximum(capacity, 1e-12),
                    1.0)
    value = (settings.skill_weight * fit + settings.nice_to_have_weight * nice
             + settings.client_continuity_weight * continuity)
    rates = np.array([float(pool[c].hourly_rate) for c in covering.tolist()])
    chosen = range(len(covering)) if keep is None else most_promising(
        value + settings.fairness_weight * (1 - load), rates,
        max(keep, 3 * role.seats), project.budget is not None)
    result = {}
    for i in chosen:
        candidate = int(covering[i])
        cost = role.hours_per_week * pool[candidate].hourly_rate * weeks
        result[candidate] = Option(candidate, role_index, float(fit[i]), float(nice[i]),
                                   float(continuity[i]), float(load[i]), cost, float(cost),
                                   float(value[i]))
    return result


def _coworkers(pool: list[CandidateProfile], index_of: dict[str, int],
               relevant: set[int]) -> list[frozenset[int]]:
    """Former co-workers among the pool; only pairs with a possible primary can matter."""
    pairs: list[set[int]] = [set() for _ in pool]
    for candidate in relevant:
        for other_id in pool[candidate].history.coworkers:
            other = index_of.get(other_id)
            if other is not None and other != candidate:
                pairs[candidate].add(other)
                pairs[other].add(candidate)
    return [frozenset(others) for others in pairs]

"""Exact mode: the team objective as a mixed-integer linear program, solved by HiGHS.

Variables
- x[c, r] ∈ {0, 1}: candidate c takes a seat of role r (only for options: skilled and
  with capacity in every week, so capacity needs no constraint of its own);
- p[a, b] ∈ [0, 1] for every pair of former co-workers among the options: the
  quadratic "both are in the team" linearised as p ≤ Σ_r x[a, r] and p ≤ Σ_r x[b, r]
  (the objective rewards p, so it rises to the smaller of the two);
- L ≥ 0: the highest utilisation, L ≥ Σ_r load[c, r] · x[c, r] for every candidate;
  plus, per role, seats[r] · L ≥ Σ_c load[c, r] · x[c, r] (the highest load is at least
  the mean of a role's filled seats). Redundant for integers, but it keeps the LP
  relaxation from spreading fractions over idle members, which made HiGHS branch for long.

Maximise  Σ (M + value[c, r]) · x[c, r] + pair_value · Σ p − λ · L
where M exceeds any possible objective, so filling a seat always comes first (for an
alternative, which must fill as many seats as the best team, M = 0 and Σ x ≥ that);
subject to Σ_c x[c, r] ≤ seats[r], Σ_r x[c, r] ≤ 1 (one seat per member),
Σ cost · x ≤ budget, and for alternatives Σ_{c ∈ earlier team} Σ_r x[c, r] ≤ overlap.

Before building the program, options that cannot matter are dropped (`undominated`),
which keeps the optimum and makes HiGHS several times faster on large roles.
"""

from dataclasses import dataclass

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, milp
from scipy.sparse import coo_array

from services.matching.domain.proposals.instance import Instance, Option
from services.matching.domain.proposals.objective import Team

OPTIMAL = 0
INFEASIBLE = 2


@dataclass(frozen=True)
class ExactResult:
    team: Team | None  # None when HiGHS found no team in time, or none exists
    optimal: bool  # proven optimal, or (team None) proven that no team exists


def undominated(instance: Instance, enough: int) -> list[Option]:
    """The options of every role, without those at least `enough` others dominate.

    o′ dominates o (same role) when value(o′) ≥ value(o) + pair_value × (o's former
    co-workers among all options), load(o′) ≤ load(o) and cost(o′) ≤ cost(o), ties
    broken by position. If o has `enough` dominators (the project's seats plus the
    members of earlier teams), at least one is outside the team and the earlier teams
    in any solution holding o (the first `enough` in a linear extension of the order
    are all kept, since their dominators dominate o too). Swapping it in for o keeps
    every constraint and loses nothing: more value than o could earn from pairs,
    no higher load, no higher cost. So an optimum without o exists.
    """
    with_options = {c for role_options in instance.options for c in role_options}
    kept = []
    for role_options in instance.options:
        ordered = list(role_options.values())
        if len(ordered) <= enough:
            kept.extend(ordered)
            continue
        value = np.array([o.value for o in ordered])
        load = np.array([o.load for o in ordered])
        cost = np.array([o.cost_float for o in ordered]) if instance.budget is not None \
            else np.zeros(len(ordered))
        pairs = np.array([instance.pair_value * len(instance.coworkers[o.candidate]
                                                    & with_options) for o in ordered])
        position = np.arange(len(ordered))
        for i, option in enumerate(ordered):
            at_least_as_good = ((value >= value[i] + pairs[i]) & (load <= load[i])
                                & (cost <= cost[i]))
            better = ((value > value[i] + pairs[i]) | (load < load[i]) | (cost < cost[i])
                      | (position < i))
            if np.count_nonzero(at_least_as_good & better) < enough:
                kept.append(option)
    return kept


class _Rows:
    """A sparse constraint matrix built row by row: Σ coefficient · variable ≤ upper."""

    def __init__(self):
        self.rows, self.columns, self.values, self.upper = [], [], [], []

    def add(self, entries: list[tuple[int, float]], upper: float) -> None:
        row = len(self.upper)
        for column, value in entries:
            self.rows.append(row)
            self.columns.append(column)
            self.values.append(value)
        self.upper.append(upper)

    def constraint(self, variables: int) -> LinearConstraint:
        matrix = coo_array((self.values, (self.rows, self.columns)),
                           shape=(len(self.upper), variables)).tocsr()
        return LinearConstraint(matrix, -np.inf, np.array(self.upper))


def solve_exact(instance: Instance, avoid: list[tuple[frozenset[int], int]] = (),
                fill: int | None = None, time_limit: float | None = None) -> ExactResult:
    """The best team; `avoid` holds (members of an earlier team, most people to share).

    `fill`: seats the team must fill, known to be the most possible (for alternatives:
    what the best team filled). Then filling needs no reward M, which keeps the program
    tighter: about twice as fast on the benchmark's hardest alternatives.
    """
    earlier = frozenset().union(*(members for members, _ in avoid))
    options = undominated(instance, instance.project.total_seats + len(earlier))
    if not options:
        return ExactResult(None, True) if fill else ExactResult({}, True)
    by_candidate: dict[int, list[int]] = {}
    for column, option in enumerate(options):
        by_candidate.setdefault(option.candidate, []).append(column)
    pairs = sorted({(a, b) for a in by_candidate for b in instance.coworkers[a]
                    if a < b and b in by_candidate})
    pair_start, load_column = len(options), len(options) + len(pairs)
    variables = load_column + 1
    lam = instance.settings.fairness_weight

    seats = instance.seats
    most_pairs = min(len(pairs), sum(seats) * (sum(seats) - 1) // 2)
    fill_reward = 0.0 if fill is not None else 1.0 + lam + instance.pair_value * most_pairs + sum(
        seats[role] * max((o.value for o in role_options.values()), default=0.0)
        for role, role_options in enumerate(instance.options))
    objective = np.zeros(variables)
    objective[:pair_start] = [-(fill_reward + option.value) for option in options]
    objective[pair_start:load_column] = -instance.pair_value
    objective[load_column] = lam

    rows = _Rows()
    for role in range(len(seats)):
        rows.add([(c, 1.0) for c, o in enumerate(options) if o.role == role], seats[role])
    for columns in by_candidate.values():
        if len(columns) > 1:
            rows.add([(c, 1.0) for c in columns], 1)
        if lam > 0:
            rows.add([(c, options[c].load) for c in columns] + [(load_column, -1.0)], 0)
    if lam > 0:  # the highest load is at least the mean load of a role's filled seats
        for role in range(len(seats)):
            rows.add([(c, o.load) for c, o in enumerate(options) if o.role == role]
                     + [(load_column, -float(seats[role]))], 0)
    for offset, (a, b) in enumerate(pairs):
        for member in (a, b):
            rows.add([(pair_start + offset, 1.0)] + [(c, -1.0) for c in by_candidate[member]], 0)
    if instance.budget is not None:  # in shares of the budget: coefficients near 1
        rows.add([(c, o.cost_float / instance.budget) for c, o in enumerate(options)], 1.0)
    if fill is not None:
        rows.add([(c, -1.0) for c in range(len(options))], -fill)
    for earlier, most_shared in avoid:
        rows.add([(c, 1.0) for member in earlier for c in by_candidate.get(member, ())],
                 most_shared)

    integrality = np.zeros(variables)
    integrality[:pair_start] = 1
    upper = np.ones(variables)
    upper[load_column] = np.inf
    limit = instance.settings.exact_time_limit_seconds if time_limit is None else time_limit
    result = milp(objective, integrality=integrality, bounds=Bounds(np.zeros(variables), upper),
                  constraints=[rows.constraint(variables)],
                  # presolve off: 35 % faster on the benchmark's instances, same optima
                  options={"time_limit": limit, "mip_rel_gap": 1e-9, "presolve": False,
                           "disp": False})
    if result.x is None:
        return ExactResult(None, result.status == INFEASIBLE)
    team: dict[int, list[int]] = {}
    for column, option in enumerate(options):
        if result.x[column] > 0.5:
            team.setdefault(option.role, []).append(option.candidate)
    return ExactResult({role: tuple(seated) for role, seated in team.items()},
                       result.status == OPTIMAL)

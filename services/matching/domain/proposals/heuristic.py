"""Fast mode for large coops: greedy construction by regret, then local search.

Works on a shortlist per role (`Instance.shortlist`). Greedy fills one seat at a
time. For every role with s open seats it compares the best marginal gain (seat value
+ new co-worker pairs − the rise in λ × max utilisation) with the (s+1)-th best: the
one who would get a seat if the best went elsewhere. It fills the role where passing
up the best would cost most (the largest regret), so a role with as many candidates
as seats is filled before another role takes them. A candidate is only taken if the
open seats can still be filled by the cheapest unused candidates within the budget.
For an alternative, members of earlier teams come last (see SHARED_PENALTY).

Local search (`local_search.py`) then applies the best improving move until none is left.

For the best team (not for alternatives) the whole run is repeated from other greedy
starts, and the best team wins: starts that ignore λ under a load cap (LOAD_CAPS), and,
when the budget binds (over 90 % spent, or a seat open that someone could take),
starts charging a price per euro (see `_prices`). Both trade-offs, fairness against
skill and value against cost, need several seats to change at once, which single
moves rarely find.
"""

import heapq

from services.matching.domain.proposals.instance import Instance
from services.matching.domain.proposals.local_search import improve
from services.matching.domain.proposals.objective import Team, evaluate
from services.matching.domain.proposals.team_state import TeamState, budget_binds

# Greedy takes a member of an earlier team (for an alternative) only where a role has
# nobody else, so the few people an alternative may share go where they are needed;
# local search later brings them back where that is allowed and pays.
SHARED_PENALTY = 1e3
RESTART_PRICE_FACTORS = (0.5, 1.5)
# Extra greedy starts that ignore λ but keep loads under a cap: the max-load term
# is one number for the whole team, so from a fair team no single swap towards a
# stronger, busier team pays, even when the stronger team scores more in total.
LOAD_CAPS = (1.0, 0.8)


def solve_heuristic(instance: Instance, avoid: list[tuple[frozenset[int], int]] = ()) -> Team:
    best = _run(instance, avoid)
    if avoid:  # alternatives: one run is enough
        return best.team()
    starts = [{"load_cap": cap} for cap in LOAD_CAPS]
    if budget_binds(instance, best):
        starts += [{"price": price} for price in _prices(instance)]
    for start in starts:
        other = _run(instance, avoid, **start)
        if _key(other) > _key(best):
            best = other
    return best.team()


def _run(instance: Instance, avoid, price: float = 0.0,
         load_cap: float | None = None) -> TeamState:
    state = TeamState(instance, list(avoid))
    _greedy(state, price, load_cap)
    improve(state)
    return state


def _key(state: TeamState) -> tuple[int, float]:
    return evaluate(state.instance, state.team()).key


def _prices(instance: Instance) -> list[float]:
    """Prices of a euro in score points for restarts: around score ÷ cost of a typical option.

    Charging the greedy `price × cost` per candidate (a Lagrangian relaxation of the
    budget) makes it prefer value for money; local search then works on the true objective.
    """
    options = [o for role_options in instance.options for o in role_options.values()]
    mean_cost = sum(o.cost_float for o in options) / len(options)
    mean_value = sum(o.value for o in options) / len(options)
    if mean_cost <= 0:
        return []
    return [factor * mean_value / mean_cost for factor in RESTART_PRICE_FACTORS]




class _Reserve:
    """What the open seats cost at least: per role, its cheapest unused candidates.

    Computed once per greedy step; `without(role, c)` is the reserve for the seats
    left open once `c` takes a seat of `role`.
    """

    def __init__(self, state: TeamState):
        self.need = {role: state.open(role) for role in range(len(state.instance.options))
                     if state.open(role) > 0}
        self.cheapest = {
            role: heapq.nsmallest(need + 1, ((o.cost_float, c) for c, o in
                                             state.instance.options[role].items()
                                             if c not in state.role_of))
            for role, need in self.need.items()}

    def without(self, role_taking: int, taking: int) -> float:
        total = 0.0
        for role, need in self.need.items():
            need -= role == role_taking
            total += sum(cost for cost, c in
                         [entry for entry in self.cheapest[role] if entry[1] != taking][:need])
        return total


def _greedy(state: TeamState, price: float, load_cap: float | None) -> None:
    """`load_cap`: ignore λ, and take members whose load would exceed the cap last."""
    instance = state.instance
    lam = instance.settings.fairness_weight if load_cap is None else 0.0
    closed: set[int] = set()
    while True:
        current_max = max((state.option(r, c).load for c, r in state.role_of.items()),
                          default=0.0)
        team = set(state.role_of)
        reserve = _Reserve(state) if instance.budget is not None else None
        pick, pick_key = None, None
        for role, options in enumerate(instance.options):
            if role in closed or state.open(role) <= 0:
                continue
            gains = []
            for candidate, option in options.items():
                if candidate in team or not state.keeps_apart((), (candidate,)):
                    continue
                gain = (option.value
                        + instance.pair_value * len(instance.coworkers[candidate] & team)
                        - lam * max(0.0, option.load - current_max)
                        - price * option.cost_float)
                if any(candidate in earlier for earlier, _ in state.avoid):
                    gain -= SHARED_PENALTY
                if load_cap is not None and option.load > load_cap + 1e-12:
                    gain -= SHARED_PENALTY
                gains.append((gain, candidate))
            gains.sort(reverse=True)
            if reserve is not None:
                affordable = []
                for gain, c in gains:
                    if state.fits_budget(options[c].cost_float + reserve.without(role, c)):
                        affordable.append((gain, c))
                        if len(affordable) > state.open(role):
                            break
                gains = affordable
            if not gains:
                closed.add(role)
                continue
            runner = gains[state.open(role)][0] if len(gains) > state.open(role) else None
            regret = gains[0][0] - runner if runner is not None else float("inf")
            key = (regret, gains[0][0])
            if pick_key is None or key > pick_key:
                pick, pick_key = (role, gains[0][1]), key
        if pick is None:
            return
        state.put(*pick)

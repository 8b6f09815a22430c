"""Local search for the heuristic: the best improving move, until none is left.

A move is (members leaving their seats, (role, member) joining). Simple moves: fill an
open seat, replace a member, swap two members' roles, a chain (b takes a's seat and c
takes b's). Compound moves, tried only when no simple move improves: while a seat is
open, b moves into it and c takes b's seat, or make room (a cheaper member replaces
a, and c fills the seat); while the budget binds, replace two members at once. They
draw from the best few and the cheapest few unused candidates of a role (`_few`).
"""

import heapq
from dataclasses import dataclass

from services.matching.domain.proposals.instance import Instance
from services.matching.domain.proposals.team_state import TeamState, budget_binds

IMPROVEMENT = 1e-9
MAX_ROUNDS = 200
FILL = 1e6  # a move that fills a seat beats any change of score
PAIR_REPLACE_CANDIDATES = 6  # per role, for replacing two members at once

Move = tuple[tuple[int, ...], tuple[tuple[int, int], ...]]  # (leaving, ((role, joining), …))


def improve(state: TeamState) -> None:
    for _ in range(MAX_ROUNDS):
        move = _best_move(state, compound=False) or _best_move(state, compound=True)
        if move is None:
            return
        leaving, joining = move
        for candidate in leaving:
            state.remove(candidate)
        for role, candidate in joining:
            state.put(role, candidate)


@dataclass(frozen=True)
class _Snapshot:
    """The team before any move of a round: members, and loads from the highest down."""

    team: frozenset[int]
    loads: list[tuple[float, int]]

    @classmethod
    def of(cls, state: TeamState) -> "_Snapshot":
        return cls(frozenset(state.role_of), sorted(
            ((state.option(r, c).load, c) for c, r in state.role_of.items()), reverse=True))

    def max_load(self, leaving=()) -> float:
        return next((load for load, c in self.loads if c not in leaving), 0.0)


def _delta(state: TeamState, now: _Snapshot, leaving: tuple[int, ...], joining) -> float | None:
    """The change of the objective by a move, or None when the move is not allowed."""
    instance = state.instance
    options = instance.options
    role_of = state.role_of
    extra = 0.0
    value = 0.0
    after_max = now.max_load(leaving)
    for r, c in joining:
        option = options[r][c]
        extra += option.cost_float
        value += option.value
        after_max = max(after_max, option.load)
    for c in leaving:
        option = options[role_of[c]][c]
        extra -= option.cost_float
        value -= option.value
    joined = [c for _, c in joining]
    if not state.fits_budget(extra) or not state.keeps_apart(leaving, joined):
        return None
    after = (now.team - set(leaving)) | set(joined)
    pairs = 0
    if instance.pair_value:
        pairs = (_touching(instance, after - now.team, after)
                 - _touching(instance, now.team - after, now.team))
    fills = len(after) - len(now.team)
    return (FILL * fills + value + instance.pair_value * pairs
            + instance.settings.fairness_weight * (now.max_load() - after_max))


def _touching(instance: Instance, changed: set[int], team: set[int]) -> int:
    """Co-worker pairs in `team` with at least one member in `changed`."""
    counted = sum(len(instance.coworkers[c] & team) for c in changed)
    inside = sum(len(instance.coworkers[c] & changed) for c in changed) // 2
    return counted - inside


def _moves(state: TeamState, compound: bool):
    """Swap and chain moves; or, if `compound`, the two-seat moves. (Fill and replace
    are the bulk; `_best_fill_or_replace` scores them without building sets.)"""
    options = state.instance.options
    seated = list(state.role_of.items())
    open_roles = [role for role in range(len(options)) if state.open(role) > 0]
    if compound:
        yield from _compound_moves(state, seated, open_roles)
        return
    for a, role_a in seated:
        for b, role_b in seated:
            if role_a == role_b or b not in options[role_a]:
                continue
            if a in options[role_b] and a < b:  # swap
                yield (a, b), ((role_b, a), (role_a, b))
            for c in options[role_b]:  # chain: b takes a's seat, c takes b's
                if c not in state.role_of:
                    yield (a, b), ((role_a, b), (role_b, c))


def _compound_moves(state: TeamState, seated, open_roles):
    options = state.instance.options
    for open_role in open_roles:
        for b, role_b in seated:  # b moves to the open seat, c takes b's
            if b in options[open_role]:
                for c in options[role_b]:
                    if c not in state.role_of:
                        yield (b,), ((open_role, b), (role_b, c))
        fillers = _few(state, open_role)
        for a, role_a in seated:  # make room: cheaper b replaces a, c fills the seat
            out = options[role_a][a].cost_float
            for b in _few(state, role_a):
                if options[role_a][b].cost_float < out:
                    for c in fillers:
                        if c != b:
                            yield (a,), ((role_a, b), (open_role, c))
    if budget_binds(state.instance, state):  # one dearer and one cheaper member at once
        few = {role: _few(state, role) for role in set(state.role_of.values())}
        for i, (a, role_a) in enumerate(seated):
            for b, role_b in seated[i + 1:]:
                for c in few[role_a]:
                    for d in few[role_b]:
                        if c != d:
                            yield (a, b), ((role_a, c), (role_b, d))


def _few(state: TeamState, role: int) -> list[int]:
    """Unused candidates worth a compound move: the best few and the cheapest few."""
    lam = state.instance.settings.fairness_weight
    options = state.instance.options[role]
    unused = [o for c, o in options.items() if c not in state.role_of]
    best = heapq.nlargest(PAIR_REPLACE_CANDIDATES, unused, key=lambda o: o.standalone(lam))
    cheapest = heapq.nsmallest(PAIR_REPLACE_CANDIDATES // 2, unused, key=lambda o: o.cost_float)
    return list(dict.fromkeys(o.candidate for o in best + cheapest))


def _best_fill_or_replace(state: TeamState, now: _Snapshot) -> tuple[Move | None, float]:
    instance = state.instance
    lam, pair_value = instance.settings.fairness_weight, instance.pair_value
    coworkers = instance.coworkers
    team = now.team
    now_max = now.max_load()
    pairs: dict[int, int] = {}

    def pairs_of(c: int) -> int:
        if c not in pairs:
            pairs[c] = len(coworkers[c] & team) if pair_value else 0
        return pairs[c]

    best, best_delta = None, IMPROVEMENT
    for role, options in enumerate(instance.options):
        leaving_choices: list[int | None] = [None] if state.open(role) > 0 else []
        leaving_choices += state.seated.get(role, [])
        for a in leaving_choices:
            out = options[a] if a is not None else None
            base = FILL if out is None else -(out.value + pair_value * pairs_of(a))
            rest_max = now_max if out is None else now.max_load((a,))
            freed = 0.0 if out is None else out.cost_float
            leaving = () if a is None else (a,)
            for c, option in options.items():
                if c in team:
                    continue
                shared = pairs_of(c) - (1 if a is not None and a in coworkers[c] else 0)
                delta = (base + option.value + pair_value * shared
                         + lam * (now_max - max(rest_max, option.load)))
                if delta > best_delta and state.fits_budget(option.cost_float - freed) \
                        and state.keeps_apart(leaving, (c,)):
                    best, best_delta = (leaving, ((role, c),)), delta
    return best, best_delta


def _best_move(state: TeamState, compound: bool) -> Move | None:
    now = _Snapshot.of(state)
    best, best_delta = (None, IMPROVEMENT) if compound else _best_fill_or_replace(state, now)
    for leaving, joining in _moves(state, compound):
        delta = _delta(state, now, leaving, joining)
        if delta is not None and delta > best_delta:
            best, best_delta = (leaving, joining), delta
    return best

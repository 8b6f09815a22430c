"""The team the heuristic is building: who sits where, what it costs, what it may share."""

from dataclasses import dataclass, field

from services.matching.domain.proposals.instance import Instance
from services.matching.domain.proposals.objective import Team

BUDGET_NEARLY_SPENT = 0.9


@dataclass
class TeamState:
    instance: Instance
    avoid: list[tuple[frozenset[int], int]]
    seated: dict[int, list[int]] = field(default_factory=dict)
    role_of: dict[int, int] = field(default_factory=dict)
    cost: float = 0.0

    def option(self, role: int, candidate: int):
        return self.instance.options[role][candidate]

    def open(self, role: int) -> int:
        return self.instance.seats[role] - len(self.seated.get(role, ()))

    def fits_budget(self, extra: float) -> bool:
        budget = self.instance.budget
        return budget is None or self.cost + extra <= budget * (1 + 1e-12)

    def keeps_apart(self, leaving, joining) -> bool:
        """Whether the team after the move shares few enough people with every earlier team."""
        if not self.avoid:
            return True
        after = (set(self.role_of) - set(leaving)) | set(joining)
        return all(len(after & earlier) <= most_shared for earlier, most_shared in self.avoid)

    def put(self, role: int, candidate: int) -> None:
        self.seated.setdefault(role, []).append(candidate)
        self.role_of[candidate] = role
        self.cost += self.option(role, candidate).cost_float

    def remove(self, candidate: int) -> None:
        role = self.role_of.pop(candidate)
        self.seated[role].remove(candidate)
        self.cost -= self.option(role, candidate).cost_float

    def team(self) -> Team:
        return {role: tuple(seated) for role, seated in self.seated.items() if seated}


def budget_binds(instance: Instance, state: TeamState) -> bool:
    """Whether the budget may limit the team: it is nearly spent, or a seat stays open
    although someone unused could take it."""
    budget = instance.budget
    if budget is None:
        return False
    return state.cost > BUDGET_NEARLY_SPENT * budget or any(
        state.open(role) > 0 and any(c not in state.role_of for c in options)
        for role, options in enumerate(instance.options))

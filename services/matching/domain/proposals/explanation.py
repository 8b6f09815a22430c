"""Why each primary: their score parts, in words, and why not the runner-up.

The runner-up of a seat is the best other option for the role by standalone worth
(seat value + λ × (1 − utilisation)), not holding a seat of this role. Why they lost
is answered with the team objective itself: put them in the seat instead and see which
part of the team's score drops most (`lost_on`: skill_fit, nice_to_have,
client_continuity, coworkers, fairness). When the swap is not allowed the rule is
named instead (`one_seat_per_member`, `budget`); `tie` when the scores are equal, and
`heuristic` in the rare case the fast mode missed a better swap.
"""

from dataclasses import dataclass

from services.matching.domain.proposals.instance import Instance, Option
from services.matching.domain.proposals.objective import Team, cost, evaluate

PARTS = ("skill_fit", "nice_to_have", "client_continuity", "coworkers", "fairness")
TIE = 1e-9


@dataclass(frozen=True)
class SeatParts:
    """The primary's weighted contribution to each part of the objective."""

    skill_fit: float
    nice_to_have: float
    client_continuity: float
    coworkers: float  # coworker_weight × share of the other seats held by former co-workers
    utilisation: float  # over the project's weeks, this seat included
    fairness: float  # λ × (1 − utilisation): the team term when this member is the busiest


@dataclass(frozen=True)
class RunnerUp:
    member_id: str
    lost_on: str  # a part of PARTS, or one_seat_per_member, budget, tie
    detail: str


@dataclass(frozen=True)
class SeatExplanation:
    parts: SeatParts
    why: tuple[str, ...]
    runner_up: RunnerUp | None


def explain_seat(instance: Instance, team: Team, role: int, candidate: int) -> SeatExplanation:
    option = instance.options[role][candidate]
    others = [c for seated in team.values() for c in seated if c != candidate]
    partners = [c for c in others if c in instance.coworkers[candidate]]
    parts = _parts(instance, option, len(partners))
    return SeatExplanation(parts, tuple(_why(instance, option, partners)),
                           _runner_up(instance, team, role, candidate))


def _parts(instance: Instance, option: Option, partners: int) -> SeatParts:
    settings = instance.settings
    others = instance.project.total_seats - 1
    return SeatParts(
        skill_fit=settings.skill_weight * option.skill_fit,
        nice_to_have=settings.nice_to_have_weight * option.nice_to_have,
        client_continuity=settings.client_continuity_weight * option.client_continuity,
        coworkers=settings.coworker_weight * partners / others if others else 0.0,
        utilisation=option.load,
        fairness=settings.fairness_weight * (1 - option.load),
    )


def _why(instance: Instance, option: Option, partners: list[int]) -> list[str]:
    role = instance.project.roles[option.role]
    profile = instance.candidates[option.candidate]
    level = profile.skills[role.skill]
    how = "verified" if level.is_verified else (
        f"self-assessed (counted at {instance.settings.self_assessed_factor:.0%})")
    sentences = [f"Level {level.level} in {role.skill}, {how}; the role asks for "
                 f"{role.minimum_level} or more."]
    extra = [slug for slug in role.nice_to_have if slug in profile.skills]
    if extra:
        sentences.append(f"Also has {', '.join(extra)} (nice to have).")
    if instance.project.client_id in profile.history.clients:
        rating = profile.history.clients[instance.project.client_id]
        rated = f"average check-in rating {rating:.1f}" if rating is not None else "not rated yet"
        sentences.append(f"Has worked for this client before ({rated}).")
    if partners:
        names = ", ".join(instance.candidates[c].member_id for c in partners)
        sentences.append(f"Has worked with {names} in this team before.")
    sentences.append(f"Utilisation over the project's weeks becomes {option.load:.0%} "
                     f"(capacity for all {len(instance.weeks)} weeks).")
    return sentences


def _runner_up(instance: Instance, team: Team, role: int, candidate: int) -> RunnerUp | None:
    lam = instance.settings.fairness_weight
    same_role = set(team.get(role, ()))
    rivals = [o for c, o in instance.options[role].items() if c not in same_role]
    if not rivals:
        return None
    rival = max(rivals, key=lambda o: (o.standalone(lam), -o.candidate))
    rival_id = instance.candidates[rival.candidate].member_id
    holder = next((r for r, seated in team.items() if rival.candidate in seated), None)
    if holder is not None:
        return RunnerUp(rival_id, "one_seat_per_member",
                        f"{rival_id} already holds a seat as "
                        f"{instance.project.roles[holder].skill} in this team.")
    swapped = {r: tuple(rival.candidate if c == candidate else c for c in seated)
               if r == role else seated for r, seated in team.items()}
    budget = instance.project.budget
    if budget is not None and cost(instance, swapped) > budget:
        return RunnerUp(rival_id, "budget",
                        f"With {rival_id} the team would cost EUR {cost(instance, swapped):.2f}, "
                        f"over the budget of EUR {budget}.")
    ours, theirs = evaluate(instance, team), evaluate(instance, swapped)
    losses = {part: getattr(ours, part) - getattr(theirs, part) for part in PARTS}
    part, loss = max(losses.items(), key=lambda item: item[1])
    total = ours.objective - theirs.objective
    if total < -TIE:
        return RunnerUp(rival_id, "heuristic",
                        f"With {rival_id} the team would score {-total:.2f} more; the fast "
                        "heuristic did not find that swap.")
    if total <= TIE or loss <= TIE:
        return RunnerUp(rival_id, "tie", f"{rival_id} would make an equally good team.")
    return RunnerUp(rival_id, part,
                    f"With {rival_id} instead, the team would score {loss:.2f} less on "
                    f"{part.replace('_', ' ')} ({total:.2f} less overall).")

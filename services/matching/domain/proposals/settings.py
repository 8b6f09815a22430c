"""The coop's knobs for team proposals (operator settings), with the defaults explained.

Scale: a seat's score is a sum of weighted parts that each lie between 0 and 1, so
with the defaults a perfect seat is worth about 1.75 and a six-seat team about 10.
Fairness is one team-level term λ × (1 − highest resulting utilisation), worth up
to λ: with λ = 1, putting a member at 90 % utilisation instead of someone idle costs
0.9, more than a level-5 person over a level-4 one (0.33 at minimum level 3). So
the coop spreads work unless the skill gap is large.
"""

from dataclasses import dataclass, fields
from decimal import Decimal

from services.matching.domain.proposals.errors import SettingOutOfRange


@dataclass(frozen=True)
class ProposalSettings:
    # --- score of a primary (each part 0–1, times its weight) ------------------------------
    skill_weight: float = 1.0
    # A level the member assessed themself counts for this share of a verified one.
    self_assessed_factor: float = 0.8
    nice_to_have_weight: float = 0.25
    client_continuity_weight: float = 0.5
    # Continuity of a member who worked for the client but was never rated there
    # (a rated member scores (rating − 1) ÷ 4: rating 3 is 0.5, rating 5 is 1).
    unrated_client_history: float = 0.5
    # Each primary scores the share of the other primaries they worked with before.
    coworker_weight: float = 0.25
    # λ: the team-level term λ × (1 − highest utilisation of a primary after this project).
    fairness_weight: float = 1.0

    # --- backups -----------------------------------------------------------------------
    # Backup score: skill fit + continuity + this × share of weeks it could take the seat.
    backup_slack_weight: float = 1.0

    # --- solver ------------------------------------------------------------------------
    # Exact (MILP, HiGHS) when no role has more options (members who could take a seat)
    # than this. Measured: below ~150 a proposal (best + 2 alternatives) takes tens of
    # ms; at 200–300 with a budget and λ > 0, 100–550 ms. The heuristic stays within
    # about 0.5 % of the optimum there (see benchmarks/matching_solver.py).
    exact_max_candidates_per_role: int = 150
    exact_time_limit_seconds: float = 10.0
    # The heuristic looks at this many of the best candidates per role (and the cheapest
    # few when a budget is set); more is slower and rarely better.
    heuristic_candidates_per_role: int = 25

    # --- alternatives ------------------------------------------------------------------
    alternatives: int = 2
    # Each alternative has different people in at least this share of its seats,
    # compared with the best team and with every earlier alternative.
    alternative_min_difference: float = 0.5

    # --- growth seat -------------------------------------------------------------------
    mentor_min_level: int = 4  # a strong mentor: at least this level in the role's skill
    growth_seat_discount: Decimal = Decimal("0.50")  # the learner is billed at 50 % off

    def __post_init__(self):
        problems = []
        for spec in fields(self):
            value = getattr(self, spec.name)
            if value < 0:
                problems.append((spec.name, "Cannot be negative."))
        for name in ("self_assessed_factor", "unrated_client_history",
                     "alternative_min_difference", "growth_seat_discount"):
            if getattr(self, name) > 1:
                problems.append((name, "A share from 0 to 1."))
        if not 1 <= self.mentor_min_level <= 5:
            problems.append(("mentor_min_level", "A level from 1 to 5."))
        if self.heuristic_candidates_per_role < 1:
            problems.append(("heuristic_candidates_per_role", "At least 1."))
        if problems:
            raise SettingOutOfRange(problems)


DEFAULT_SETTINGS = ProposalSettings()

"""How well one member fits one seat, part by part; each part lies between 0 and 1.

- skill fit: how far above the role's minimum the member's level is, from just
  meeting it (1 ÷ (6 − minimum)) to level 5 (1.0). A verified level counts fully,
  a self-assessed one times `self_assessed_factor` (0.8): a self-assessed 5 is worth
  less than a verified 5, but more than a verified 4 at minimum 3 (0.8 against 0.67).
- nice to have: the share of the role's nice-to-have skills the member has (any
  level), self-assessed ones discounted the same way.
- client continuity: worked for this client before, weighted by the client's ratings
  at check-ins: (rating − 1) ÷ 4, so a 1 is worth nothing; never rated counts as
  `unrated_client_history` (0.5).
Team-level parts (co-workers, fairness) live in `objective.py`.
"""

from collections.abc import Mapping

from services.matching.domain.proposals.candidates import SkillLevel, WorkHistory
from services.matching.domain.proposals.settings import ProposalSettings


def credibility(level: SkillLevel, settings: ProposalSettings) -> float:
    return 1.0 if level.is_verified else settings.self_assessed_factor


def skill_fit(level: SkillLevel, minimum: int, settings: ProposalSettings) -> float:
    if level.level < minimum:
        return 0.0
    return credibility(level, settings) * (level.level - minimum + 1) / (6 - minimum)


def nice_to_have(skills: Mapping[str, SkillLevel], wanted: tuple[str, ...],
                 settings: ProposalSettings) -> float:
    if not wanted:
        return 0.0
    held = (skills.get(slug) for slug in wanted)
    return sum(credibility(level, settings) for level in held
               if level is not None and level.level > 0) / len(wanted)


def client_continuity(history: WorkHistory, client_id: str, settings: ProposalSettings) -> float:
    if client_id not in history.clients:
        return 0.0
    rating = history.clients[client_id]
    if rating is None:
        return settings.unrated_client_history
    return min(max((float(rating) - 1) / 4, 0.0), 1.0)


def backup_score(skill_fit, client_continuity, slack_share, settings: ProposalSettings):
    """A backup's worth: skill fit, continuity, and the share of weeks they could take over.

    Works on floats and on numpy arrays alike.
    """
    return (settings.skill_weight * skill_fit
            + settings.client_continuity_weight * client_continuity
            + settings.backup_slack_weight * slack_share)


def utilisation(booked_hours: float, free_hours: float, added_hours: float) -> float:
    """Share of capacity (booked + free) in use once `added_hours` are assigned too."""
    capacity = booked_hours + free_hours
    return 1.0 if capacity <= 0 else (booked_hours + added_hours) / capacity

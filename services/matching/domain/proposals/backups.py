"""Backups: for every filled seat a different, skilled member who could step in.

Decisions
- A backup is skilled for the seat's role (active, hourly rate, level ≥ minimum) but
  need not have capacity in every week: reserving nothing, they are scored instead
  on the share of the project's weeks in which their free hours cover the seat
  (`backup_slack_weight`), next to skill fit and continuity with the client. Someone
  free in none of the weeks could never step in and is not named.
- One position per member per project: a backup is never a primary of the same
  proposal, nor the backup of a second seat. A primary who also backs another seat
  would leave two seats uncovered at once when they fall out, and would have to work
  both seats' hours when the other primary does; the backup would be no backup.
- Backups are chosen after the primaries, all seats at once, as an assignment problem
  (`scipy.optimize.linear_sum_assignment`), so no seat takes the only backup another
  seat could have. A seat with no one left is reported with `backup=None`.
"""

from dataclasses import dataclass

import numpy as np
from scipy.optimize import linear_sum_assignment

from services.matching.domain.proposals.instance import HOURS_TOLERANCE, Instance
from services.matching.domain.proposals.iso_week import IsoWeek, describe_weeks
from services.matching.domain.proposals.objective import Team

SHORTLIST_PER_SEAT = 3
NOT_ALLOWED = 1e9


@dataclass(frozen=True)
class BackupChoice:
    member_id: str
    skill_fit: float
    client_continuity: float
    slack_share: float  # share of the seat's weeks in which they could take it over
    short_weeks: tuple[IsoWeek, ...]  # the weeks in which they could not
    score: float

    @property
    def explanation(self) -> str:
        if not self.short_weeks:
            return "Has the free hours to take over in every week of the project."
        return (f"Could take over in {self.slack_share:.0%} of the weeks; not in "
                f"{describe_weeks(self.short_weeks)}.")


def slack(free: np.ndarray, hours: float, weeks: tuple[IsoWeek, ...]):
    """(share of weeks with enough free hours, the weeks without)."""
    enough = free >= hours - HOURS_TOLERANCE
    short = tuple(week for week, ok in zip(weeks, enough, strict=True) if not ok)
    return (float(enough.mean()) if len(weeks) else 0.0), short


def choose_backups(instance: Instance, team: Team) -> dict[tuple[int, int], BackupChoice | None]:
    """(role, seat) → its backup; seats are numbered per role in the order of `team`."""
    seats = [(role, seat) for role, seated in sorted(team.items()) for seat in range(len(seated))]
    primaries = {candidate for seated in team.values() for candidate in seated}
    ranked = {role: _ranked(instance, role, primaries, len(seated))
              for role, seated in team.items()}
    columns = sorted({candidate for entries in ranked.values() for candidate, _, _ in entries})
    if not seats or not columns:
        return {seat: None for seat in seats}
    position = {candidate: column for column, candidate in enumerate(columns)}
    costs = np.full((len(seats), len(columns)), NOT_ALLOWED)
    for row, (role, _) in enumerate(seats):
        for candidate, _, score in ranked[role]:
            costs[row, position[candidate]] = -score
    index_in_role = {(role, candidate): i for role, entries in ranked.items()
                     for candidate, i, _ in entries}
    rows, picked = linear_sum_assignment(costs)
    result: dict[tuple[int, int], BackupChoice | None] = {seat: None for seat in seats}
    for row, column in zip(rows, picked, strict=True):
        if costs[row, column] < NOT_ALLOWED:
            role = seats[row][0]
            result[seats[row]] = _choice(instance, role, index_in_role[role, columns[column]])
    return result


def _ranked(instance: Instance, role: int, primaries: set[int],
            seats: int) -> list[tuple[int, int, float]]:
    """(candidate, index among the role's skilled, score) of the best few possible backups."""
    members = instance.skilled[role]
    keep = SHORTLIST_PER_SEAT * (seats + instance.project.total_seats)
    best = np.argsort(-members.backup_score, kind="stable")[:keep + len(primaries)]
    ranked = []
    for i in best.tolist():
        candidate, score = int(members.candidates[i]), float(members.backup_score[i])
        if candidate not in primaries and score > -np.inf:
            ranked.append((candidate, i, score))
    return ranked[:keep]


def _choice(instance: Instance, role: int, i: int) -> BackupChoice:
    members = instance.skilled[role]
    candidate = int(members.candidates[i])
    hours = float(instance.project.roles[role].hours_per_week)
    share, short = slack(instance.free[candidate], hours, instance.weeks)
    return BackupChoice(instance.candidates[candidate].member_id, float(members.skill_fit[i]),
                        float(members.client_continuity[i]), share, short,
                        float(members.backup_score[i]))

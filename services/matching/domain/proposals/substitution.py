"""Continuity: when a member falls out, who keeps their seats going.

Given a running team and the weeks a member is unavailable (`member_unavailable`, or
every remaining week for `member_left` / `member_suspended`), per seat that overlaps:

- the member is the primary: the seat's backup takes it for the weeks in which the
  backup has the seat's hours free. Weeks left over go to the skilled member free in
  most of them (then the best scored), and so on until none are left or nobody is free
  in any: those weeks are a `CoverageGap`. A
  backup who stepped in is replaced by a newly named backup, who then backs up the
  seat for the rest of the project (the primary on return, the stand-in before);
- the member is the backup: a new backup is named for the seat.

Stand-ins and new backups come from `candidates` (profiles *now*: free hours after every
confirmed assignment). One position per member per project holds here too: nobody who
already is a primary or backup in the team is chosen, and nobody is chosen twice.
New backups are ranked like backups at proposal time (and must be free in at least one
of the seat's weeks); stand-ins by skill fit and client continuity (they are free in
every week they cover). A backup who is no longer active or skilled is replaced too.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from services.matching.domain.proposals import scoring
from services.matching.domain.proposals.candidates import CandidateProfile
from services.matching.domain.proposals.iso_week import IsoWeek, describe_weeks
from services.matching.domain.proposals.project import Role
from services.matching.domain.proposals.settings import DEFAULT_SETTINGS, ProposalSettings


@dataclass(frozen=True)
class RunningSeat:
    seat_id: str
    role: Role
    primary: str
    backup: str | None
    weeks: tuple[IsoWeek, ...]  # the weeks this seat still runs


@dataclass(frozen=True)
class RunningTeam:
    project_id: str
    client_id: str
    seats: tuple[RunningSeat, ...]


@dataclass(frozen=True)
class SeatTakenOver:
    seat_id: str
    absent_member: str
    stand_in: str
    weeks: tuple[IsoWeek, ...]
    by_backup: bool


@dataclass(frozen=True)
class BackupNamed:
    seat_id: str
    member_id: str | None  # None: nobody could be named
    previous: str | None
    reason: str


@dataclass(frozen=True)
class CoverageGap:
    seat_id: str
    skill: str
    weeks: tuple[IsoWeek, ...]
    reason: str


@dataclass(frozen=True)
class Substitution:
    member_id: str
    changes: tuple[SeatTakenOver | BackupNamed | CoverageGap, ...]

    @property
    def gaps(self) -> list[CoverageGap]:
        return [change for change in self.changes if isinstance(change, CoverageGap)]


def substitute(team: RunningTeam, member_id: str, unavailable: Iterable[IsoWeek],
               candidates: Iterable[CandidateProfile],
               settings: ProposalSettings = DEFAULT_SETTINGS) -> Substitution:
    unavailable = set(unavailable)
    pool = {profile.member_id: profile for profile in candidates}
    holding = {seat.primary for seat in team.seats} | {
        seat.backup for seat in team.seats if seat.backup}
    changes: list = []
    for seat in team.seats:
        affected = tuple(week for week in seat.weeks if week in unavailable)
        if not affected:
            continue
        if seat.primary == member_id:
            changes.extend(_cover(team, seat, affected, pool, holding, settings))
        elif seat.backup == member_id:
            changes.append(_new_backup(team, seat, member_id, pool, holding, settings,
                                       f"{member_id} is unavailable in "
                                       f"{describe_weeks(affected)}."))
    return Substitution(member_id, tuple(changes))


def _cover(team, seat: RunningSeat, affected, pool, holding: set[str], settings) -> list:
    changes = []
    remaining = affected
    backup = pool.get(seat.backup) if seat.backup else None
    if backup is not None and _skilled(backup, seat.role):
        covered = tuple(w for w in affected if _free(backup, w, seat.role.hours_per_week))
        if covered:
            changes.append(SeatTakenOver(seat.seat_id, seat.primary, backup.member_id, covered,
                                         by_backup=True))
            remaining = tuple(w for w in affected if w not in covered)
    while remaining:
        stand_in = _best(team, seat, remaining, pool, holding, settings, stand_in=True)
        if stand_in is None:
            changes.append(CoverageGap(
                seat.seat_id, seat.role.skill, remaining,
                f"Nobody with {seat.role.skill} at level ≥ {seat.role.minimum_level} has "
                f"{seat.role.hours_per_week} free hours in "
                f"{describe_weeks(remaining)}."))
            break
        holding.add(stand_in.member_id)
        covered = tuple(w for w in remaining if _free(stand_in, w, seat.role.hours_per_week))
        changes.append(SeatTakenOver(seat.seat_id, seat.primary, stand_in.member_id,
                                     covered, by_backup=False))
        remaining = tuple(w for w in remaining if w not in covered)
    if any(isinstance(c, SeatTakenOver) and c.by_backup for c in changes):
        reason = f"{seat.backup} stands in for {seat.primary}."
    elif seat.backup is None:
        reason = "The seat had no backup."
    elif backup is None or not _skilled(backup, seat.role):
        reason = f"{seat.backup} can no longer back the seat up."
    else:
        return changes
    changes.append(_new_backup(team, seat, seat.backup, pool, holding, settings, reason))
    return changes


def _new_backup(team, seat: RunningSeat, previous, pool, holding, settings, reason: str):
    chosen = _best(team, seat, seat.weeks, pool, holding, settings, stand_in=False)
    if chosen is None:
        return BackupNamed(seat.seat_id, None, previous,
                           f"{reason} Nobody else with {seat.role.skill} at level ≥ "
                           f"{seat.role.minimum_level} is free to back the seat up.")
    holding.add(chosen.member_id)
    return BackupNamed(seat.seat_id, chosen.member_id, previous, reason)


def _best(team, seat: RunningSeat, weeks, pool, holding: set[str], settings,
          stand_in: bool) -> CandidateProfile | None:
    """A stand-in covers the most of `weeks` (fewest people per seat), then scores best; a
    backup is scored on how many of them it could take over. Either is free in one at least.
    """
    best, best_key = None, None
    for profile in pool.values():
        if profile.member_id in holding or not _skilled(profile, seat.role):
            continue
        free_weeks = sum(1 for w in weeks if _free(profile, w, seat.role.hours_per_week))
        if free_weeks == 0:
            continue
        level = profile.skills[seat.role.skill]
        score = scoring.backup_score(
            scoring.skill_fit(level, seat.role.minimum_level, settings),
            scoring.client_continuity(profile.history, team.client_id, settings),
            free_weeks / len(weeks), settings)
        key = (free_weeks if stand_in else 0, score, profile.member_id)
        if best_key is None or key > best_key:
            best, best_key = profile, key
    return best


def _skilled(profile: CandidateProfile, role: Role) -> bool:
    level = profile.skills.get(role.skill)
    return profile.can_be_proposed and level is not None and level.level >= role.minimum_level


def _free(profile: CandidateProfile, week: IsoWeek, hours: Decimal) -> bool:
    return profile.free_hours[week] >= hours

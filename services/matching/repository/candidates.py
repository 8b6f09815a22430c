"""The candidate read model in SQL: snapshots with skills, capacity, unavailability."""

from collections import defaultdict
from collections.abc import Collection
from datetime import UTC, datetime
from decimal import Decimal

from sqlalchemy import Column, Select, delete, insert, select
from sqlalchemy.orm import Session

from services.matching.domain.candidate import (
    Candidate,
    CandidateRecord,
    CandidateSkill,
    MemberCapacity,
    UnavailablePeriod,
)
from services.matching.domain.proposals.iso_week import IsoWeek
from services.matching.models import (
    candidate_capacity,
    candidate_capacity_overrides,
    candidate_skills,
    candidate_unavailability,
    candidates,
)

_CANDIDATE_FIELDS = ("member_id", "version", "name", "city", "introduction", "hourly_rate",
                     "status", "left_on")
_SKILL_FIELDS = ("skill", "level", "verified_level", "wants_to_grow", "years_experience")
_PERIOD_FIELDS = ("member_id", "unavailability_id", "version", "starts_on", "ends_on",
                  "removed")
_HOURS = Decimal("0.01")

# Member ids as a list, or as a query selecting them (so a pool needs no list of ids).
MemberIds = list[str] | Select


class SqlCandidateRepository:
    def __init__(self, session: Session):
        self.session = session

    def get(self, member_id: str) -> Candidate | None:
        return self._candidates([member_id]).get(member_id)

    def put(self, candidate: Candidate) -> None:
        self.session.execute(
            delete(candidate_skills).where(candidate_skills.c.member_id == candidate.member_id))
        self._delete_older(candidates.c.member_id, candidate.member_id, candidate.version)
        values = {name: getattr(candidate, name) for name in _CANDIDATE_FIELDS}
        self.session.execute(insert(candidates).values(
            updated_at=datetime.now(UTC), languages=list(candidate.languages), **values))
        if candidate.skills:
            self.session.execute(insert(candidate_skills), [
                {"member_id": candidate.member_id,
                 **{name: getattr(skill, name) for name in _SKILL_FIELDS}}
                for skill in candidate.skills
            ])

    def capacity(self, member_id: str) -> MemberCapacity | None:
        return self._capacities([member_id]).get(member_id)

    def put_capacity(self, capacity: MemberCapacity) -> None:
        self.session.execute(delete(candidate_capacity_overrides).where(
            candidate_capacity_overrides.c.member_id == capacity.member_id))
        self._delete_older(candidate_capacity.c.member_id, capacity.member_id, capacity.version)
        self.session.execute(insert(candidate_capacity).values(
            member_id=capacity.member_id, version=capacity.version,
            default_weekly_hours=capacity.default_weekly_hours))
        if capacity.overrides:
            self.session.execute(insert(candidate_capacity_overrides), [
                {"member_id": capacity.member_id, "week": str(week), "hours": hours}
                for week, hours in capacity.overrides.items()
            ])

    def period(self, unavailability_id: str) -> UnavailablePeriod | None:
        row = self.session.execute(select(candidate_unavailability).where(
            candidate_unavailability.c.unavailability_id == unavailability_id)).first()
        return _to_period(row) if row else None

    def put_period(self, period: UnavailablePeriod) -> None:
        self._delete_older(candidate_unavailability.c.unavailability_id,
                           period.unavailability_id, period.version)
        self.session.execute(insert(candidate_unavailability).values(
            {name: getattr(period, name) for name in _PERIOD_FIELDS}))

    def pool(self, skills: Collection[str]) -> list[CandidateRecord]:
        if not skills:
            return []
        having_a_skill = select(candidate_skills.c.member_id).where(
            candidate_skills.c.skill.in_(list(skills)))
        return list(self._records(having_a_skill).values())

    def active(self) -> list[CandidateRecord]:
        """Every active member's record (the fairness report's population)."""
        return list(self._records(select(candidates.c.member_id)
                                  .where(candidates.c.status == "active")).values())

    def records(self, member_ids: Collection[str]) -> dict[str, CandidateRecord]:
        if not member_ids:
            return {}
        return self._records(list(member_ids))

    def _delete_older(self, key: Column, value: str, version: int) -> None:
        """Delete the row with this key if it holds an older version than `version`.

        A newer row stays, so the insert after this fails (`Conflict`, and the event is
        retried) when another worker stored a newer version since this one read it.
        """
        self.session.execute(delete(key.table).where(key == value,
                                                     key.table.c.version < version))

    def _records(self, member_ids: MemberIds) -> dict[str, CandidateRecord]:
        """Records of these candidates in five queries, however many there are."""
        capacities = self._capacities(member_ids)
        periods = defaultdict(list)
        rows = self.session.execute(
            select(candidate_unavailability)
            .where(candidate_unavailability.c.member_id.in_(member_ids),
                   candidate_unavailability.c.removed.is_(False))
            .order_by(candidate_unavailability.c.starts_on))
        for row in rows:
            periods[row.member_id].append(_to_period(row))
        return {
            member_id: CandidateRecord(
                candidate,
                capacities.get(member_id) or MemberCapacity.none_yet(member_id),
                tuple(periods[member_id]),
            )
            for member_id, candidate in self._candidates(member_ids).items()
        }

    def _candidates(self, member_ids: MemberIds) -> dict[str, Candidate]:
        skills = defaultdict(list)
        rows = self.session.execute(
            select(candidate_skills).where(candidate_skills.c.member_id.in_(member_ids))
            .order_by(candidate_skills.c.skill))
        for row in rows:
            skills[row.member_id].append(
                CandidateSkill(**{name: getattr(row, name) for name in _SKILL_FIELDS}))
        rows = self.session.execute(
            select(candidates).where(candidates.c.member_id.in_(member_ids))
            .order_by(candidates.c.member_id))
        return {row.member_id: _to_candidate(row, skills[row.member_id]) for row in rows}

    def _capacities(self, member_ids: MemberIds) -> dict[str, MemberCapacity]:
        overrides = defaultdict(dict)
        rows = self.session.execute(select(candidate_capacity_overrides).where(
            candidate_capacity_overrides.c.member_id.in_(member_ids)))
        for row in rows:
            overrides[row.member_id][IsoWeek.parse(row.week)] = _hours(row.hours)
        rows = self.session.execute(
            select(candidate_capacity).where(candidate_capacity.c.member_id.in_(member_ids)))
        return {
            row.member_id: MemberCapacity(row.member_id, row.version,
                                          _hours(row.default_weekly_hours),
                                          overrides[row.member_id])
            for row in rows
        }


def _hours(value) -> Decimal:
    return Decimal(value).quantize(_HOURS)


def _to_candidate(row, skills: list[CandidateSkill]) -> Candidate:
    values = {name: getattr(row, name) for name in _CANDIDATE_FIELDS}
    if values["hourly_rate"] is not None:
        values["hourly_rate"] = Decimal(values["hourly_rate"])
    return Candidate(**values, skills=tuple(skills), languages=tuple(row.languages))


def _to_period(row) -> UnavailablePeriod:
    return UnavailablePeriod(**{name: getattr(row, name) for name in _PERIOD_FIELDS})

"""Mapping between a `Member` aggregate and its rows in five tables."""

from collections import defaultdict
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from services.members.domain.admission import Sponsorship
from services.members.domain.capacity import Capacity
from services.members.domain.iso_week import IsoWeek
from services.members.domain.member import Member
from services.members.domain.skills import MemberSkill
from services.members.domain.unavailability import Unavailability
from services.members.models import (
    capacity_overrides,
    member_skills,
    members,
    sponsorships,
    unavailability,
)

MEMBER_COLUMNS = [c.name for c in members.c if c.name not in ("seq", "default_weekly_hours")]
CHILD_TABLES = {
    member_skills: member_skills.c.member_id,
    capacity_overrides: capacity_overrides.c.member_id,
    unavailability: unavailability.c.member_id,
    sponsorships: sponsorships.c.applicant_id,
}


def member_values(member: Member) -> dict:
    values = {name: getattr(member, name) for name in MEMBER_COLUMNS}
    values["languages"] = list(member.languages)
    values["default_weekly_hours"] = member.capacity.default_weekly_hours
    return values


def child_rows(member: Member) -> dict:
    """Rows of every child table for `member`, keyed by table."""
    return {
        member_skills: [
            {"member_id": member.id, "skill": s.skill, "level": s.level,
             "years_experience": s.years_experience, "wants_to_grow": s.wants_to_grow,
             "verified_level": s.verified_level, "evidence": list(s.evidence),
             "verified_at": s.verified_at}
            for s in member.skills.values()
        ],
        capacity_overrides: [
            {"member_id": member.id, "week": str(week), "hours": hours}
            for week, hours in member.capacity.overrides.items()
        ],
        unavailability: [
            {"id": p.id, "member_id": member.id, "kind": p.kind, "starts_on": p.starts_on,
             "ends_on": p.ends_on, "reason": p.reason}
            for p in member.capacity.unavailability
        ],
        sponsorships: [
            {"applicant_id": member.id, "sponsor_id": s.sponsor_id, "met_on": s.met_on,
             "note": s.note, "recorded_at": s.recorded_at}
            for s in member.sponsorships
        ],
    }


def load_members(session: Session, rows) -> list[Member]:
    """`Member`s for member rows, their children read in one query per table."""
    ids = [row.id for row in rows]
    children = _children(session, ids) if ids else {}
    return [_member(row, children.get(row.id, {})) for row in rows]


def _member(row, children: dict) -> Member:
    values = {name: getattr(row, name) for name in MEMBER_COLUMNS}
    values["languages"] = tuple(values["languages"] or ())
    if values["hourly_rate"] is not None:
        values["hourly_rate"] = Decimal(values["hourly_rate"])
    capacity = Capacity(
        Decimal(row.default_weekly_hours),
        {IsoWeek.parse(r.week): Decimal(r.hours) for r in children.get(capacity_overrides, [])},
        sorted((Unavailability(r.id, r.kind, r.starts_on, r.ends_on, r.reason)
                for r in children.get(unavailability, [])), key=lambda p: p.starts_on),
    )
    skills = {
        r.skill: MemberSkill(r.skill, r.level, r.years_experience, r.wants_to_grow,
                             r.verified_level, tuple(r.evidence or ()), r.verified_at)
        for r in children.get(member_skills, [])
    }
    sponsors = sorted((Sponsorship(r.sponsor_id, r.met_on, r.note, r.recorded_at)
                       for r in children.get(sponsorships, [])), key=lambda s: s.recorded_at)
    return Member(**values, skills=skills, capacity=capacity, sponsorships=sponsors)


def _children(session: Session, ids: list[str]) -> dict:
    """member id → table → rows."""
    found: dict = defaultdict(lambda: defaultdict(list))
    for table, member_column in CHILD_TABLES.items():
        for row in session.execute(select(table).where(member_column.in_(ids))):
            found[getattr(row, member_column.name)][table].append(row)
    return found

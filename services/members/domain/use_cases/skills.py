"""The skill taxonomy, members' declared skills, and learning's verifications."""

from datetime import datetime

from services.members.domain.errors import UnknownMember, UnknownSkill
from services.members.domain.events import MemberSkillsChanged, MemberUpdated
from services.members.domain.member import Member
from services.members.domain.ports import UnitOfWork
from services.members.domain.skills import Skill, Taxonomy, declared
from services.members.domain.use_cases._support import load, now


def get_taxonomy(uow: UnitOfWork) -> Taxonomy:
    with uow:
        return uow.skills.taxonomy()


def add_skill(uow: UnitOfWork, skill: Skill) -> Skill:
    """An operator extends the taxonomy with a new skill in an existing category."""
    with uow:
        uow.skills.taxonomy().check_new(skill)
        uow.skills.add(skill)
        uow.commit()
        return skill


def change_skill(uow: UnitOfWork, slug: str, changes: dict) -> Skill:
    """An operator renames a skill, moves it to another category or changes its ESCO link."""
    with uow:
        skill = uow.skills.taxonomy().changed(slug, changes)
        uow.skills.put(skill)
        uow.commit()
        return skill


def set_skills(uow: UnitOfWork, member_id: str, entries: list[dict]) -> Member:
    """Replace what the member declares they can do; verified levels are kept."""
    with uow:
        member = load(uow, member_id)
        declaration = declared(entries, uow.skills.taxonomy())
        if member.declare_skills(declaration, now()):
            uow.members.save(member)
            uow.publish(MemberSkillsChanged(member))
            uow.publish(MemberUpdated(member, changed_fields=("skills",)))
            uow.commit()
        return member


def record_skill_verification(uow: UnitOfWork, event: dict, verification: dict) -> bool:
    """Apply learning's `skill_verified` (or, with `level` None, its
    `skill_verification_withdrawn`) once (inbox); returns whether anything changed.

    An unknown member or skill is a malformed event (`Invalid`), which the event
    handler parks for an operator instead of retrying.
    """
    with uow:
        if uow.already_handled(event):
            return False
        member = uow.members.get(verification["member_id"])
        if member is None:
            raise UnknownMember(verification["member_id"])
        if not uow.skills.taxonomy().knows(verification["skill"]):
            raise UnknownSkill(verification["skill"])
        verified_at = verification.get("verified_at") or _event_time(event)
        changed = member.verify_skill(verification["skill"], verification["level"],
                                      tuple(verification.get("evidence", ())), verified_at,
                                      now())
        if changed:
            uow.members.save(member)
            uow.publish(MemberSkillsChanged(member, verified_skill=verification["skill"]))
            uow.publish(MemberUpdated(member, changed_fields=("skills",)))
        uow.mark_handled(event)
        uow.commit()
        return changed


def _event_time(event: dict) -> datetime:
    time = event["time"]
    return time if isinstance(time, datetime) else datetime.fromisoformat(time)


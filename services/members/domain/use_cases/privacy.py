"""A member's right to see everything kept about them, and to be forgotten."""

from dataclasses import dataclass
from datetime import datetime

from services.members.domain.admission import Sponsorship
from services.members.domain.events import MemberErased, MemberUpdated
from services.members.domain.member import Member
from services.members.domain.ports import UnitOfWork
from services.members.domain.use_cases._support import load, now

ERASED_FIELDS = ("btw_id", "city", "email", "erased_at", "hourly_rate", "iban", "introduction",
                 "kvk_number", "languages", "motivation", "name", "phone", "skills", "status")


@dataclass(frozen=True)
class MemberExport:
    member: Member
    sponsorships_given: list[tuple[str, Sponsorship]]
    exported_at: datetime


def export_member(uow: UnitOfWork, member_id: str) -> MemberExport:
    """Everything this service stores about the member, for the member themself."""
    with uow:
        member = load(uow, member_id)
        return MemberExport(member, uow.members.sponsorships_by(member_id), now())


def erase_member(uow: UnitOfWork, member_id: str) -> Member:
    """Anonymise an applicant or a member who left, and forget published events about them.

    Billing keeps what bookkeeping must retain for 7 years (names and fiscal ids
    on issued invoices); this service keeps only the id and membership dates.
    """
    with uow:
        member = load(uow, member_id)
        member.erase(now())
        uow.members.save(member)
        uow.members.forget_published_events(member_id)
        uow.publish(MemberErased(member))
        uow.publish(MemberUpdated(member, changed_fields=ERASED_FIELDS))
        uow.commit()
        return member

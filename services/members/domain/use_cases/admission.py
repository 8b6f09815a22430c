"""Admission: sponsors vouch for an applicant, an operator confirms."""

from datetime import date

from services.members.domain.admission import Admission, Sponsorship
from services.members.domain.errors import UnknownSponsor
from services.members.domain.events import MemberActivated, MemberSponsored, MemberUpdated
from services.members.domain.lifecycle import ACTIVE
from services.members.domain.member import Member
from services.members.domain.ports import UnitOfWork
from services.members.domain.use_cases._support import load, now, today


def sponsor_applicant(uow: UnitOfWork, applicant_id: str, sponsor_id: str, met_on: date,
                      note: str) -> tuple[Sponsorship, Admission]:
    """`sponsor_id` vouches for the applicant after meeting them on `met_on`."""
    with uow:
        applicant = load(uow, applicant_id)
        sponsor = uow.members.get(sponsor_id)
        if sponsor is None:
            raise UnknownSponsor(sponsor_id)
        sponsorship = applicant.record_sponsorship(sponsor, met_on, note, today(), now())
        admission = _admission(uow, applicant)
        uow.members.save(applicant)
        uow.publish(MemberSponsored(applicant, sponsor_id=sponsor.id, met_on=met_on,
                                    active_sponsors=len(admission.active_sponsor_ids)))
        uow.commit()
        return sponsorship, admission


def get_admission(uow: UnitOfWork, member_id: str) -> Admission:
    with uow:
        return _admission(uow, load(uow, member_id))


def activate_member(uow: UnitOfWork, member_id: str) -> Member:
    """An operator confirms an applicant whom two active members sponsored."""
    with uow:
        member = load(uow, member_id)
        admission = _admission(uow, member)
        member.activate(len(admission.active_sponsor_ids), admission.active_members,
                        today(), now())
        uow.members.save(member)
        uow.publish(MemberActivated(member))
        uow.publish(MemberUpdated(member, changed_fields=("joined_on", "status")))
        uow.commit()
        return member


def _admission(uow: UnitOfWork, member: Member) -> Admission:
    sponsor_ids = [s.sponsor_id for s in member.sponsorships]
    statuses = uow.members.statuses(sponsor_ids) if sponsor_ids else {}
    active = tuple(i for i in sponsor_ids if statuses.get(i) == ACTIVE)
    return Admission(member, active, uow.members.count_with_status(ACTIVE))

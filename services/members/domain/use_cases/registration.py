"""Becoming an applicant: registered by an operator, or registering oneself."""

import logging

from services.members.domain.errors import (
    EmailAlreadyRegistered,
    IntroducerMustBeActive,
    UnknownIntroducer,
)
from services.members.domain.events import MemberApplied, MemberCreated
from services.members.domain.lifecycle import ACTIVE
from services.members.domain.member import Member
from services.members.domain.ports import UnitOfWork
from services.members.domain.use_cases._support import now

log = logging.getLogger(__name__)


def create_member(uow: UnitOfWork, details: dict) -> Member:
    """An operator registers an applicant (motivation and introducer optional)."""
    return _register(uow, details, self_registered=False)


def register_applicant(uow: UnitOfWork, application: dict) -> Member:
    """Someone applies to join the coop themself, with their motivation."""
    return _register(uow, application, self_registered=True)


def apply_to_join(uow: UnitOfWork, application: dict) -> Member | None:
    """An application through the public API: the member it made, or None when the
    e-mail address is registered already (nothing stored). The caller answers both
    alike: "already registered" to anyone who asks would tell who is a member."""
    try:
        return register_applicant(uow, application)
    except EmailAlreadyRegistered:
        log.info("an application with the e-mail address of a registered member was "
                 "ignored")
        return None


def _register(uow: UnitOfWork, details: dict, self_registered: bool) -> Member:
    with uow:
        if uow.members.get_by_email(details["email"]) is not None:
            raise EmailAlreadyRegistered()
        introducer_id = details.get("introduced_by")
        if introducer_id is not None:
            _check_introducer(uow, introducer_id)
        member = Member.register(details, now=now())
        uow.members.add(member)
        uow.publish(MemberCreated(member))
        uow.publish(MemberApplied(member, self_registered=self_registered))
        uow.commit()
        return member


def _check_introducer(uow: UnitOfWork, introducer_id: str) -> None:
    introducer = uow.members.get(introducer_id)
    if introducer is None:
        raise UnknownIntroducer(introducer_id)
    if introducer.status != ACTIVE:
        raise IntroducerMustBeActive(introducer_id, introducer.status)

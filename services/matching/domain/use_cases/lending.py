"""Lending members, the lending side: partners' seat offers, our candidates, lendings
(see `domain/lending.py`), and the skill supply we share with partners.

A copy of an acceptance we applied (`AlreadyApplied`) is ignored and marked handled; an
acceptance that breaks a rule (`PartnerOverstepped`) is refused: logged as a warning and
raised with nothing stored, so the event handler parks (dead-letters) it.
"""

import logging
from collections import Counter
from dataclasses import replace
from datetime import date, datetime
from decimal import Decimal

from services.matching.domain.availability import available_hours
from services.matching.domain.errors import CandidateNotFound
from services.matching.domain.federation_errors import (
    AlreadyApplied,
    IncomingOfferNotFound,
    IncomingOfferNotYetKnown,
    LendingNotFound,
    OfferedCandidateNotFound,
    PartnerOverstepped,
)
from services.matching.domain.federation_events import (
    CandidateOfferMade,
    CandidateOfferWithdrawn,
    LendingEnded,
    LendingInterrupted,
    MemberLent,
)
from services.matching.domain.lending import (
    ACCEPTED,
    LENT,
    NOT_CHOSEN,
    OFFERED,
    WITHDRAWN,
    Acceptance,
    IncomingOffer,
    Lending,
    OfferedCandidate,
    check_acceptance,
    interruption,
    suggestions,
)
from services.matching.domain.ports import UnitOfWork
from services.matching.domain.proposals.iso_week import working_weeks
from services.matching.domain.use_cases.bookings import booked_for
from services.matching.domain.use_cases.proposals import BOOKINGS

log = logging.getLogger(__name__)


def receive_seat_offer(uow: UnitOfWork, event: dict, offer: IncomingOffer) -> bool:
    """On `partner_seat_offered`: keep the partner's offer (once per partner and offer id)."""
    with uow:
        if uow.already_handled(event):
            return False
        known = uow.incoming_offers.from_partner(offer.partner_id, offer.offer_id)
        if known is None:
            uow.incoming_offers.add(offer)
        else:
            log.warning("partner %s sent seat offer %s again; kept the first", offer.partner_id,
                        offer.offer_id)
        uow.mark_handled(event)
        uow.commit()
        return known is None


def _free_hours(uow: UnitOfWork, records, weeks) -> dict:
    """member id → week → hours available less booked (assignments and lendings)."""
    booked = booked_for(uow, [r.candidate.member_id for r in records])
    free = {}
    for record in records:
        member_id = record.candidate.member_id
        available = available_hours(record.capacity, record.periods, record.candidate.left_on,
                                    weeks)
        mine = booked.get(member_id, {})
        free[member_id] = {week: hours - mine.get(week, Decimal(0))
                           for week, hours in available.items()}
    return free


def list_incoming_offers(uow: UnitOfWork, status: str | None = None, limit: int = 20,
                         cursor: str | None = None):
    """A page, newest first, of [(offer, suggestions, our candidates)]: suggestions only
    for open offers."""
    with uow:
        page = uow.incoming_offers.page(status, limit, cursor)
        offers = page.items
        candidates = uow.incoming_offers.candidates_for([o.id for o in offers])
        found = []
        for offer in offers:
            suggested = []
            if offer.status == "open":
                records = uow.candidates.pool([offer.skill])
                free = _free_hours(uow, records, offer.weeks)
                suggested = suggestions(offer, [(r.candidate, free[r.candidate.member_id])
                                                for r in records])
            found.append((offer, suggested,
                          [c for c in candidates if c.incoming_offer_id == offer.id]))
        return replace(page, items=found)


def offer_member(uow: UnitOfWork, incoming_id: str, member_id: str, hourly_rate: Decimal,
                 introduction: str, now: datetime) -> OfferedCandidate:
    """An operator offers one of our members for a partner's seat, under a pseudonym."""
    with uow:
        offer = uow.incoming_offers.get(incoming_id)
        if offer is None:
            raise IncomingOfferNotFound(incoming_id)
        record = uow.candidates.records([member_id]).get(member_id)
        if record is None:
            raise CandidateNotFound(member_id)
        free = _free_hours(uow, [record], offer.weeks)[member_id]
        already = uow.incoming_offers.candidates_for([offer.id])
        candidate = OfferedCandidate.offer(offer, record.candidate, free, hourly_rate,
                                           introduction, already, now)
        uow.incoming_offers.add_candidate(candidate)
        uow.publish(CandidateOfferMade(candidate))
        uow.commit()
        return candidate


def lend_member(uow: UnitOfWork, event: dict, acceptance: Acceptance,
                now: datetime) -> Lending | None:
    """On `partner_candidate_accepted`: lend the member (their hours reserved); None for a
    copy of an acceptance applied before. A `PartnerOverstepped` rule propagates with
    nothing stored."""
    with uow:
        if uow.already_handled(event):
            return None
        uow.locks.acquire(BOOKINGS)
        candidate = uow.incoming_offers.candidate(acceptance.candidate_id)
        offer = (uow.incoming_offers.get(candidate.incoming_offer_id)
                 if candidate is not None else None)
        lent = uow.lendings.for_candidate(acceptance.candidate_id)
        try:
            check_acceptance(candidate, offer, acceptance, lent)
        except AlreadyApplied as why:
            log.info("acceptance of candidate %s by partner %s ignored: %s (%s)",
                     acceptance.candidate_id, acceptance.partner_id, why.rule, why.detail)
            uow.mark_handled(event)
            uow.commit()
            return None
        except PartnerOverstepped as why:
            log.warning("refused acceptance of candidate %s by partner %s: %s (%s)",
                        acceptance.candidate_id, acceptance.partner_id, why.rule, why.detail)
            raise
        if candidate.status == WITHDRAWN:
            log.warning("partner %s accepted candidate %s before our withdrawal reached it: "
                        "member %s is lent", acceptance.partner_id, candidate.candidate_id,
                        candidate.member_id)
        _warn_if_overbooked(uow, candidate.member_id, acceptance)
        lending = Lending.of(offer, candidate, acceptance, now)
        uow.lendings.add(lending)
        candidate.status, offer.status = ACCEPTED, LENT
        uow.incoming_offers.save_candidate(candidate)
        uow.incoming_offers.save(offer)
        uow.publish(MemberLent(lending))
        _tell_periods_known(uow, lending)
        uow.mark_handled(event)
        uow.commit()
        return lending


def end_lending(uow: UnitOfWork, lending_id: str, last_day: date) -> Lending:
    """An operator ends one of our lendings early (the member is ill or needed here):
    their hours after `last_day` are free again, and the partner is told."""
    with uow:
        uow.locks.acquire(BOOKINGS)
        lending = uow.lendings.get(lending_id)
        if lending is None:
            raise LendingNotFound(lending_id)
        ended = lending.ended_on(last_day)
        uow.lendings.save(ended)
        uow.publish(LendingEnded(ended))
        uow.commit()
        return ended


def withdraw_candidate(uow: UnitOfWork, incoming_id: str, candidate_id: str) -> OfferedCandidate:
    """An operator takes back a candidate offered for a partner's seat (the member is no
    longer available, say); the partner is told. Until the partner accepted it only."""
    with uow:
        candidate = uow.incoming_offers.candidate(candidate_id)
        if candidate is None or candidate.incoming_offer_id != incoming_id:
            raise OfferedCandidateNotFound(incoming_id, candidate_id)
        if candidate.withdraw():
            uow.incoming_offers.save_candidate(candidate)
            uow.publish(CandidateOfferWithdrawn(candidate))
            uow.commit()
        return candidate


def close_incoming_offer(uow: UnitOfWork, event: dict, partner_id: str, offer_id: str) -> bool:
    """On `partner_seat_offer_closed`: the partner's offer is closed, our candidates for it
    not chosen. False for a copy or an offer no longer open; `IncomingOfferNotYetKnown`
    (retried) when the close overtook the offer."""
    with uow:
        if uow.already_handled(event):
            return False
        offer = uow.incoming_offers.from_partner(partner_id, offer_id)
        if offer is None:
            raise IncomingOfferNotYetKnown(partner_id, offer_id)
        try:
            offer.close()
        except AlreadyApplied as why:
            log.info("partner %s closed seat offer %s: ignored (%s)", partner_id, offer_id,
                     why.detail)
            uow.mark_handled(event)
            uow.commit()
            return False
        uow.incoming_offers.save(offer)
        for candidate in uow.incoming_offers.candidates_for([offer.id]):
            if candidate.status == OFFERED:
                candidate.status = NOT_CHOSEN
                uow.incoming_offers.save_candidate(candidate)
        uow.mark_handled(event)
        uow.commit()
        return True


def _warn_if_overbooked(uow: UnitOfWork, member_id: str, acceptance: Acceptance) -> None:
    """The partner holds our offer: we lend even when the hours were booked meanwhile (a
    proposal accepted since), and tell the operator."""
    record = uow.candidates.records([member_id]).get(member_id)
    if record is None:
        return
    weeks = working_weeks(acceptance.starts_on, acceptance.ends_on)
    free = _free_hours(uow, [record], weeks)[member_id]
    short = [str(week) for week in weeks if free[week] < acceptance.hours_per_week]
    if short:
        log.warning("lending member %s to partner %s overbooks them in %s", member_id,
                    acceptance.partner_id, ", ".join(short))


def _tell_periods_known(uow: UnitOfWork, lending: Lending) -> None:
    """A member lent while a period of unavailability of theirs falls on days of the
    lending: the partner hears it at once (as `tell_partners_of_unavailability` would)."""
    record = uow.candidates.records([lending.member_id]).get(lending.member_id)
    for period in record.periods if record is not None else ():
        news = interruption(lending, period.unavailability_id, period, None)
        if news is not None:
            uow.lendings.save_interruption(news)
            uow.publish(LendingInterrupted(lending, news))


def list_lendings(uow: UnitOfWork, limit: int = 20, cursor: str | None = None):
    """A page of our lendings, newest first."""
    with uow:
        return uow.lendings.page(limit, cursor)


def skill_supply(uow: UnitOfWork, today: date) -> dict:
    """Counts of active members per skill, and of those with a verified level (no names)."""
    with uow:
        records = uow.candidates.active()
    members, verified = Counter(), Counter()
    for record in records:
        for skill in record.candidate.skills:
            if skill.level or skill.verified_level:
                members[skill.skill] += 1
            if skill.verified_level is not None:
                verified[skill.skill] += 1
    return {"as_of": today, "skills": [
        {"skill": skill, "members": members[skill], "verified_members": verified[skill]}
        for skill in sorted(members)]}

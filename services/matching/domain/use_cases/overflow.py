"""Overflow staffing, the borrowing side: offering seats to partner coops, their
candidates, and accepting one as an external team member (see `domain/overflow.py`).

A partner's candidate is kept, ignored as a copy (`AlreadyApplied`, marked handled),
left for a retry (`RecipientNotYetKnown`, nothing stored) or refused
(`PartnerOverstepped`, raised after a warning: nothing stored, the handler parks it).
"""

import logging
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from services.matching.domain.assignments import PRIMARY
from services.matching.domain.events import CoverageGapDetected
from services.matching.domain.federation_errors import (
    AlreadyApplied,
    InterruptionOfAnotherPlacement,
    NoWeeksLeftToOffer,
    OfferNotOurs,
    PartnerCandidateNotFound,
    PartnerCandidateWithdrawn,
    PartnerOverstepped,
    PlacementNotThePartners,
    SeatAlreadyOffered,
    SeatCannotBeOffered,
    SeatNotFound,
    SeatOfferNotFound,
    SeatOfferNotOpen,
    WeeksNotConsecutive,
)
from services.matching.domain.federation_events import (
    ExternalMemberLeft,
    ExternalMemberPlaced,
    SeatOfferClosed,
    SeatOfferOpened,
)
from services.matching.domain.overflow import (
    COVERAGE_GAP,
    FILLED,
    OPEN,
    OPERATOR,
    WITHDRAWN,
    PartnerCandidate,
    Placement,
    Recipient,
    SeatOffer,
    check_offer_for_candidate,
    describe_runs,
    interrupt,
    week_runs,
)
from services.matching.domain.ports import UnitOfWork
from services.matching.domain.proposals.iso_week import IsoWeek
from services.matching.domain.timeline import TimelineEntry
from services.matching.domain.use_cases.projects import find_project

log = logging.getLogger(__name__)


SEAT_OFFERS = "seat_offers"  # the named lock taken to open seat offers
LENDING_ENDED = "lending_ended"  # the reason of a coverage gap a partner's early end makes
# the reason of a coverage gap made by a partner's member who cannot work for a while
EXTERNAL_MEMBER_UNAVAILABLE = "external_member_unavailable"


def offer_seat(uow: UnitOfWork, project_id: str, seat_id: str, today: date, now: datetime,
               first_week: IsoWeek | None = None, last_week: IsoWeek | None = None) -> SeatOffer:
    """An operator offers a seat to partners: its weeks left (or those asked for), which
    must be one run of consecutive weeks (`WeeksNotConsecutive` names the runs)."""
    with uow:
        plan = _plan(uow, project_id, seat_id, today, first_week, last_week)
        if len(plan.runs) > 1:
            raise WeeksNotConsecutive(describe_runs(plan.runs))
        [offer] = _open(uow, plan, OPERATOR, now)
        uow.commit()
        return offer


def offer_seat_for_gap(uow: UnitOfWork, event: dict, today: date,
                       now: datetime) -> list[str]:
    """On `coverage_gap_detected`: offer the seat for the gap's weeks not offered before,
    one offer per run of consecutive weeks; the offers' ids (none when there is nothing
    to offer: offered already, no week left, project no longer staffed)."""
    data = event["data"]
    weeks = [IsoWeek.parse(week) for week in data["weeks"]]
    with uow:
        if uow.already_handled(event):
            return []
        offers = []
        try:
            plan = _plan(uow, str(data["project_id"]), str(data["seat_id"]), today, min(weeks),
                         max(weeks), only=set(weeks))
        except (SeatAlreadyOffered, SeatCannotBeOffered, SeatNotFound, NoWeeksLeftToOffer) as why:
            log.info("coverage gap %s not offered to partners: %s", event["id"], why)
        else:
            offers = _open(uow, plan, COVERAGE_GAP, now)
        uow.mark_handled(event)
        uow.commit()
        return [offer.id for offer in offers]


@dataclass(frozen=True)
class _Plan:
    project: object
    seat: object
    role: object
    seat_rate: Decimal
    runs: list  # [(first week, last week)] of consecutive weeks to offer


def _plan(uow: UnitOfWork, project_id: str, seat_id: str, today: date,
          first_week: IsoWeek | None, last_week: IsoWeek | None, only=None) -> _Plan:
    """The weeks of a seat to offer: the project's, from this week, within the weeks asked
    for (`only`: just those), none an earlier offer or a placement on the seat covers."""
    uow.locks.acquire(SEAT_OFFERS)  # two requests racing see each other's offers
    project = find_project(uow, project_id, None)
    if not project.is_staffed:
        raise SeatCannotBeOffered(project.id, project.status)
    seat = next((s for s in uow.seats.for_project(project.id) if s.id == seat_id), None)
    role = project.role(seat.role_id) if seat is not None else None
    rates = [a.hourly_rate for a in uow.assignments.for_project(project.id)
             if seat is not None and a.seat_id == seat.id and a.kind == PRIMARY]
    if role is None or not rates:  # the growth seat is the coop's own, never offered
        raise SeatNotFound(project_id, seat_id)
    # weeks an external member cannot work (an interruption) are not covered by them
    placed = {week for p in uow.placements.for_project(project.id) if p.seat_id == seat.id
              for week in p.covered_weeks}
    this_week = IsoWeek.of(today)
    weeks = [week for week in project.as_solver_input().weeks
             if week >= this_week and week not in placed
             and (first_week is None or week >= first_week)
             and (last_week is None or week <= last_week)
             and (only is None or week in only)]
    if not weeks:
        raise NoWeeksLeftToOffer()
    # a filled offer's weeks are its placement's (a placement cut short frees the rest)
    offered = {week for offer in uow.seat_offers.for_seat(seat.id)
               if offer.status == OPEN for week in offer.weeks}
    left = [week for week in weeks if week not in offered]
    if not left:
        raise SeatAlreadyOffered(seat.id, describe_runs(week_runs(weeks)))
    return _Plan(project, seat, role, max(rates), week_runs(left))


def _open(uow: UnitOfWork, plan: _Plan, reason: str, now: datetime) -> list[SeatOffer]:
    project, seat, role = plan.project, plan.seat, plan.role
    why = "nobody in the coop can take it" if reason == COVERAGE_GAP else "the coop asked"
    offers = []
    for run in plan.runs:
        offer = SeatOffer.open(project, seat, role, run, plan.seat_rate, reason, now)
        uow.seat_offers.add(offer)
        uow.timeline.add(TimelineEntry.new(
            project.id, now, "seat_offered_to_partners",
            f"The {role.skill} seat is offered to partner coops for "
            f"{describe_runs([run])} ({why}).",
            {"seat_id": seat.id, "offer_id": offer.id}))
        uow.publish(SeatOfferOpened(offer))
        offers.append(offer)
    return offers


def record_offer_sent(uow: UnitOfWork, event: dict) -> bool:
    """On federation's `seat_offer_sent`: the partners the offer went to (only those may
    answer it; `recipients` names them all). False when redelivered or not our offer."""
    data = event["data"]
    with uow:
        if uow.already_handled(event):
            return False
        offer = uow.seat_offers.get(str(data["offer_id"]))
        recipients = [Recipient(str(data["partner_id"]), data["partner_name"])] + [
            Recipient(str(r["partner_id"]), r["partner_name"])
            for r in data.get("recipients", [])]
        changed = offer is not None and offer.sent_to(recipients)
        if changed:
            uow.seat_offers.save(offer)
        elif offer is None:
            log.warning("federation sent seat offer %s, which we do not know", data["offer_id"])
        uow.mark_handled(event)
        uow.commit()
        return changed


def receive_candidate(uow: UnitOfWork, event: dict, candidate: PartnerCandidate) -> bool:
    """On `partner_candidate_offered`: keep the candidate under its offer (True). A copy
    of one kept is ignored (False); `RecipientNotYetKnown` and a `PartnerOverstepped`
    rule propagate with nothing stored, for the handler to retry or park the event."""
    with uow:
        if uow.already_handled(event):
            return False
        offer = uow.seat_offers.get(candidate.offer_id)
        try:
            check_offer_for_candidate(offer, candidate)
        except AlreadyApplied as why:
            log.info("candidate %s from partner %s ignored: %s (%s)", candidate.candidate_id,
                     candidate.partner_id, why.rule, why.detail)
            uow.mark_handled(event)
            uow.commit()
            return False
        except PartnerOverstepped as why:
            log.warning("refused candidate %s from partner %s: %s (%s)",
                        candidate.candidate_id, candidate.partner_id, why.rule, why.detail)
            raise
        offer.candidates.append(candidate)
        uow.seat_offers.save(offer)
        uow.mark_handled(event)
        uow.commit()
        return True


def list_seat_offers(uow: UnitOfWork, status: str | None = None, limit: int = 20,
                     cursor: str | None = None):
    """A page of our seat offers, newest first."""
    with uow:
        return uow.seat_offers.page(status, limit, cursor)


def get_seat_offer(uow: UnitOfWork, offer_id: str) -> SeatOffer:
    with uow:
        offer = uow.seat_offers.get(offer_id)
        if offer is None:
            raise SeatOfferNotFound(offer_id)
        return offer


def accept_candidate(uow: UnitOfWork, offer_id: str, candidate_id: str,
                     now: datetime) -> Placement:
    """The operator takes a partner's candidate: the lent member joins the project as an
    external team member on the seat, and the offer is filled."""
    with uow:
        offer = uow.seat_offers.get(offer_id)
        if offer is None:
            raise SeatOfferNotFound(offer_id)
        if offer.status != OPEN:
            raise SeatOfferNotOpen(offer.id, offer.status)
        candidate = offer.candidate(candidate_id)
        if candidate is None:
            raise PartnerCandidateNotFound(offer.id, candidate_id)
        if candidate.status == WITHDRAWN:
            raise PartnerCandidateWithdrawn(candidate_id)
        project = find_project(uow, offer.project_id, None)
        placement = Placement.of(offer, candidate, project.starts_on, project.ends_on, now)
        uow.placements.add(placement)
        offer.status = FILLED
        uow.seat_offers.save(offer)
        uow.timeline.add(TimelineEntry.new(
            project.id, now, "external_member_placed",
            f"A member of partner coop {candidate.partner_name} takes the {offer.skill} seat "
            f"from {placement.starts_on} to {placement.ends_on}.",
            {"seat_id": offer.seat_id, "placement_id": placement.id,
             "partner_id": candidate.partner_id, "partner_name": candidate.partner_name}))
        uow.publish(ExternalMemberPlaced(
            placement, f"{project.title} — {offer.skill} (partner coop "
                       f"{candidate.partner_name})"[:200]))
        uow.publish(SeatOfferClosed(offer, FILLED, offer.waiting_partners(placement)))
        uow.commit()
        return placement


def receive_lending_end(uow: UnitOfWork, event: dict, partner_id: str, placement_id: str,
                       last_day: date, today: date, now: datetime) -> Placement | None:
    """On `partner_lending_ended`: the external member works on the seat until `last_day`
    only. The placement is cut short, billing ends the external contract
    (`external_member_left`), and the weeks lost from this week on are a coverage gap, so
    the seat is offered to partners again by itself. None when nothing changes (a copy,
    or no earlier than planned); a placement not the partner's is refused."""
    with uow:
        if uow.already_handled(event):
            return None
        placement = _partners_placement(uow, partner_id, placement_id, "end")
        shorter = placement.cut_short(last_day)
        if shorter is not None:
            uow.placements.save(shorter)
            this_week = IsoWeek.of(today)
            lost = tuple(week for week in placement.covered_weeks  # interrupted: reported
                         if week >= this_week and week not in set(shorter.weeks))
            uow.timeline.add(TimelineEntry.new(
                placement.project_id, now, "external_member_left",
                f"Partner coop {placement.partner_name} ends its member's work on the "
                f"{placement.skill} seat after {shorter.ends_on}.",
                {"seat_id": placement.seat_id, "placement_id": placement.id,
                 "partner_id": partner_id}))
            uow.publish(ExternalMemberLeft(shorter))
            _report_gap(uow, placement, lost, LENDING_ENDED, now)
        uow.mark_handled(event)
        uow.commit()
        return shorter


def receive_lending_interruption(uow: UnitOfWork, event: dict, partner_id: str,
                                 placement_id: str, interruption_id: str, first_day: date,
                                 last_day: date, sent_at: datetime, today: date,
                                 now: datetime):
    """On `partner_lending_interrupted`: the external member cannot work from `first_day`
    to `last_day` (an empty period: they can after all). The placement stays; the project's
    timeline says so (never why), and the placement's weeks with a working day in it, from
    this week on and not reported before for this interruption, are a coverage gap (reason
    `external_member_unavailable`), so the seat is offered to partners for them by itself.
    The `PlacementInterruption` as it is now; None when nothing changes (a copy, older news,
    the same days). A placement not the partner's is refused."""
    with uow:
        if uow.already_handled(event):
            return None
        placement = _partners_placement(uow, partner_id, placement_id, "interruption")
        known = uow.placements.interruption(interruption_id)
        if known is not None and known.placement_id != placement.id:
            log.warning("refused interruption %s of placement %s by partner %s: another "
                        "placement's", interruption_id, placement_id, partner_id)
            raise InterruptionOfAnotherPlacement(interruption_id, placement_id)
        news = interrupt(placement, known, interruption_id, first_day, last_day, sent_at,
                         IsoWeek.of(today))
        if news is None:
            log.info("interruption %s of placement %s changes nothing", interruption_id,
                     placement_id)
            uow.mark_handled(event)
            uow.commit()
            return None
        interruption, lost = news
        uow.placements.save_interruption(interruption)
        uow.timeline.add(_interruption_entry(placement, interruption, lost, now))
        _report_gap(uow, placement, lost, EXTERNAL_MEMBER_UNAVAILABLE, now)
        uow.mark_handled(event)
        uow.commit()
        return interruption


def _partners_placement(uow: UnitOfWork, partner_id: str, placement_id: str,
                        what: str) -> Placement:
    """The placement `partner_id` lent us; `PlacementNotThePartners` for any other."""
    placement = uow.placements.get(placement_id)
    if placement is None or placement.partner_id != partner_id:
        log.warning("refused %s of placement %s by partner %s: not its placement", what,
                    placement_id, partner_id)
        raise PlacementNotThePartners(placement_id, partner_id)
    return placement


def _report_gap(uow: UnitOfWork, placement: Placement, weeks: tuple, reason: str,
                now: datetime) -> None:
    """The placement's seat is not covered in `weeks` (none: nothing to report), while the
    project is staffed: a coverage gap, offered to partners by itself."""
    project = find_project(uow, placement.project_id, None)
    seat = next((s for s in uow.seats.for_project(project.id) if s.id == placement.seat_id),
                None)
    if weeks and seat is not None and project.is_staffed:
        uow.publish(CoverageGapDetected(project, seat, project.role(seat.role_id), weeks,
                                        reason, now))


def _interruption_entry(placement, interruption, lost, now: datetime) -> TimelineEntry:
    who = f"The member of partner coop {placement.partner_name} on the {placement.skill} seat"
    data = {"seat_id": placement.seat_id, "placement_id": placement.id,
            "partner_id": placement.partner_id, "interruption_id": interruption.id,
            "first_day": interruption.first_day.isoformat(),
            "last_day": interruption.last_day.isoformat(), "weeks": [str(w) for w in lost]}
    if interruption.is_empty:
        return TimelineEntry.new(placement.project_id, now, "external_member_available_again",
                                 f"{who} can work from {interruption.first_day} after all.",
                                 data)
    offered = (f"; the coop looks for someone for {describe_runs(week_runs(lost))}"
               if lost else "")
    return TimelineEntry.new(
        placement.project_id, now, "external_member_unavailable",
        f"{who} cannot work from {interruption.first_day} to {interruption.last_day}"
        f"{offered}.", data)


def withdraw_seat_offer(uow: UnitOfWork, offer_id: str, now: datetime) -> SeatOffer:
    """The operator takes an open offer back (the seat is filled otherwise, say): no
    candidate can be accepted any more, the partners are told, and its weeks may be
    offered again."""
    with uow:
        offer = uow.seat_offers.get(offer_id)
        if offer is None:
            raise SeatOfferNotFound(offer_id)
        offer.withdraw()
        uow.seat_offers.save(offer)
        uow.timeline.add(TimelineEntry.new(
            offer.project_id, now, "seat_offer_withdrawn",
            f"The offer of the {offer.skill} seat to partner coops for "
            f"{describe_runs([(offer.first_week, offer.last_week)])} is withdrawn.",
            {"seat_id": offer.seat_id, "offer_id": offer.id}))
        uow.publish(SeatOfferClosed(offer, WITHDRAWN, offer.waiting_partners(None)))
        uow.commit()
        return offer


def receive_candidate_withdrawal(uow: UnitOfWork, event: dict, partner_id: str, offer_id: str,
                                 candidate_id: str) -> bool:
    """On `partner_candidate_withdrawn`: the candidate can no longer be accepted (True).
    Ignored (False) when withdrawn before or accepted before the withdrawal reached us;
    `CandidateNotYetKnown` (retried) when it overtook the candidate; a withdrawal for an
    offer not ours is refused (`OfferNotOurs`, parked)."""
    with uow:
        if uow.already_handled(event):
            return False
        offer = uow.seat_offers.get(offer_id)
        if offer is None:
            log.warning("refused withdrawal of candidate %s by partner %s: no offer %s",
                        candidate_id, partner_id, offer_id)
            raise OfferNotOurs(offer_id)
        placed = next((p for p in uow.placements.for_project(offer.project_id)
                       if p.offer_id == offer.id), None)
        try:
            offer.withdraw_candidate(partner_id, candidate_id, placed)
        except AlreadyApplied as why:
            log.info("withdrawal of candidate %s by partner %s ignored: %s (%s)", candidate_id,
                     partner_id, why.rule, why.detail)
            uow.mark_handled(event)
            uow.commit()
            return False
        except PartnerOverstepped as why:
            log.warning("refused withdrawal of candidate %s by partner %s: %s", candidate_id,
                        partner_id, why)
            raise
        uow.seat_offers.save(offer)
        uow.mark_handled(event)
        uow.commit()
        return True

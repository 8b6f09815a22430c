"""Lending members, the lending side: a partner's seat offer, our candidate, the lending.

An **incoming offer** is a partner's seat (skill, minimum level, hours per week, ISO
weeks, rate range; no client identity). **Suggestions** are our active members with the
skill at the level or above (a verified level replaces their own estimate) and enough
free hours in every week of the offer (free: available less what the coop booked,
assignments and lendings alike). An operator offers one member at an hourly rate within
the range: the partner sees a **candidate**, a pseudonym made for this offer (never the
member id) with an introduction the operator writes for this offer (not the member's
public one, which the coop's website directory searches: that would link the pseudonym
to the member), the offered skill only (level, verified level) and the member's
languages. When the partner accepts that
candidate, a **lending** reserves the member's hours over the accepted dates: it counts
as booked wherever the coop counts booked hours, so proposals here never book them again.

An operator may **withdraw** a candidate until the partner accepts it. An acceptance
that crossed the withdrawal is still honoured (the partner accepted before it heard;
see `domain/overflow.py`), and the operator is told. When the partner **closes** its
offer (filled by another coop's candidate, or withdrawn), our candidates for it were
not chosen.

A lent member who becomes **unavailable** (sick, leave: a period of unavailability
from members) for days of the lending **interrupts** it: the partner is told the days,
the overlap of the period with the lending, never why or which kind
(`interruption`). The lending stays, as the member comes back. A period changed later
tells the partner the new days under the same interruption id; one removed, or moved
out of the lending, an empty interruption (`last_day` the day before `first_day`).
"""

import uuid
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from decimal import Decimal

from services.matching.domain.federation_errors import (
    AcceptedTermsDiffer,
    AnotherCandidateAccepted,
    CandidateAlreadyAccepted,
    CandidateAlreadyLent,
    CandidateNotOffered,
    CandidateNotOfferedToPartner,
    CandidateOfferedForAnotherSeat,
    LendingEndOutOfRange,
    MemberAlreadyOffered,
    NotSuitableForOffer,
    OfferAlreadyClosed,
    OfferNoLongerOpen,
    RateOutsideOfferedRange,
    SeatOfferNotOpen,
)
from services.matching.domain.proposals.iso_week import IsoWeek, weeks_from, working_weeks

OPEN, LENT, CLOSED = "open", "lent", "closed"
OFFERED, ACCEPTED, WITHDRAWN, NOT_CHOSEN = "offered", "accepted", "withdrawn", "not_chosen"
ACTIVE = "active"
MAX_SUGGESTIONS = 10


@dataclass
class IncomingOffer:
    id: str
    partner_id: str
    partner_name: str
    offer_id: str  # the partner's id of its offer
    skill: str
    min_level: int
    hours_per_week: Decimal
    first_week: IsoWeek
    last_week: IsoWeek
    rate_min: Decimal
    rate_max: Decimal
    currency: str
    languages: tuple[str, ...]
    description: str
    received_at: datetime
    status: str = OPEN

    @property
    def weeks(self) -> tuple[IsoWeek, ...]:
        return weeks_from(self.first_week, self.last_week)

    def close(self) -> None:
        """The partner closed its offer; `OfferAlreadyClosed` when it was no longer open
        (closed before, or lent: the partner tells the coop it chose of the acceptance)."""
        if self.status != OPEN:
            raise OfferAlreadyClosed(self.offer_id, self.status)
        self.status = CLOSED


@dataclass(frozen=True)
class Suggestion:
    member_id: str
    name: str
    level: int
    verified_level: int | None
    hourly_rate: Decimal | None
    least_free_hours: Decimal  # in the offer's tightest week
    public_introduction: str = ""  # a starting point for the introduction the operator writes


def skill_level(candidate, skill: str) -> tuple[int, int | None]:
    """(the level that counts, the verified level) of `skill`; (0, None) without it."""
    found = next((s for s in candidate.skills if s.skill == skill), None)
    if found is None:
        return 0, None
    level = found.verified_level if found.verified_level is not None else (found.level or 0)
    return level, found.verified_level


def why_unsuitable(offer: IncomingOffer, candidate, free: Mapping[IsoWeek, Decimal]) -> str | None:
    """Why the member cannot be offered for `offer`, or None; `free`: free hours per week."""
    if candidate.status != ACTIVE:
        return "Not an active member."
    level, _ = skill_level(candidate, offer.skill)
    if level < offer.min_level:
        return f"{offer.skill} below level {offer.min_level}."
    short = [week for week in offer.weeks if free.get(week, Decimal(0)) < offer.hours_per_week]
    if short:
        return (f"Fewer than {offer.hours_per_week} free hours in {len(short)} week(s), "
                f"from {min(short)}.")
    return None


def suggestions(offer: IncomingOffer, members) -> list[Suggestion]:
    """`members`: (candidate, free hours per week); the suitable ones, best first."""
    found = []
    for candidate, free in members:
        if why_unsuitable(offer, candidate, free) is None:
            level, verified = skill_level(candidate, offer.skill)
            least = min((free.get(w, Decimal(0)) for w in offer.weeks), default=Decimal(0))
            found.append(Suggestion(candidate.member_id, candidate.name, level, verified,
                                    candidate.hourly_rate, least, candidate.introduction or ""))
    found.sort(key=lambda s: (s.verified_level is None, -s.level, -s.least_free_hours,
                              s.member_id))
    return found[:MAX_SUGGESTIONS]


@dataclass
class OfferedCandidate:
    """One of our members, offered under a pseudonym for a partner's seat."""

    candidate_id: str
    incoming_offer_id: str
    partner_id: str
    offer_id: str
    member_id: str
    hourly_rate: Decimal
    currency: str
    skills: tuple  # ({skill, level, verified_level}, ...) as the partner sees them
    available_hours_per_week: Decimal
    introduction: str
    languages: tuple[str, ...]
    offered_at: datetime
    status: str = OFFERED

    @classmethod
    def offer(cls, offer: IncomingOffer, candidate, free: Mapping[IsoWeek, Decimal],
              hourly_rate: Decimal, introduction: str, already: list["OfferedCandidate"],
              now: datetime) -> "OfferedCandidate":
        if offer.status != OPEN:
            raise SeatOfferNotOpen(offer.id, offer.status)
        reason = why_unsuitable(offer, candidate, free)
        if reason:
            raise NotSuitableForOffer(reason)
        if not offer.rate_min <= hourly_rate <= offer.rate_max:
            raise RateOutsideOfferedRange(hourly_rate, offer.rate_min, offer.rate_max)
        for earlier in already:
            if earlier.member_id == candidate.member_id:
                raise MemberAlreadyOffered(candidate.member_id, earlier.candidate_id)
        # only the skill offered crosses: all of a member's skills would identify them
        skills = tuple({"skill": s.skill, "level": s.level or s.verified_level,
                        "verified_level": s.verified_level}
                       for s in candidate.skills if s.skill == offer.skill)
        least = min((free.get(w, Decimal(0)) for w in offer.weeks), default=Decimal(0))
        return cls(str(uuid.uuid4()), offer.id, offer.partner_id, offer.offer_id,
                   candidate.member_id, hourly_rate, offer.currency, skills[:1],
                   min(least, Decimal(80)), introduction[:2000],
                   tuple(candidate.languages)[:10], now)

    def withdraw(self) -> bool:
        """Take the candidacy back before the partner accepts it; False when withdrawn
        before. `CandidateAlreadyLent` once accepted."""
        if self.status == ACCEPTED:
            raise CandidateAlreadyLent(self.candidate_id)
        if self.status == WITHDRAWN:
            return False
        self.status = WITHDRAWN
        return True


@dataclass(frozen=True)
class Acceptance:
    """A partner's `candidate_accepted`, as it arrived."""

    partner_id: str
    offer_id: str
    candidate_id: str
    placement_id: str
    starts_on: date
    ends_on: date
    hours_per_week: Decimal
    hourly_rate: Decimal
    currency: str

    @property
    def terms(self) -> tuple:
        return (self.partner_id, self.offer_id, self.placement_id, self.starts_on,
                self.ends_on, self.hours_per_week, self.hourly_rate, self.currency)


def check_acceptance(candidate: OfferedCandidate | None, offer: IncomingOffer | None,
                     acceptance: Acceptance, lent: "Lending | None" = None) -> None:
    """Raises `CandidateAlreadyAccepted` (a copy of the acceptance we applied: ignore it)
    or a `PartnerOverstepped` (refuse it); `lent`: the candidate's lending, if any."""
    if candidate is None:
        raise CandidateNotOffered(acceptance.candidate_id)
    if candidate.partner_id != acceptance.partner_id:
        raise CandidateNotOfferedToPartner(acceptance.candidate_id, acceptance.partner_id)
    if candidate.offer_id != acceptance.offer_id or offer is None:
        raise CandidateOfferedForAnotherSeat(acceptance.candidate_id, acceptance.offer_id)
    if candidate.status == ACCEPTED:
        if lent is not None and lent.terms == acceptance.terms:
            raise CandidateAlreadyAccepted(acceptance.candidate_id)
        raise AcceptedTermsDiffer("the candidate was accepted before on other terms")
    if offer.status == CLOSED:
        raise OfferNoLongerOpen(acceptance.offer_id, offer.status)
    if offer.status != OPEN:
        raise AnotherCandidateAccepted(acceptance.offer_id)
    if acceptance.hourly_rate != candidate.hourly_rate or acceptance.currency != candidate.currency:
        raise AcceptedTermsDiffer(f"rate {acceptance.hourly_rate} {acceptance.currency}, "
                                  f"offered {candidate.hourly_rate} {candidate.currency}")
    if acceptance.hours_per_week > offer.hours_per_week:
        raise AcceptedTermsDiffer(f"{acceptance.hours_per_week} hours a week, offered for "
                                  f"{offer.hours_per_week}")
    if (acceptance.starts_on > acceptance.ends_on
            or acceptance.starts_on < offer.first_week.monday
            or IsoWeek.of(acceptance.ends_on) > offer.last_week):
        raise AcceptedTermsDiffer(f"{acceptance.starts_on} to {acceptance.ends_on}, offered "
                                  f"{offer.first_week} to {offer.last_week}")


@dataclass(frozen=True)
class Lending:
    """Our member working for a partner coop: their hours are reserved (booked)."""

    id: str
    placement_id: str
    partner_id: str
    partner_name: str
    offer_id: str
    candidate_id: str
    member_id: str
    skill: str
    starts_on: date
    ends_on: date
    hours_per_week: Decimal
    hourly_rate: Decimal
    currency: str
    lent_at: datetime

    @classmethod
    def of(cls, offer: IncomingOffer, candidate: OfferedCandidate, acceptance: Acceptance,
           now: datetime) -> "Lending":
        return cls(str(uuid.uuid4()), acceptance.placement_id, offer.partner_id,
                   offer.partner_name, offer.offer_id, candidate.candidate_id,
                   candidate.member_id, offer.skill, acceptance.starts_on, acceptance.ends_on,
                   acceptance.hours_per_week, acceptance.hourly_rate, acceptance.currency, now)

    def ended_on(self, last_day: date) -> "Lending":
        """The lending ending early: `last_day` before its last day and not before the day
        before its first (that one: it never starts). `LendingEndOutOfRange` else."""
        if not self.starts_on - timedelta(days=1) <= last_day < self.ends_on:
            raise LendingEndOutOfRange(self.starts_on, self.ends_on)
        return replace(self, ends_on=last_day)

    @property
    def terms(self) -> tuple:
        """What the partner accepted, as `Acceptance.terms`."""
        return (self.partner_id, self.offer_id, self.placement_id, self.starts_on,
                self.ends_on, self.hours_per_week, self.hourly_rate, self.currency)

    @property
    def weeks(self) -> tuple[IsoWeek, ...]:
        """The weeks it books hours in (as an assignment does: `assignments.booked_hours`)."""
        return working_weeks(self.starts_on, self.ends_on)


INTERRUPTIONS = "urn:multitalent:lending-interruption"


def interruption_id(lending_id: str, unavailability_id: str) -> str:
    """The same id for a lending and a period of unavailability, however often (a
    redelivered or reprocessed event tells the partner of the same interruption)."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL,
                          f"{INTERRUPTIONS}:{lending_id}:{unavailability_id}"))


@dataclass(frozen=True)
class Interruption:
    """Days our lent member cannot work for the partner (both included), as last told.
    Empty (`last_day` the day before `first_day`): the member can work after all."""

    id: str
    lending_id: str
    unavailability_id: str
    first_day: date
    last_day: date

    @property
    def is_empty(self) -> bool:
        return self.last_day < self.first_day


def interruption(lending: Lending, unavailability_id: str, period,
                 told: Interruption | None) -> Interruption | None:
    """What to tell the partner of the member's period of unavailability
    `unavailability_id` for `lending`: `period` has its `starts_on` and `ends_on` (None
    once removed); `told`, what we told of it before. The overlap when it holds a working
    day; an empty interruption when what we told no longer holds; None when there is
    nothing new to tell."""
    ident = interruption_id(lending.id, unavailability_id)
    first = max(lending.starts_on, period.starts_on) if period is not None else None
    last = min(lending.ends_on, period.ends_on) if period is not None else None
    if period is not None and first <= last and working_weeks(first, last):
        now = Interruption(ident, lending.id, unavailability_id, first, last)
    elif told is not None and not told.is_empty:
        now = Interruption(ident, lending.id, unavailability_id, told.first_day,
                           told.first_day - timedelta(days=1))
    else:
        return None
    if told is not None and (told.first_day, told.last_day) == (now.first_day, now.last_day):
        return None
    return now

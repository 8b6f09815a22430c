"""Overflow staffing, the borrowing side: a seat we cannot fill is offered to partner coops.

A **seat offer** is opened for a seat of a staffed project, automatically when continuity
reports a coverage gap (the gap's weeks) or when an operator chooses a seat (its weeks
left, or the weeks asked for). It names no client: skill, minimum level, hours per
week, ISO weeks and a rate range. Its weeks are one run of consecutive weeks (a gap in
W03 and W07 makes two offers, never one for W03–W07), none covered by an earlier offer or
a placement on the seat. The range's top is what the client pays for the seat
(the primary's agreed rate), so the coop never pays a partner more than it invoices;
its bottom is 75 % of that (`RATE_FLOOR`), half-up to the cent.

Partners answer with pseudonymous **candidates**, kept under the offer only when the
offer is ours, open and was sent to that partner, and the rate is in the range (see
`check_offer_for_candidate` for what is ignored, retried or refused). An
operator accepts one: a **placement** puts the lent member into the project as an
external team member over the offer's weeks (the lending coop and the candidate id
recorded, never a member id), and the offer is filled.

An operator may **withdraw** an open offer instead (its weeks may then be offered
again). A filled or withdrawn offer is **closed** for the partners still waiting on it.
A partner may **withdraw a candidate** it offered: it can then no longer be accepted.
A withdrawal that reaches us after we accepted the candidate changes nothing: like an
offer in contract law (BW 6:219), a candidacy can be revoked only until it is accepted,
and the lending coop lends the member when our acceptance crossed its withdrawal.

The lending coop may tell us its member **cannot work** on some days (sick, leave; never
why): an **interruption** of the placement (`PlacementInterruption`). The placement
stays, but its weeks with a working day in the interruption are no longer covered by it
(continuity's rule: the member can give fewer hours than the seat needs), so those
weeks from this week on are a coverage gap and may be offered to partners. A later
change of the same interruption (by id) reports only weeks not reported before;
weeks given back (the period shortened or taken back) count as the placement's again,
but nothing offered or placed for them meanwhile is undone.
"""

import uuid
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal

from services.matching.domain.federation_errors import (
    AcceptedBeforeWithdrawal,
    CandidateAlreadyReceived,
    CandidateAlreadyWithdrawn,
    CandidateNotYetKnown,
    CandidateOfAnotherPartner,
    CandidateRateOutsideRange,
    OfferNoLongerOpen,
    OfferNotOurs,
    OfferNotSentToPartner,
    RecipientNotYetKnown,
    SeatOfferNotOpen,
)
from services.matching.domain.proposals.iso_week import IsoWeek, weeks_from, working_weeks

OPEN, FILLED, WITHDRAWN = "open", "filled", "withdrawn"
OFFERED = "offered"  # a partner's candidate we may accept (else WITHDRAWN)
COVERAGE_GAP, OPERATOR = "coverage_gap", "operator"
RATE_FLOOR = Decimal("0.75")
CURRENCY = "EUR"


def rate_range(seat_rate: Decimal) -> tuple[Decimal, Decimal]:
    """(rate_min, rate_max) offered for a seat the client pays `seat_rate` an hour for."""
    return (seat_rate * RATE_FLOOR).quantize(Decimal("0.01"), ROUND_HALF_UP), seat_rate


def week_runs(weeks) -> list[tuple[IsoWeek, IsoWeek]]:
    """Runs of consecutive ISO weeks (across a year's end too): W03, W04, W07 →
    [(W03, W04), (W07, W07)]."""
    runs: list[tuple[IsoWeek, IsoWeek]] = []
    for week in sorted(set(weeks)):
        if runs and runs[-1][1].plus(1) == week:
            runs[-1] = (runs[-1][0], week)
        else:
            runs.append((week, week))
    return runs


def describe_runs(runs) -> str:
    return ", ".join(str(first) if first == last else f"{first}–{last}" for first, last in runs)


@dataclass(frozen=True)
class Recipient:
    partner_id: str
    partner_name: str


@dataclass(frozen=True)
class PartnerCandidate:
    """A partner's pseudonymous candidate for one of our offers (no member id, no name)."""

    candidate_id: str
    offer_id: str
    partner_id: str
    partner_name: str
    skills: tuple  # ({skill, level, verified_level}, ...)
    available_hours_per_week: Decimal
    introduction: str
    languages: tuple[str, ...]
    hourly_rate: Decimal
    currency: str
    received_at: datetime
    status: str = OFFERED


@dataclass
class SeatOffer:
    id: str
    project_id: str
    client_id: str
    seat_id: str
    role_id: str
    skill: str
    min_level: int
    hours_per_week: Decimal
    first_week: IsoWeek
    last_week: IsoWeek
    rate_min: Decimal
    rate_max: Decimal
    reason: str
    opened_at: datetime
    description: str = ""
    languages: tuple[str, ...] = ()
    currency: str = CURRENCY
    status: str = OPEN
    recipients: list[Recipient] = field(default_factory=list)
    candidates: list[PartnerCandidate] = field(default_factory=list)

    @classmethod
    def open(cls, project, seat, role, run: tuple[IsoWeek, IsoWeek], seat_rate: Decimal,
             reason: str, now: datetime) -> "SeatOffer":
        """An offer for `run`, (first week, last week) of consecutive weeks (`week_runs`)."""
        low, high = rate_range(seat_rate)
        first, last = run
        description = (f"{role.skill} at level {role.minimum_level} or above, "
                       f"{role.hours_per_week} hours a week from {first} to {last}.")
        return cls(str(uuid.uuid4()), project.id, project.client_id, seat.id, role.id,
                   role.skill, role.minimum_level, role.hours_per_week, first, last, low, high,
                   reason, now, description)

    @property
    def weeks(self) -> tuple[IsoWeek, ...]:
        return weeks_from(self.first_week, self.last_week)

    def sent_to(self, recipients: list[Recipient]) -> bool:
        """Record whom federation sent the offer to; False when all were known."""
        known = {r.partner_id for r in self.recipients}
        new = {r.partner_id: r for r in recipients if r.partner_id not in known}
        self.recipients.extend(new.values())
        return bool(new)

    def check_candidate(self, candidate: PartnerCandidate) -> None:
        """Raises `CandidateAlreadyReceived` (a copy: ignore it), `RecipientNotYetKnown`
        (retry later) or a `PartnerOverstepped` (refuse it)."""
        if any(c.candidate_id == candidate.candidate_id and c.partner_id == candidate.partner_id
               for c in self.candidates):
            raise CandidateAlreadyReceived(candidate.candidate_id)
        if not self.recipients and self.status == OPEN:
            # federation's `seat_offer_sent` names every recipient at once, but travels on
            # another queue: the answer may overtake it
            raise RecipientNotYetKnown(self.id, candidate.partner_id)
        if not any(r.partner_id == candidate.partner_id for r in self.recipients):
            raise OfferNotSentToPartner(self.id, candidate.partner_id)
        if self.status != OPEN:
            raise OfferNoLongerOpen(self.id, self.status)
        if not self.rate_min <= candidate.hourly_rate <= self.rate_max:
            raise CandidateRateOutsideRange(candidate.hourly_rate, self.rate_min, self.rate_max)

    def candidate(self, candidate_id: str) -> PartnerCandidate | None:
        return next((c for c in self.candidates if c.candidate_id == candidate_id), None)

    def withdraw(self) -> None:
        """The operator takes the offer back; only an open one (`SeatOfferNotOpen`)."""
        if self.status != OPEN:
            raise SeatOfferNotOpen(self.id, self.status)
        self.status = WITHDRAWN

    def withdraw_candidate(self, partner_id: str, candidate_id: str,
                           placed: "Placement | None") -> None:
        """The partner withdrew its candidate. Raises `CandidateNotYetKnown` (the
        withdrawal overtook the candidate: retry), `CandidateOfAnotherPartner` (refuse
        it), or an `AlreadyApplied` to ignore it:
        withdrawn before, or accepted before the withdrawal reached us (`placed`: the
        offer's placement, if any)."""
        candidate = self.candidate(candidate_id)
        if candidate is None:
            raise CandidateNotYetKnown(self.id, candidate_id)
        if candidate.partner_id != partner_id:
            raise CandidateOfAnotherPartner(candidate_id, partner_id)
        if placed is not None and placed.candidate_id == candidate_id:
            raise AcceptedBeforeWithdrawal(candidate_id)
        if candidate.status == WITHDRAWN:
            raise CandidateAlreadyWithdrawn(candidate_id)
        self.candidates = [replace(c, status=WITHDRAWN) if c.candidate_id == candidate_id
                           else c for c in self.candidates]

    def waiting_partners(self, placed: "Placement | None") -> tuple[str, ...]:
        """The partners to tell that the offer closed: all it went to but the one whose
        candidate was accepted (that one hears of the acceptance)."""
        chosen = placed.partner_id if placed is not None else None
        return tuple(r.partner_id for r in self.recipients if r.partner_id != chosen)


def check_offer_for_candidate(offer: SeatOffer | None, candidate: PartnerCandidate) -> None:
    if offer is None:
        raise OfferNotOurs(candidate.offer_id)
    offer.check_candidate(candidate)


@dataclass(frozen=True)
class Placement:
    """A partner's member on one of our seats: an external team member."""

    id: str
    offer_id: str
    project_id: str
    client_id: str
    seat_id: str
    role_id: str
    skill: str
    partner_id: str
    partner_name: str
    candidate_id: str
    hours_per_week: Decimal
    starts_on: date
    ends_on: date
    client_hourly_rate: Decimal
    partner_hourly_rate: Decimal
    currency: str
    placed_at: datetime
    introduction: str = ""
    interruptions: tuple = ()  # (PlacementInterruption, ...): days the member cannot work

    @classmethod
    def of(cls, offer: SeatOffer, candidate: PartnerCandidate, project_starts_on: date,
           project_ends_on: date, now: datetime) -> "Placement":
        starts_on = max(project_starts_on, offer.first_week.monday)
        ends_on = min(project_ends_on, offer.last_week.monday + timedelta(days=6))
        return cls(str(uuid.uuid4()), offer.id, offer.project_id, offer.client_id,
                   offer.seat_id, offer.role_id, offer.skill, candidate.partner_id,
                   candidate.partner_name, candidate.candidate_id, offer.hours_per_week,
                   starts_on, ends_on, offer.rate_max, candidate.hourly_rate,
                   candidate.currency, now, candidate.introduction)

    @property
    def weeks(self) -> tuple[IsoWeek, ...]:
        return working_weeks(self.starts_on, self.ends_on)

    @property
    def covered_weeks(self) -> tuple[IsoWeek, ...]:
        """Its weeks less those an interruption takes a working day of."""
        out = {week for gone in self.interruptions for week in gone.weeks_of(self)}
        return tuple(week for week in self.weeks if week not in out)

    def cut_short(self, last_day: date) -> "Placement | None":
        """The lending coop ended the lending on `last_day`: the placement with its new
        end, or None when it ends no earlier than that anyway."""
        if last_day >= self.ends_on:
            return None
        return replace(self, ends_on=max(last_day, self.starts_on - timedelta(days=1)))


@dataclass(frozen=True)
class PlacementInterruption:
    """The lending coop's member cannot work on the placement from `first_day` to
    `last_day` (empty when `last_day` is before `first_day`: they can after all), as the
    latest news `as_of` (the partner's time of sending) has it; `reported_weeks`: the
    weeks reported as a coverage gap for it so far."""

    id: str  # the lending coop's interruption id
    placement_id: str
    first_day: date
    last_day: date
    as_of: datetime
    reported_weeks: tuple[IsoWeek, ...] = ()

    @property
    def is_empty(self) -> bool:
        return self.last_day < self.first_day

    def weeks_of(self, placement: "Placement") -> tuple[IsoWeek, ...]:
        """The placement's weeks with a working day in the interruption."""
        first = max(self.first_day, placement.starts_on)
        last = min(self.last_day, placement.ends_on)
        return working_weeks(first, last) if first <= last else ()


def interrupt(placement: Placement, known: PlacementInterruption | None, interruption_id: str,
              first_day: date, last_day: date, as_of: datetime,
              this_week: IsoWeek) -> tuple[PlacementInterruption, tuple[IsoWeek, ...]] | None:
    """The lending coop's news of an interruption of `placement` (`known`: what we had
    of it): the interruption as it is now, and the weeks to report as a coverage gap
    (from `this_week`, not reported before). None when the news is older than what we
    had (it overtook nothing: ignore it) or changes nothing."""
    if known is not None and (as_of < known.as_of or (known.first_day, known.last_day) == (
            first_day, last_day)):
        return None
    reported = known.reported_weeks if known is not None else ()
    now = PlacementInterruption(interruption_id, placement.id, first_day, last_day, as_of,
                                reported)
    new = tuple(week for week in now.weeks_of(placement)
                if week >= this_week and week not in set(reported))
    return replace(now, reported_weeks=tuple(sorted(set(reported) | set(new)))), new

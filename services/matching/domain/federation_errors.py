"""Rules of the federation flows (overflow and lending), named for the reader.

Errors an operator's request can break (`Invalid`, `Conflict`, `NotFound`), and three
outcomes for a partner's event (README "Federation flows"):

- `AlreadyApplied`: a copy of what we applied before; ignored (idempotent), logged at info;
- `RecipientNotYetKnown`: the partner may answer an offer whose recipients federation has
  not told us yet; a plain exception, so the event handler retries it with backoff (and
  parks it when that never changes);
- `PartnerOverstepped` (an `Invalid`): a partner acting outside what it may; refused,
  nothing applied, logged as a warning, and dead-lettered at once (the handler parks the
  event with the rule's name in its headers).
"""

from datetime import timedelta

from infra.errors import Conflict, Invalid, NotFound, field_error


class PartnerOverstepped(Invalid):
    """A partner's event we must not apply; the class name is the rule (and the name of
    the error in the parked event's `x-multitalent-error` header)."""


class AlreadyApplied(Exception):
    """A partner's event repeating what we applied before: nothing to do."""

    def __init__(self, detail: str):
        super().__init__(detail)
        self.detail = detail

    @property
    def rule(self) -> str:
        return type(self).__name__


class RecipientNotYetKnown(Exception):
    """An answer to an open offer of ours before federation told us whom it went to."""

    def __init__(self, offer_id: str, partner_id: str):
        super().__init__(f"Seat offer {offer_id}: its recipients are not known yet, so an "
                         f"answer of partner {partner_id} cannot be checked; retry later.")


class CandidateNotYetKnown(Exception):
    """A partner withdrew a candidate whose offer has not reached us yet (another queue)."""

    def __init__(self, offer_id: str, candidate_id: str):
        super().__init__(f"Seat offer {offer_id} has no candidate {candidate_id} yet; "
                         "retry later.")


class IncomingOfferNotYetKnown(Exception):
    """A partner closed a seat offer whose offer has not reached us yet (another queue)."""

    def __init__(self, partner_id: str, offer_id: str):
        super().__init__(f"No seat offer {offer_id} of partner {partner_id} yet; retry later.")


# --- coop A: candidates and acceptances arriving from partners ----------------------------

class OfferNotOurs(PartnerOverstepped):
    def __init__(self, offer_id: str):
        super().__init__(f"We opened no seat offer {offer_id}.")


class OfferNotSentToPartner(PartnerOverstepped):
    def __init__(self, offer_id: str, partner_id: str):
        super().__init__(f"Seat offer {offer_id} was never sent to partner {partner_id}.")


class OfferNoLongerOpen(PartnerOverstepped):
    def __init__(self, offer_id: str, status: str):
        super().__init__(f"Seat offer {offer_id} is {status}, no longer open.")


class CandidateRateOutsideRange(PartnerOverstepped):
    def __init__(self, rate, low, high):
        super().__init__(f"The candidate's rate {rate} is outside the offered {low}–{high}.")


class CandidateAlreadyReceived(AlreadyApplied):
    def __init__(self, candidate_id: str):
        super().__init__(f"Candidate {candidate_id} was offered before.")


class CandidateOfAnotherPartner(PartnerOverstepped):
    def __init__(self, candidate_id: str, partner_id: str):
        super().__init__(f"Candidate {candidate_id} is not partner {partner_id}'s.")


class CandidateAlreadyWithdrawn(AlreadyApplied):
    def __init__(self, candidate_id: str):
        super().__init__(f"Candidate {candidate_id} was withdrawn before.")


class AcceptedBeforeWithdrawal(AlreadyApplied):
    def __init__(self, candidate_id: str):
        super().__init__(f"Candidate {candidate_id} was accepted before its withdrawal "
                         "reached us: the placement stands.")


class PlacementNotThePartners(PartnerOverstepped):
    def __init__(self, placement_id: str, partner_id: str):
        super().__init__(f"Placement {placement_id} is not with partner {partner_id}.")


class InterruptionOfAnotherPlacement(PartnerOverstepped):
    def __init__(self, interruption_id: str, placement_id: str):
        super().__init__(f"Interruption {interruption_id} is not of placement {placement_id}.")


# --- coop B: acceptances of our candidates ------------------------------------------------

class CandidateNotOffered(PartnerOverstepped):
    def __init__(self, candidate_id: str):
        super().__init__(f"We offered no candidate {candidate_id}.")


class CandidateNotOfferedToPartner(PartnerOverstepped):
    def __init__(self, candidate_id: str, partner_id: str):
        super().__init__(f"Candidate {candidate_id} was not offered to partner {partner_id}.")


class CandidateOfferedForAnotherSeat(PartnerOverstepped):
    def __init__(self, candidate_id: str, offer_id: str):
        super().__init__(f"Candidate {candidate_id} was not offered for seat offer {offer_id}.")


class CandidateAlreadyAccepted(AlreadyApplied):
    def __init__(self, candidate_id: str):
        super().__init__(f"Candidate {candidate_id} was accepted before on the same terms.")


class AnotherCandidateAccepted(PartnerOverstepped):
    def __init__(self, offer_id: str):
        super().__init__(f"Another candidate was accepted for seat offer {offer_id} already.")


class OfferAlreadyClosed(AlreadyApplied):
    def __init__(self, offer_id: str, status: str):
        super().__init__(f"The partner's seat offer {offer_id} is {status} already.")


class AcceptedTermsDiffer(PartnerOverstepped):
    def __init__(self, what: str):
        super().__init__(f"The acceptance differs from what we offered: {what}.")


# --- operators' requests --------------------------------------------------------------------

class SeatOfferNotFound(NotFound):
    def __init__(self, offer_id: str):
        super().__init__(f"No seat offer with id {offer_id}.")


class PartnerCandidateNotFound(NotFound):
    def __init__(self, offer_id: str, candidate_id: str):
        super().__init__(f"Seat offer {offer_id} has no candidate {candidate_id}.")


class IncomingOfferNotFound(NotFound):
    def __init__(self, incoming_id: str):
        super().__init__(f"No incoming seat offer with id {incoming_id}.")


class OfferedCandidateNotFound(NotFound):
    def __init__(self, incoming_id: str, candidate_id: str):
        super().__init__(f"We offered no candidate {candidate_id} for incoming seat offer "
                         f"{incoming_id}.")


class SeatNotFound(NotFound):
    def __init__(self, project_id: str, seat_id: str):
        super().__init__(f"Project {project_id} has no seat {seat_id}.")


class SeatCannotBeOffered(Conflict):
    def __init__(self, project_id: str, status: str):
        super().__init__(f"Project {project_id} is {status}: only a seat of an accepted or "
                         "running project can be offered to partners.")


class SeatAlreadyOffered(Conflict):
    def __init__(self, seat_id: str, weeks: str = ""):
        super().__init__(f"Seat {seat_id} is offered to partners already"
                         + (f" for {weeks}." if weeks else "."))


class WeeksNotConsecutive(Invalid):
    def __init__(self, runs: str):
        super().__init__(f"The weeks left to offer are not consecutive ({runs}): offer one "
                         "run at a time.",
                         field_error("first_week", f"Give first_week and last_week of one of "
                                                   f"{runs}."))


class NoWeeksLeftToOffer(Invalid):
    def __init__(self, field: str = "first_week"):
        super().__init__("No week of the project is left in the weeks asked for.",
                         field_error(field, "Give weeks within the project, from this week on."))


class SeatOfferNotOpen(Conflict):
    def __init__(self, offer_id: str, status: str):
        super().__init__(f"Seat offer {offer_id} is {status}: only an open offer can be "
                         "accepted or answered.")


class NotSuitableForOffer(Invalid):
    def __init__(self, reason: str):
        super().__init__(f"This member cannot be offered: {reason}",
                         field_error("member_id", reason))


class RateOutsideOfferedRange(Invalid):
    def __init__(self, rate, low, high):
        super().__init__(f"The rate {rate} is outside the partner's range {low}–{high}.",
                         field_error("hourly_rate", f"Between {low} and {high}."))


class PartnerCandidateWithdrawn(Conflict):
    def __init__(self, candidate_id: str):
        super().__init__(f"The partner withdrew candidate {candidate_id}: it cannot be "
                         "accepted.")


class CandidateAlreadyLent(Conflict):
    def __init__(self, candidate_id: str):
        super().__init__(f"The partner accepted candidate {candidate_id}: the member is lent "
                         "and the candidacy can no longer be withdrawn.")


class LendingNotFound(NotFound):
    def __init__(self, lending_id: str):
        super().__init__(f"No lending with id {lending_id}.")


class LendingEndOutOfRange(Invalid):
    def __init__(self, starts_on, ends_on):
        super().__init__(
            "A lending ends early: on a day before its last day, and not before the day "
            "before its first.",
            field_error("last_day", f"From {starts_on - timedelta(days=1)} to "
                                    f"{ends_on - timedelta(days=1)}."))


class MemberAlreadyOffered(Conflict):
    def __init__(self, member_id: str, candidate_id: str):
        super().__init__(f"Member {member_id} is offered for this seat already "
                         f"(candidate {candidate_id}).")

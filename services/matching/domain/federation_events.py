"""Facts of the federation flows that matching tells the others (federation, billing)."""

from dataclasses import dataclass


@dataclass(frozen=True)
class SeatOfferOpened:
    offer: object  # domain.overflow.SeatOffer
    type = "seat_offer_opened"

    @property
    def subject(self) -> str:
        return self.offer.id


@dataclass(frozen=True)
class ExternalMemberPlaced:
    placement: object  # domain.overflow.Placement
    description: str
    type = "external_member_placed"

    @property
    def subject(self) -> str:
        return self.placement.id


@dataclass(frozen=True)
class CandidateOfferMade:
    candidate: object  # domain.lending.OfferedCandidate
    type = "candidate_offer_made"

    @property
    def subject(self) -> str:
        return self.candidate.offer_id


@dataclass(frozen=True)
class MemberLent:
    lending: object  # domain.lending.Lending
    type = "member_lent"

    @property
    def subject(self) -> str:
        return self.lending.placement_id


@dataclass(frozen=True)
class LendingEnded:
    """Our member's lending ends early (the operator ended it, or the member left)."""

    lending: object  # domain.lending.Lending
    type = "lending_ended"

    @property
    def subject(self) -> str:
        return self.lending.placement_id


@dataclass(frozen=True)
class LendingInterrupted:
    """Our lent member cannot work for the partner on some days (an empty interruption:
    they can after all). The lending stays; no member id, reason or kind leaves."""

    lending: object  # domain.lending.Lending
    interruption: object  # domain.lending.Interruption
    type = "lending_interrupted"

    @property
    def subject(self) -> str:
        return self.lending.placement_id


@dataclass(frozen=True)
class ExternalMemberLeft:
    """The lending coop ended a placement early: no external member after `ends_on`."""

    placement: object  # domain.overflow.Placement
    type = "external_member_left"

    @property
    def subject(self) -> str:
        return self.placement.id


@dataclass(frozen=True)
class SeatOfferClosed:
    """One of our seat offers was filled or withdrawn: `partner_ids`, the partners still
    waiting on it, are told (federation sends them `seat_offer_closed.v1`)."""

    offer: object  # domain.overflow.SeatOffer
    reason: str  # "filled" or "withdrawn"
    partner_ids: tuple[str, ...]
    type = "seat_offer_closed"

    @property
    def subject(self) -> str:
        return self.offer.id


@dataclass(frozen=True)
class CandidateOfferWithdrawn:
    candidate: object  # domain.lending.OfferedCandidate
    type = "candidate_offer_withdrawn"

    @property
    def subject(self) -> str:
        return self.candidate.offer_id

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

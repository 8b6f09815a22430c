"""What federation tells this coop about the flows: to whom it sent a seat offer, and the
skill supply partners shared with us (counts per skill, kept per partner)."""

from dataclasses import dataclass
from datetime import date, datetime


@dataclass(frozen=True)
class SeatOfferSent:
    """One of our seat offers was queued for a partner: only the partners it was queued
    for may answer it. `recipients` names all of them ({partner_id, partner_name}), the
    same in each of the offer's events, so the first that arrives tells the whole list."""

    offer_id: str
    partner_id: str
    partner_name: str
    federated_id: str
    recipients: tuple = ()
    type = "seat_offer_sent"

    @property
    def subject(self) -> str:
        return self.offer_id


@dataclass(frozen=True)
class SkillCount:
    skill: str
    members: int
    verified_members: int


@dataclass(frozen=True)
class PartnerSkillSupply:
    """What one partner told us of its members' skills, as of a day."""

    partner_id: str
    partner_name: str
    as_of: date
    received_at: datetime
    skills: tuple[SkillCount, ...]

    def is_newer_than(self, other: "PartnerSkillSupply | None") -> bool:
        return other is None or self.as_of >= other.as_of

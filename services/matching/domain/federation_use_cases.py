"""The federation flows' use cases in one namespace (entrypoints use this)."""

from services.matching.domain.use_cases.candidates import get_candidate
from services.matching.domain.use_cases.lending import (
    close_incoming_offer,
    end_lending,
    lend_member,
    list_incoming_offers,
    list_lendings,
    offer_member,
    receive_seat_offer,
    skill_supply,
    withdraw_candidate,
)
from services.matching.domain.use_cases.overflow import (
    accept_candidate,
    get_seat_offer,
    list_seat_offers,
    offer_seat,
    offer_seat_for_gap,
    receive_candidate,
    receive_candidate_withdrawal,
    receive_lending_end,
    receive_lending_interruption,
    record_offer_sent,
    withdraw_seat_offer,
)

__all__ = [
    "accept_candidate", "close_incoming_offer", "end_lending", "get_candidate",
    "get_seat_offer", "receive_lending_end", "receive_lending_interruption",
    "lend_member", "list_incoming_offers", "list_lendings", "list_seat_offers", "offer_member",
    "offer_seat", "offer_seat_for_gap", "receive_candidate", "receive_candidate_withdrawal",
    "receive_seat_offer", "record_offer_sent", "skill_supply", "withdraw_candidate",
    "withdraw_seat_offer",
]

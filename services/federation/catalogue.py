"""The federated event types (part of the published contract, plain Python): what coops may
send each other, and the name under which an accepted one is re-published inside this coop
(on `federation.events`). Shared by the domain and the schemas.

A type's name carries its version (`.v1`); a change that breaks readers is a new type.
The `data` of each is described by `services/federation/schemas/federated.py` and, with
an example, in services/federation/README.md.
"""

from dataclasses import dataclass

PREFIX = "coop.multitalent."


@dataclass(frozen=True)
class FederatedType:
    type: str       # the CloudEvents type on the wire
    internal: str   # the event type re-published on federation.events
    meaning: str


CATALOGUE: dict[str, FederatedType] = {t.type: t for t in (
    FederatedType(f"{PREFIX}seat_offered.v1", "partner_seat_offered",
                  "A partner offers a seat it cannot fill (no client identity)."),
    FederatedType(f"{PREFIX}seat_offer_closed.v1", "partner_seat_offer_closed",
                  "A partner's seat offer is filled by another coop's candidate or "
                  "withdrawn: our candidates for it were not chosen."),
    FederatedType(f"{PREFIX}candidate_offered.v1", "partner_candidate_offered",
                  "A partner answers a seat offer with a pseudonymised candidate."),
    FederatedType(f"{PREFIX}candidate_withdrawn.v1", "partner_candidate_withdrawn",
                  "A partner takes back a candidate it offered, before it was accepted."),
    FederatedType(f"{PREFIX}candidate_accepted.v1", "partner_candidate_accepted",
                  "A partner accepts one of our candidates for its seat."),
    FederatedType(f"{PREFIX}lending_ended.v1", "partner_lending_ended",
                  "A partner ends the lending of its member early (after last_day)."),
    FederatedType(f"{PREFIX}lending_interrupted.v1", "partner_lending_interrupted",
                  "A partner's lent member cannot work from first_day to last_day (never "
                  "why); the same interruption_id again replaces the days, and last_day "
                  "the day before first_day takes them back."),
    FederatedType(f"{PREFIX}external_hours_approved.v1", "partner_external_hours_approved",
                  "A partner's client approved hours worked by a member we lend."),
    FederatedType(f"{PREFIX}skill_supply_shared.v1", "partner_skill_supply_shared",
                  "A partner shares how many members it has per skill (counts only)."),
)}
INTERNAL_TYPES = tuple(t.internal for t in CATALOGUE.values())


def is_known(event_type: str) -> bool:
    return event_type in CATALOGUE


def internal_name(event_type: str) -> str:
    return CATALOGUE[event_type].internal

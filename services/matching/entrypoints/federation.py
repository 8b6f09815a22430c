"""Seat offers to and from partner coops, external team members, lendings, skill supply.

Partners' events arrive through federation (`partner_*` on `federation.events`); what
we tell partners leaves as matching's own events, which federation translates. See the
README's "Federation flows".
"""

from datetime import UTC, date, datetime
from decimal import Decimal

from infra.events import EnvelopeSchema
from infra.handlers import event_handler
from infra.rpc import rpc
from services.matching.domain import federation_use_cases as flows
from services.matching.domain.lending import Acceptance, IncomingOffer
from services.matching.domain.overflow import PartnerCandidate
from services.matching.domain.proposals.iso_week import IsoWeek
from services.matching.schemas.federation import (
    IncomingOfferListSchema,
    IncomingOfferQuerySchema,
    LendingEndSchema,
    LendingListSchema,
    LendingQuerySchema,
    LendingSchema,
    MemberOfferSchema,
    OfferedCandidateSchema,
    PartnerAcceptanceSchema,
    PartnerCandidateOfferSchema,
    PartnerCandidateWithdrawalSchema,
    PartnerEventSchema,
    PartnerLendingEndedSchema,
    PartnerLendingInterruptedSchema,
    PartnerOfferClosedSchema,
    PartnerSeatOfferSchema,
    PlacementSchema,
    SeatOfferListSchema,
    SeatOfferQuerySchema,
    SeatOfferRequestSchema,
    SeatOfferSchema,
    SeatOfferSentSchema,
    SkillSupplySchema,
)


def _now() -> datetime:
    return datetime.now(UTC)


def _week(text):
    return IsoWeek.parse(text) if text else None


def _partner_event(event: dict) -> tuple[dict, dict]:
    """(the envelope, the partner event's data) of a `partner_*` event."""
    event = EnvelopeSchema().load(event)
    return event, PartnerEventSchema().load(event["data"])


class FederationFlowEntrypoints:
    # --- we borrow: our seats offered to partners -------------------------------------------

    @event_handler("matching", "coverage_gap_detected")
    def on_coverage_gap_detected(self, event):
        flows.offer_seat_for_gap(self.uow, EnvelopeSchema().load(event), date.today(), _now())

    @rpc
    def offer_seat_to_partners(self, project_id, seat_id, request=None):
        weeks = SeatOfferRequestSchema().load(request or {})
        offer = flows.offer_seat(self.uow, str(project_id), str(seat_id)[:110], date.today(),
                                 _now(), _week(weeks["first_week"]), _week(weeks["last_week"]))
        return SeatOfferSchema().dump(offer)

    @event_handler("federation", "seat_offer_sent")
    def on_seat_offer_sent(self, event):
        event = EnvelopeSchema().load(event)
        event["data"] = SeatOfferSentSchema().load(event["data"])
        flows.record_offer_sent(self.uow, event)

    @event_handler("federation", "partner_candidate_offered")
    def on_partner_candidate_offered(self, event):
        event, partner = _partner_event(event)
        data = PartnerCandidateOfferSchema().load(partner["data"])
        candidate = PartnerCandidate(
            str(data["candidate_id"]), str(data["offer_id"]), str(partner["partner_id"]),
            partner["partner_name"], tuple(data["skills"]), data["available_hours_per_week"],
            data["introduction"], tuple(data["languages"]), data["hourly_rate"],
            data["currency"], partner["received_at"])
        flows.receive_candidate(self.uow, event, candidate)

    @rpc
    def list_seat_offers(self, query=None):
        return SeatOfferListSchema().dump(
            flows.list_seat_offers(self.uow, **SeatOfferQuerySchema().load(query or {})))

    @rpc
    def get_seat_offer(self, offer_id):
        return SeatOfferSchema().dump(flows.get_seat_offer(self.uow, str(offer_id)[:36]))

    @rpc
    def accept_partner_candidate(self, offer_id, candidate_id):
        placement = flows.accept_candidate(self.uow, str(offer_id)[:36], str(candidate_id)[:36],
                                           _now())
        return PlacementSchema().dump(placement)

    @rpc
    def withdraw_seat_offer(self, offer_id):
        return SeatOfferSchema().dump(flows.withdraw_seat_offer(self.uow, str(offer_id)[:36],
                                                                _now()))

    @event_handler("federation", "partner_lending_ended")
    def on_partner_lending_ended(self, event):
        event, partner = _partner_event(event)
        data = PartnerLendingEndedSchema().load(partner["data"])
        flows.receive_lending_end(self.uow, event, str(partner["partner_id"]),
                                  str(data["placement_id"]), data["last_day"], date.today(),
                                  _now())

    @event_handler("federation", "partner_lending_interrupted")
    def on_partner_lending_interrupted(self, event):
        event, partner = _partner_event(event)
        data = PartnerLendingInterruptedSchema().load(partner["data"])
        flows.receive_lending_interruption(
            self.uow, event, str(partner["partner_id"]), str(data["placement_id"]),
            str(data["interruption_id"]), data["first_day"], data["last_day"],
            partner["sent_at"], date.today(), _now())

    @event_handler("federation", "partner_candidate_withdrawn")
    def on_partner_candidate_withdrawn(self, event):
        event, partner = _partner_event(event)
        data = PartnerCandidateWithdrawalSchema().load(partner["data"])
        flows.receive_candidate_withdrawal(self.uow, event, str(partner["partner_id"]),
                                           str(data["offer_id"]), str(data["candidate_id"]))

    # --- we lend: partners' seats, our candidates, lendings -----------------------------------

    @event_handler("federation", "partner_seat_offered")
    def on_partner_seat_offered(self, event):
        event, partner = _partner_event(event)
        data = PartnerSeatOfferSchema().load(partner["data"])
        offer = IncomingOffer(
            str(event["id"]), str(partner["partner_id"]), partner["partner_name"],
            str(data["offer_id"]), data["skill"], data["min_level"],
            Decimal(data["hours_per_week"]).quantize(Decimal("0.01")),
            IsoWeek.parse(data["first_week"]), IsoWeek.parse(data["last_week"]),
            data["rate_min"], data["rate_max"], data["currency"], tuple(data["languages"]),
            data["description"], partner["received_at"])
        flows.receive_seat_offer(self.uow, event, offer)

    @rpc
    def list_incoming_offers(self, query=None):
        page = flows.list_incoming_offers(self.uow, **IncomingOfferQuerySchema().load(query or {}))
        items = [{**vars(offer), "suggestions": suggested, "candidates": candidates}
                 for offer, suggested, candidates in page.items]
        return IncomingOfferListSchema().dump({"items": items, "next_cursor": page.next_cursor})

    @rpc
    def offer_member_to_partner(self, incoming_id, details):
        details = MemberOfferSchema().load(details)
        member_id = str(details["member_id"])
        candidate = flows.offer_member(self.uow, str(incoming_id)[:36], member_id,
                                       details["hourly_rate"], details["introduction"], _now())
        return OfferedCandidateSchema().dump(candidate)

    @rpc
    def withdraw_offered_candidate(self, incoming_id, candidate_id):
        candidate = flows.withdraw_candidate(self.uow, str(incoming_id)[:36],
                                             str(candidate_id)[:36])
        return OfferedCandidateSchema().dump(candidate)

    @event_handler("federation", "partner_seat_offer_closed")
    def on_partner_seat_offer_closed(self, event):
        event, partner = _partner_event(event)
        data = PartnerOfferClosedSchema().load(partner["data"])
        flows.close_incoming_offer(self.uow, event, str(partner["partner_id"]),
                                   str(data["offer_id"]))

    @event_handler("federation", "partner_candidate_accepted")
    def on_partner_candidate_accepted(self, event):
        event, partner = _partner_event(event)
        data = PartnerAcceptanceSchema().load(partner["data"])
        acceptance = Acceptance(
            str(partner["partner_id"]), str(data["offer_id"]), str(data["candidate_id"]),
            str(data["placement_id"]), data["starts_on"], data["ends_on"],
            Decimal(data["hours_per_week"]).quantize(Decimal("0.01")), data["hourly_rate"],
            data["currency"])
        flows.lend_member(self.uow, event, acceptance, _now())

    @rpc
    def end_lending(self, lending_id, details):
        last_day = LendingEndSchema().load(details or {})["last_day"]
        return LendingSchema().dump(flows.end_lending(self.uow, str(lending_id)[:36], last_day))

    @rpc
    def list_lendings(self, query=None):
        return LendingListSchema().dump(
            flows.list_lendings(self.uow, **LendingQuerySchema().load(query or {})))

    @rpc
    def skill_supply(self):
        return SkillSupplySchema().dump(flows.skill_supply(self.uow, date.today()))

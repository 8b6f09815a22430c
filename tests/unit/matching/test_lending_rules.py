"""Lending, the lending side: partners' offers, suggestions, our candidates, lendings."""

import uuid
from datetime import date
from decimal import Decimal

import pytest

from services.matching.domain import federation_use_cases as flows
from services.matching.domain.candidate import Candidate, CandidateSkill
from services.matching.domain.federation_errors import (
    AcceptedTermsDiffer,
    AnotherCandidateAccepted,
    CandidateAlreadyLent,
    CandidateNotOffered,
    CandidateNotOfferedToPartner,
    CandidateOfferedForAnotherSeat,
    IncomingOfferNotYetKnown,
    LendingEndOutOfRange,
    LendingNotFound,
    MemberAlreadyOffered,
    NotSuitableForOffer,
    OfferedCandidateNotFound,
    OfferNoLongerOpen,
    PartnerOverstepped,
    RateOutsideOfferedRange,
)
from services.matching.domain.lending import Acceptance, IncomingOffer
from services.matching.domain.proposals import IsoWeek
from services.matching.domain.use_cases.bookings import booked_for
from services.matching.domain.use_cases.continuity import keep_seats_covered
from services.matching.schemas.federation_events import FEDERATION_EVENT_SCHEMAS
from tests.unit.matching.lending_fakes import NOW, FlowsUnitOfWork, event, member

A, EVIL = str(uuid.uuid4()), str(uuid.uuid4())


def incoming(partner_id=A, offer_id=None, hours="24") -> IncomingOffer:
    return IncomingOffer(str(uuid.uuid4()), partner_id, "Coop A", offer_id or str(uuid.uuid4()),
                         "python", 4, Decimal(hours), IsoWeek(2027, 2), IsoWeek(2027, 5),
                         Decimal("70.00"), Decimal("95.00"), "EUR", ("nl",), "Backend work.",
                         NOW)


def received(uow) -> IncomingOffer:
    offer = incoming()
    assert flows.receive_seat_offer(uow, event(), offer)
    return offer


def acceptance(candidate, partner_id=A, rate=None, **changes) -> Acceptance:
    values = {"partner_id": partner_id, "offer_id": candidate.offer_id,
              "candidate_id": candidate.candidate_id, "placement_id": str(uuid.uuid4()),
              "starts_on": date(2027, 1, 11), "ends_on": date(2027, 2, 5),
              "hours_per_week": Decimal(24), "hourly_rate": rate or candidate.hourly_rate,
              "currency": "EUR", **changes}
    return Acceptance(**values)


def refused(uow, rule, accepted) -> PartnerOverstepped:
    """`accepted` is refused by `rule`: raised (an `Invalid`: the handler parks it), no
    lending, nothing published, the event not marked handled."""
    lendings, published, incoming = list(uow.lendings.rows), list(uow.published), event()
    with pytest.raises(rule) as why:
        flows.lend_member(uow, incoming, accepted, NOW)
    assert isinstance(why.value, PartnerOverstepped) and why.value.rule == rule.__name__
    assert incoming["id"] not in uow.handled
    assert (uow.lendings.rows, uow.published) == (lendings, published)
    return why.value


def suggested(uow, offer) -> list[str]:
    [(_, suggestions, _)] = [found for found in flows.list_incoming_offers(uow).items
                             if found[0].id == offer.id]
    return [s.member_id for s in suggestions]


def test_a_partners_offer_is_kept_once_per_partner_and_offer_id():
    uow = FlowsUnitOfWork()
    offer = received(uow)
    copy = incoming(offer_id=offer.offer_id)
    assert not flows.receive_seat_offer(uow, event(), copy)
    assert len(uow.incoming_offers.listed()) == 1


def test_suggestions_are_active_members_skilled_enough_with_free_hours_every_week():
    uow = FlowsUnitOfWork()
    offer = received(uow)
    member(uow, "ann", level=4, verified=5)
    member(uow, "bob", level=5)
    member(uow, "cas", level=3)  # below the level
    member(uow, "dee", level=5, hours="16")  # not enough hours
    member(uow, "eve", level=5, status="suspended")
    assert suggested(uow, offer) == ["ann", "bob"]  # a verified level first


def test_a_member_is_offered_under_a_pseudonym_at_a_rate_within_the_range():
    uow = FlowsUnitOfWork()
    offer = received(uow)
    member(uow, "ann", level=5, verified=4)  # her capacity
    uow.candidates.put(Candidate("ann", 2, "Ann", "Utrecht", "Ann, the Utrecht Django expert.",
                                 Decimal("80.00"), "active",
                                 (CandidateSkill("python", 5, 4), CandidateSkill("flamenco", 3)),
                                 ("nl", "es")))
    [(_, [suggestion], _)] = flows.list_incoming_offers(uow).items
    assert suggestion.public_introduction == "Ann, the Utrecht Django expert."  # to start from
    with pytest.raises(RateOutsideOfferedRange):
        flows.offer_member(uow, offer.id, "ann", Decimal("99.00"), "Hello.", NOW)
    made = flows.offer_member(uow, offer.id, "ann", Decimal("85.00"),
                              "A backend developer who likes payments.", NOW)
    assert made.candidate_id != "ann" and made.member_id == "ann"
    [published] = uow.published
    data = FEDERATION_EVENT_SCHEMAS[published.type].dump(published)
    assert published.type == "candidate_offer_made" and "ann" not in str(data).lower()
    assert data["introduction"] == "A backend developer who likes payments."
    assert "Utrecht" not in str(data) and data["languages"] == ["nl", "es"]
    assert data["skills"] == [{"skill": "python", "level": 5, "verified_level": 4}]  # only it
    assert (data["partner_id"], data["offer_id"], data["hourly_rate"]) == (
        A, offer.offer_id, "85.00")
    with pytest.raises(MemberAlreadyOffered):
        flows.offer_member(uow, offer.id, "ann", Decimal("85.00"), "Hello.", NOW)


def test_a_member_without_the_level_or_the_hours_cannot_be_offered():
    uow = FlowsUnitOfWork()
    offer = received(uow)
    member(uow, "cas", level=3)
    member(uow, "dee", level=5, hours="8")
    for member_id in ("cas", "dee"):
        with pytest.raises(NotSuitableForOffer):
            flows.offer_member(uow, offer.id, member_id, Decimal("80.00"), "Hi.", NOW)


def test_an_acceptance_of_a_candidate_never_offered_to_that_partner_is_refused():
    uow = FlowsUnitOfWork()
    offer = received(uow)
    member(uow, "ann", level=5)
    made = flows.offer_member(uow, offer.id, "ann", Decimal("85.00"), "Hi.", NOW)
    refused(uow, CandidateNotOfferedToPartner, acceptance(made, partner_id=EVIL))
    refused(uow, CandidateNotOffered, acceptance(made, candidate_id=str(uuid.uuid4())))
    refused(uow, CandidateOfferedForAnotherSeat, acceptance(made, offer_id=str(uuid.uuid4())))
    assert uow.lendings.rows == []
    assert [e.type for e in uow.published] == ["candidate_offer_made"]


def test_an_acceptance_on_other_terms_than_offered_is_refused():
    uow = FlowsUnitOfWork()
    offer = received(uow)
    member(uow, "ann", level=5)
    made = flows.offer_member(uow, offer.id, "ann", Decimal("85.00"), "Hi.", NOW)
    for changed in (acceptance(made, rate=Decimal("70.00")),
                    acceptance(made, hours_per_week=Decimal(32)),
                    acceptance(made, ends_on=date(2027, 3, 26))):
        refused(uow, AcceptedTermsDiffer, changed)
    assert uow.lendings.rows == []


def test_an_accepted_candidate_is_lent_once_and_their_hours_are_booked(caplog):
    uow = FlowsUnitOfWork()
    offer = received(uow)
    member(uow, "ann", level=5, hours="32")
    made = flows.offer_member(uow, offer.id, "ann", Decimal("85.00"), "Hi.", NOW)
    accepted = acceptance(made)
    lending = flows.lend_member(uow, event(), accepted, NOW)
    assert [lending] == flows.list_lendings(uow).items
    assert (lending.member_id, lending.partner_id, lending.placement_id) == (
        "ann", A, accepted.placement_id)
    assert [e.type for e in uow.published][-1] == "member_lent"
    copy = event()
    with caplog.at_level("INFO"):
        assert flows.lend_member(uow, copy, accepted, NOW) is None  # the same terms: a copy
    assert copy["id"] in uow.handled and "CandidateAlreadyAccepted" in caplog.text
    refused(uow, AcceptedTermsDiffer, acceptance(made))  # accepted again, another placement
    assert len(uow.lendings.rows) == 1
    booked = booked_for(uow, ["ann"])["ann"]
    assert booked[IsoWeek(2027, 2)] == Decimal(24) and IsoWeek(2027, 6) not in booked
    # another partner's seat in the same weeks: ann has 8 hours left, not enough
    later = received(uow)
    assert "ann" not in suggested(uow, later)


def test_a_second_candidate_accepted_for_one_offer_is_refused():
    uow = FlowsUnitOfWork()
    offer = received(uow)
    member(uow, "ann", level=5)
    member(uow, "bob", level=5)
    ann = flows.offer_member(uow, offer.id, "ann", Decimal("85.00"), "Hi.", NOW)
    bob = flows.offer_member(uow, offer.id, "bob", Decimal("85.00"), "Hi.", NOW)
    assert flows.lend_member(uow, event(), acceptance(ann), NOW) is not None
    refused(uow, AnotherCandidateAccepted, acceptance(bob))


def test_skill_supply_counts_active_members_and_verified_ones():
    uow = FlowsUnitOfWork()
    member(uow, "ann", level=4, verified=5)
    member(uow, "bob", level=3)
    member(uow, "cas", level=5, status="suspended")
    member(uow, "dee", level=2, skill="sql")
    supply = flows.skill_supply(uow, date(2026, 11, 30))
    assert supply["skills"] == [
        {"skill": "python", "members": 2, "verified_members": 1},
        {"skill": "sql", "members": 1, "verified_members": 0}]


def test_a_lending_the_hours_no_longer_allow_still_happens_and_the_operator_is_warned(caplog):
    uow = FlowsUnitOfWork()
    offer = received(uow)
    member(uow, "ann", level=5, hours="32")
    made = flows.offer_member(uow, offer.id, "ann", Decimal("85.00"), "Hi.", NOW)
    member(uow, "ann", level=5, hours="16")  # fewer hours since the offer
    assert flows.lend_member(uow, event(), acceptance(made), NOW) is not None
    assert len(uow.lendings.rows) == 1
    assert "overbooks" in caplog.text and "2027-W02" in caplog.text


def test_a_candidate_is_withdrawn_until_accepted_and_the_partner_is_told():
    uow = FlowsUnitOfWork()
    offer = received(uow)
    member(uow, "ann", level=5)
    member(uow, "bob", level=5)
    ann = flows.offer_member(uow, offer.id, "ann", Decimal("85.00"), "Hi.", NOW)
    bob = flows.offer_member(uow, offer.id, "bob", Decimal("85.00"), "Hi.", NOW)
    withdrawn = flows.withdraw_candidate(uow, offer.id, ann.candidate_id)
    assert withdrawn.status == uow.incoming_offers.candidate(ann.candidate_id).status == (
        "withdrawn")
    told = [FEDERATION_EVENT_SCHEMAS["candidate_offer_withdrawn"].dump(e)
            for e in uow.published if e.type == "candidate_offer_withdrawn"]
    assert told == [{"partner_id": A, "offer_id": offer.offer_id,
                     "candidate_id": ann.candidate_id, "incoming_offer_id": offer.id}]
    flows.withdraw_candidate(uow, offer.id, ann.candidate_id)  # again: nothing new
    assert len([e for e in uow.published if e.type == "candidate_offer_withdrawn"]) == 1
    with pytest.raises(OfferedCandidateNotFound):
        flows.withdraw_candidate(uow, str(uuid.uuid4()), bob.candidate_id)
    flows.lend_member(uow, event(), acceptance(bob), NOW)
    with pytest.raises(CandidateAlreadyLent):
        flows.withdraw_candidate(uow, offer.id, bob.candidate_id)


def test_an_acceptance_that_crossed_our_withdrawal_still_lends_the_member(caplog):
    uow = FlowsUnitOfWork()
    offer = received(uow)
    member(uow, "ann", level=5)
    ann = flows.offer_member(uow, offer.id, "ann", Decimal("85.00"), "Hi.", NOW)
    flows.withdraw_candidate(uow, offer.id, ann.candidate_id)
    lending = flows.lend_member(uow, event(), acceptance(ann), NOW)
    assert lending.member_id == "ann"
    assert "before our withdrawal reached it" in caplog.text
    assert uow.incoming_offers.candidate(ann.candidate_id).status == "accepted"


def test_a_partner_closing_its_offer_closes_ours_and_our_candidates_were_not_chosen():
    uow = FlowsUnitOfWork()
    offer = received(uow)
    member(uow, "ann", level=5)
    ann = flows.offer_member(uow, offer.id, "ann", Decimal("85.00"), "Hi.", NOW)
    assert flows.close_incoming_offer(uow, event(), A, offer.offer_id)
    assert uow.incoming_offers.get(offer.id).status == "closed"
    assert uow.incoming_offers.candidate(ann.candidate_id).status == "not_chosen"
    [(_, suggestions, _)] = flows.list_incoming_offers(uow, "closed").items
    assert suggestions == []
    copy = event()
    assert not flows.close_incoming_offer(uow, copy, A, offer.offer_id)
    assert copy["id"] in uow.handled
    refused(uow, OfferNoLongerOpen, acceptance(ann))


def test_a_close_overtaking_the_offer_is_retried_and_a_lent_offer_stays_lent():
    uow = FlowsUnitOfWork()
    offer, early = incoming(), event()
    with pytest.raises(IncomingOfferNotYetKnown):
        flows.close_incoming_offer(uow, early, A, offer.offer_id)
    assert early["id"] not in uow.handled
    flows.receive_seat_offer(uow, event(), offer)
    member(uow, "ann", level=5)
    ann = flows.offer_member(uow, offer.id, "ann", Decimal("85.00"), "Hi.", NOW)
    flows.lend_member(uow, event(), acceptance(ann), NOW)
    assert not flows.close_incoming_offer(uow, early, A, offer.offer_id)
    assert uow.incoming_offers.get(offer.id).status == "lent"
    with pytest.raises(IncomingOfferNotYetKnown):  # another partner's offer id: never ours
        flows.close_incoming_offer(uow, event(), EVIL, offer.offer_id)
    assert uow.incoming_offers.get(offer.id).status == "lent"


def lent(uow, member_id="ann"):
    offer = received(uow)
    member(uow, member_id, level=5, hours="32")
    made = flows.offer_member(uow, offer.id, member_id, Decimal("85.00"), "Hi.", NOW)
    return flows.lend_member(uow, event(), acceptance(made), NOW)  # 2027-01-11 to 02-05


def test_an_operator_ends_a_lending_early_the_hours_are_free_and_the_partner_is_told():
    uow = FlowsUnitOfWork()
    lending = lent(uow)
    for wrong in (date(2027, 2, 5), date(2027, 3, 1), date(2027, 1, 9)):
        with pytest.raises(LendingEndOutOfRange) as why:
            flows.end_lending(uow, lending.id, wrong)
        assert why.value.errors[0]["field"] == "last_day"
    with pytest.raises(LendingNotFound):
        flows.end_lending(uow, str(uuid.uuid4()), date(2027, 1, 20))
    ended = flows.end_lending(uow, lending.id, date(2027, 1, 22))  # a Friday, in W03
    assert ended.ends_on == date(2027, 1, 22) == flows.list_lendings(uow).items[0].ends_on
    booked = booked_for(uow, ["ann"])["ann"]
    assert booked[IsoWeek(2027, 3)] == Decimal(24) and IsoWeek(2027, 4) not in booked
    [told] = [FEDERATION_EVENT_SCHEMAS["lending_ended"].dump(e) for e in uow.published
              if e.type == "lending_ended"]
    assert (told["placement_id"], told["partner_id"], told["ends_on"]) == (
        lending.placement_id, A, "2027-01-22")
    never = flows.end_lending(uow, lending.id, date(2027, 1, 10))  # the day before its first
    assert booked_for(uow, ["ann"]).get("ann", {}) == {} and never.weeks == ()


def test_a_member_leaving_ends_their_lendings_from_the_leave_date():
    uow = FlowsUnitOfWork()
    lending = lent(uow)
    uow.candidates.put(Candidate("ann", 2, "Ann", "Utrecht", "", Decimal("80.00"), "left",
                                 (CandidateSkill("python", 5, None),), ("nl",),
                                 left_on=date(2027, 1, 15)))
    keep_seats_covered(uow, event({"member_id": "ann"}), "ann", date(2027, 1, 11))
    assert [x.ends_on for x in uow.lendings.rows] == [date(2027, 1, 15)]
    assert [e.lending.placement_id for e in uow.published if e.type == "lending_ended"] == [
        lending.placement_id]

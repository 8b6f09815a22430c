"""Overflow, the borrowing side: seat offers to partners, their candidates, acceptance."""

import uuid
from datetime import date
from decimal import Decimal

import pytest

from services.matching.domain import federation_use_cases as flows
from services.matching.domain.continuity import running_team
from services.matching.domain.federation_errors import (
    CandidateNotYetKnown,
    CandidateOfAnotherPartner,
    CandidateRateOutsideRange,
    OfferNoLongerOpen,
    OfferNotOurs,
    OfferNotSentToPartner,
    PartnerCandidateNotFound,
    PartnerCandidateWithdrawn,
    PartnerOverstepped,
    PlacementNotThePartners,
    RecipientNotYetKnown,
    SeatAlreadyOffered,
    SeatCannotBeOffered,
    SeatOfferNotOpen,
    WeeksNotConsecutive,
)
from services.matching.domain.overflow import PartnerCandidate, rate_range, week_runs
from services.matching.domain.proposals import IsoWeek
from services.matching.schemas.federation_events import FEDERATION_EVENT_SCHEMAS
from tests.unit.matching.lending_fakes import NOW, FlowsUnitOfWork, event, staffed_project

TODAY = date(2027, 1, 5)  # 2027-W01
B, C, EVIL = str(uuid.uuid4()), str(uuid.uuid4()), str(uuid.uuid4())


def candidate(offer_id, partner_id=B, rate="85.00", name="Coop B") -> PartnerCandidate:
    return PartnerCandidate(str(uuid.uuid4()), offer_id, partner_id, name,
                            ({"skill": "python", "level": 5, "verified_level": 4},),
                            Decimal(24), "Backend developer.", ("nl",), Decimal(rate), "EUR", NOW)


def sent(offer_id, partner_id, recipients=()) -> dict:
    """federation's `seat_offer_sent`, naming every recipient."""
    return event({"offer_id": offer_id, "partner_id": partner_id, "partner_name": "Coop B",
                  "recipients": [{"partner_id": r, "partner_name": "Coop B"}
                                 for r in recipients or (partner_id,)]})


def offered(uow, partners=(B,)):
    project, seat = staffed_project(uow)
    offer = flows.offer_seat(uow, project.id, seat.id, TODAY, NOW)
    for partner_id in partners:
        flows.record_offer_sent(uow, sent(offer.id, partner_id, partners))
    return project, seat, offer


def refused(uow, rule, received) -> PartnerOverstepped:
    """`received` is refused by `rule`: raised, nothing kept, the event not marked handled."""
    before = {o.id: (list(o.candidates), o.status) for o in uow.seat_offers.listed()}
    incoming = event()
    with pytest.raises(rule) as why:
        flows.receive_candidate(uow, incoming, received)
    assert incoming["id"] not in uow.handled
    assert {o.id: (list(o.candidates), o.status) for o in uow.seat_offers.listed()} == before
    return why.value


def test_the_rate_range_tops_at_what_the_client_pays_and_starts_at_three_quarters():
    assert rate_range(Decimal("90.00")) == (Decimal("67.50"), Decimal("90.00"))
    assert rate_range(Decimal("85.55")) == (Decimal("64.16"), Decimal("85.55"))


def test_an_operator_offers_a_seat_for_the_weeks_left_without_the_clients_identity():
    uow = FlowsUnitOfWork()
    project, seat = staffed_project(uow)
    offer = flows.offer_seat(uow, project.id, seat.id, date(2027, 1, 20), NOW)
    assert (offer.first_week, offer.last_week) == (IsoWeek(2027, 3), IsoWeek(2027, 8))
    assert (offer.rate_min, offer.rate_max, offer.reason) == (Decimal("67.50"), Decimal("90.00"),
                                                             "operator")
    [published] = uow.published
    data = FEDERATION_EVENT_SCHEMAS[published.type].dump(published)
    assert published.type == "seat_offer_opened" and data["first_week"] == "2027-W03"
    assert "client_id" not in data and "Webshop" not in data["description"]
    with pytest.raises(SeatAlreadyOffered):
        flows.offer_seat(uow, project.id, seat.id, date(2027, 1, 20), NOW)


def test_only_a_staffed_projects_seat_can_be_offered():
    uow = FlowsUnitOfWork()
    project, seat = staffed_project(uow)
    project.move("finish", NOW)
    with pytest.raises(SeatCannotBeOffered):
        flows.offer_seat(uow, project.id, seat.id, TODAY, NOW)


def test_a_coverage_gap_opens_an_offer_for_its_weeks_once():
    uow = FlowsUnitOfWork()
    project, seat = staffed_project(uow)
    gap = event({"project_id": project.id, "seat_id": seat.id,
                 "weeks": ["2027-W04", "2027-W05"]}, "coverage_gap_detected")
    [offer_id] = flows.offer_seat_for_gap(uow, gap, TODAY, NOW)
    offer = uow.seat_offers.get(offer_id)
    assert (str(offer.first_week), str(offer.last_week), offer.reason) == (
        "2027-W04", "2027-W05", "coverage_gap")
    assert flows.offer_seat_for_gap(uow, gap, TODAY, NOW) == []  # redelivered
    again = event({"project_id": project.id, "seat_id": seat.id, "weeks": ["2027-W05"]})
    assert flows.offer_seat_for_gap(uow, again, TODAY, NOW) == []  # already offered
    assert again["id"] in uow.handled and len(uow.seat_offers.listed()) == 1
    longer = event({"project_id": project.id, "seat_id": seat.id,
                    "weeks": ["2027-W04", "2027-W05", "2027-W06"]})
    [later] = flows.offer_seat_for_gap(uow, longer, TODAY, NOW)  # only the week not offered
    assert str(uow.seat_offers.get(later).first_week) == "2027-W06"


def test_weeks_are_offered_in_runs_of_consecutive_weeks_never_across_a_hole():
    assert week_runs([IsoWeek(2027, 7), IsoWeek(2027, 3), IsoWeek(2027, 4)]) == [
        (IsoWeek(2027, 3), IsoWeek(2027, 4)), (IsoWeek(2027, 7), IsoWeek(2027, 7))]
    assert week_runs([IsoWeek(2026, 53), IsoWeek(2027, 1)]) == [
        (IsoWeek(2026, 53), IsoWeek(2027, 1))]
    uow = FlowsUnitOfWork()
    project, seat = staffed_project(uow)
    gap = event({"project_id": project.id, "seat_id": seat.id,
                 "weeks": ["2027-W03", "2027-W07"]}, "coverage_gap_detected")
    offers = [uow.seat_offers.get(i) for i in flows.offer_seat_for_gap(uow, gap, TODAY, NOW)]
    assert sorted((str(o.first_week), str(o.last_week)) for o in offers) == [
        ("2027-W03", "2027-W03"), ("2027-W07", "2027-W07")]
    assert [e.type for e in uow.published] == ["seat_offer_opened"] * 2


def test_an_operator_offer_leaves_out_weeks_placed_or_offered_and_is_one_run():
    uow = FlowsUnitOfWork()
    project, seat = staffed_project(uow)  # 2027-W01 to 2027-W08
    gap = event({"project_id": project.id, "seat_id": seat.id, "weeks": ["2027-W04"]})
    [gap_offer] = flows.offer_seat_for_gap(uow, gap, TODAY, NOW)
    flows.record_offer_sent(uow, sent(gap_offer, B))
    chosen = candidate(gap_offer)
    flows.receive_candidate(uow, event(), chosen)
    placement = flows.accept_candidate(uow, gap_offer, chosen.candidate_id, NOW)
    assert [str(w) for w in placement.weeks] == ["2027-W04"]
    with pytest.raises(WeeksNotConsecutive) as why:  # W01–W03 and W05–W08 are left
        flows.offer_seat(uow, project.id, seat.id, TODAY, NOW)
    assert "2027-W01–2027-W03, 2027-W05–2027-W08" in why.value.detail
    offer = flows.offer_seat(uow, project.id, seat.id, TODAY, NOW, IsoWeek(2027, 4),
                             IsoWeek(2027, 8))
    assert (str(offer.first_week), str(offer.last_week)) == ("2027-W05", "2027-W08")
    with pytest.raises(SeatAlreadyOffered):
        flows.offer_seat(uow, project.id, seat.id, TODAY, NOW, IsoWeek(2027, 5))


def test_a_candidate_for_an_offer_never_sent_to_that_partner_is_refused():
    uow = FlowsUnitOfWork()
    _, _, offer = offered(uow, partners=(B, C))
    why = refused(uow, OfferNotSentToPartner, candidate(offer.id, partner_id=EVIL))
    assert why.rule == "OfferNotSentToPartner" and EVIL in why.detail


def test_a_candidate_overtaking_the_news_of_whom_the_offer_went_to_is_retried():
    uow = FlowsUnitOfWork()
    project, seat = staffed_project(uow)
    offer = flows.offer_seat(uow, project.id, seat.id, TODAY, NOW)
    early, answer = event(), candidate(offer.id, partner_id=C)
    with pytest.raises(RecipientNotYetKnown):  # not an Invalid: the handler retries it
        flows.receive_candidate(uow, early, answer)
    assert early["id"] not in uow.handled and uow.seat_offers.get(offer.id).candidates == []
    # federation's seat_offer_sent for B arrives first, naming C too
    flows.record_offer_sent(uow, sent(offer.id, B, recipients=(B, C)))
    assert flows.receive_candidate(uow, early, answer) is True  # the retry
    assert [c.candidate_id for c in uow.seat_offers.get(offer.id).candidates] == [
        answer.candidate_id]


def test_a_candidate_for_an_offer_we_never_opened_is_refused():
    uow = FlowsUnitOfWork()
    offered(uow)
    refused(uow, OfferNotOurs, candidate(str(uuid.uuid4())))


def test_a_candidate_outside_the_rate_range_is_refused_and_a_copy_of_one_kept_ignored(caplog):
    uow = FlowsUnitOfWork()
    _, _, offer = offered(uow)
    refused(uow, CandidateRateOutsideRange, candidate(offer.id, rate="95.00"))
    assert "CandidateRateOutsideRange" in caplog.text
    kept = candidate(offer.id)
    assert flows.receive_candidate(uow, event(), kept) is True
    assert [c.candidate_id for c in uow.seat_offers.get(offer.id).candidates] == [
        kept.candidate_id]
    copy = event()
    with caplog.at_level("INFO"):
        assert flows.receive_candidate(uow, copy, kept) is False  # idempotent
    assert copy["id"] in uow.handled and "CandidateAlreadyReceived" in caplog.text
    assert len(uow.seat_offers.get(offer.id).candidates) == 1


def test_accepting_a_candidate_places_an_external_member_with_the_lending_coop_recorded():
    uow = FlowsUnitOfWork()
    project, seat, offer = offered(uow)
    chosen = candidate(offer.id)
    flows.receive_candidate(uow, event(), chosen)
    placement = flows.accept_candidate(uow, offer.id, chosen.candidate_id, NOW)
    assert (placement.partner_id, placement.partner_name, placement.candidate_id) == (
        B, "Coop B", chosen.candidate_id)
    assert (placement.starts_on, placement.ends_on) == (project.starts_on, project.ends_on)
    assert (placement.client_hourly_rate, placement.partner_hourly_rate) == (
        Decimal("90.00"), Decimal("85.00"))
    assert uow.seat_offers.get(offer.id).status == "filled"
    placed = [e for e in uow.published if e.type == "external_member_placed"]
    data = FEDERATION_EVENT_SCHEMAS["external_member_placed"].dump(placed[0])
    assert data["partner_id"] == B and data["seat_id"] == seat.id
    assert "member_id" not in data
    with pytest.raises(SeatOfferNotOpen):
        flows.accept_candidate(uow, offer.id, chosen.candidate_id, NOW)
    refused(uow, OfferNoLongerOpen, candidate(offer.id))


def test_a_candidate_not_under_the_offer_cannot_be_accepted():
    uow = FlowsUnitOfWork()
    _, _, offer = offered(uow)
    with pytest.raises(PartnerCandidateNotFound):
        flows.accept_candidate(uow, offer.id, str(uuid.uuid4()), NOW)
    assert uow.placements.rows == []


def test_the_weeks_an_external_member_covers_are_no_gap_for_continuity():
    uow = FlowsUnitOfWork()
    project, seat, offer = offered(uow)
    chosen = candidate(offer.id)
    flows.receive_candidate(uow, event(), chosen)
    placement = flows.accept_candidate(uow, offer.id, chosen.candidate_id, NOW)
    team = running_team(project, [seat], [], IsoWeek(2027, 1), [placement])
    assert team.seats[0].weeks == ()
    assert running_team(project, [seat], [], IsoWeek(2027, 1)).seats[0].weeks


def closed(uow) -> list[dict]:
    """The data of every `seat_offer_closed` published."""
    return [FEDERATION_EVENT_SCHEMAS["seat_offer_closed"].dump(e) for e in uow.published
            if e.type == "seat_offer_closed"]


def test_a_filled_offer_is_closed_for_every_partner_but_the_one_whose_candidate_we_took():
    uow = FlowsUnitOfWork()
    _, _, offer = offered(uow, partners=(B, C))
    chosen = candidate(offer.id, partner_id=C, name="Coop C")
    flows.receive_candidate(uow, event(), chosen)
    flows.accept_candidate(uow, offer.id, chosen.candidate_id, NOW)
    [close] = closed(uow)
    assert (close["offer_id"], close["reason"], close["partner_ids"]) == (offer.id, "filled", [B])


def test_an_operator_withdraws_an_open_offer_and_may_offer_its_weeks_again():
    uow = FlowsUnitOfWork()
    project, seat, offer = offered(uow, partners=(B, C))
    waiting = candidate(offer.id)
    flows.receive_candidate(uow, event(), waiting)
    withdrawn = flows.withdraw_seat_offer(uow, offer.id, NOW)
    assert withdrawn.status == uow.seat_offers.get(offer.id).status == "withdrawn"
    [close] = closed(uow)
    assert (close["reason"], sorted(close["partner_ids"])) == ("withdrawn", sorted([B, C]))
    assert "seat_offer_withdrawn" in [entry.kind for entry in uow.timeline.entries]
    with pytest.raises(SeatOfferNotOpen):
        flows.accept_candidate(uow, offer.id, waiting.candidate_id, NOW)
    with pytest.raises(SeatOfferNotOpen):
        flows.withdraw_seat_offer(uow, offer.id, NOW)
    again = flows.offer_seat(uow, project.id, seat.id, TODAY, NOW)
    assert (again.first_week, again.last_week) == (offer.first_week, offer.last_week)
    assert again.id != offer.id


def test_a_withdrawn_candidate_cannot_be_accepted_and_a_copy_of_the_withdrawal_is_ignored():
    uow = FlowsUnitOfWork()
    _, _, offer = offered(uow)
    gone, other = candidate(offer.id), candidate(offer.id)
    flows.receive_candidate(uow, event(), gone)
    flows.receive_candidate(uow, event(), other)
    assert flows.receive_candidate_withdrawal(uow, event(), B, offer.id, gone.candidate_id)
    kept = uow.seat_offers.get(offer.id)
    assert [(c.candidate_id, c.status) for c in kept.candidates] == [
        (gone.candidate_id, "withdrawn"), (other.candidate_id, "offered")]
    with pytest.raises(PartnerCandidateWithdrawn):
        flows.accept_candidate(uow, offer.id, gone.candidate_id, NOW)
    assert uow.placements.rows == []
    copy = event()
    assert not flows.receive_candidate_withdrawal(uow, copy, B, offer.id, gone.candidate_id)
    assert copy["id"] in uow.handled
    assert flows.accept_candidate(uow, offer.id, other.candidate_id, NOW).candidate_id == (
        other.candidate_id)


def test_a_withdrawal_after_we_accepted_the_candidate_leaves_the_placement_standing(caplog):
    uow = FlowsUnitOfWork()
    _, _, offer = offered(uow)
    chosen = candidate(offer.id)
    flows.receive_candidate(uow, event(), chosen)
    placement = flows.accept_candidate(uow, offer.id, chosen.candidate_id, NOW)
    late = event()
    with caplog.at_level("INFO"):
        assert not flows.receive_candidate_withdrawal(uow, late, B, offer.id,
                                                      chosen.candidate_id)
    assert late["id"] in uow.handled and "AcceptedBeforeWithdrawal" in caplog.text
    assert uow.placements.rows == [placement]
    assert uow.seat_offers.get(offer.id).candidate(chosen.candidate_id).status == "offered"


def test_a_withdrawal_overtaking_its_candidate_is_retried_and_another_partners_refused():
    uow = FlowsUnitOfWork()
    _, _, offer = offered(uow, partners=(B, C))
    answer, early = candidate(offer.id), event()
    with pytest.raises(CandidateNotYetKnown):  # not an Invalid: the handler retries it
        flows.receive_candidate_withdrawal(uow, early, B, offer.id, answer.candidate_id)
    assert early["id"] not in uow.handled
    flows.receive_candidate(uow, event(), answer)
    with pytest.raises(CandidateOfAnotherPartner) as why:
        flows.receive_candidate_withdrawal(uow, event(), C, offer.id, answer.candidate_id)
    assert isinstance(why.value, PartnerOverstepped)
    with pytest.raises(OfferNotOurs):
        flows.receive_candidate_withdrawal(uow, event(), B, str(uuid.uuid4()),
                                           answer.candidate_id)
    assert flows.receive_candidate_withdrawal(uow, early, B, offer.id, answer.candidate_id)


def test_a_partner_ending_a_lending_cuts_the_placement_short_and_reopens_the_seat():
    uow = FlowsUnitOfWork()
    project, seat, offer = offered(uow)  # 2027-W01 to 2027-W08
    chosen = candidate(offer.id)
    flows.receive_candidate(uow, event(), chosen)
    placement = flows.accept_candidate(uow, offer.id, chosen.candidate_id, NOW)
    with pytest.raises(PlacementNotThePartners):
        flows.receive_lending_end(uow, event(), C, placement.id, date(2027, 1, 29), TODAY, NOW)
    ending = event()
    shorter = flows.receive_lending_end(uow, ending, B, placement.id, date(2027, 1, 29),
                                        TODAY, NOW)
    assert shorter.ends_on == date(2027, 1, 29) == uow.placements.get(placement.id).ends_on
    assert not flows.receive_lending_end(uow, ending, B, placement.id, date(2027, 1, 29),
                                         TODAY, NOW)  # a copy
    left = [FEDERATION_EVENT_SCHEMAS["external_member_left"].dump(e) for e in uow.published
            if e.type == "external_member_left"]
    assert [(x["placement_id"], x["ends_on"]) for x in left] == [(placement.id, "2027-01-29")]
    [gap] = [e for e in uow.published if e.type == "coverage_gap_detected"]
    assert [str(w) for w in gap.weeks] == [f"2027-W{n:02d}" for n in range(5, 9)]
    assert gap.reason == "lending_ended" and gap.seat.id == seat.id
    # the gap opens a new offer for the weeks lost, as any coverage gap does
    [again] = flows.offer_seat_for_gap(uow, event({
        "project_id": project.id, "seat_id": seat.id, "weeks": [str(w) for w in gap.weeks]}),
        TODAY, NOW)
    reopened = uow.seat_offers.get(again)
    assert (str(reopened.first_week), str(reopened.last_week)) == ("2027-W05", "2027-W08")
    assert "external_member_left" in [entry.kind for entry in uow.timeline.entries]
    later = flows.receive_lending_end(uow, event(), B, placement.id, date(2027, 2, 20),
                                      TODAY, NOW)
    assert later is None  # no earlier than it ends now: nothing changes

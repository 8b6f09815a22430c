"""A lent member who cannot work for a while: the lending coop tells the days (never why),
the borrowing coop keeps the placement and looks for someone for the weeks lost."""

import uuid
from datetime import date, timedelta
from decimal import Decimal

import pytest

from services.matching.domain import federation_use_cases as flows
from services.matching.domain.candidate import UnavailablePeriod
from services.matching.domain.continuity import running_team
from services.matching.domain.federation_errors import (
    InterruptionOfAnotherPlacement,
    PlacementNotThePartners,
)
from services.matching.domain.lending import Interruption, Lending, interruption, interruption_id
from services.matching.domain.overflow import (
    PartnerCandidate,
    Placement,
    PlacementInterruption,
    interrupt,
)
from services.matching.domain.proposals import IsoWeek
from services.matching.domain.use_cases.bookings import booked_for
from services.matching.domain.use_cases.candidates import (
    record_availability_again,
    record_unavailability,
)
from services.matching.domain.use_cases.continuity import tell_partners_of_unavailability
from services.matching.schemas.federation_events import FEDERATION_EVENT_SCHEMAS
from tests.unit.matching.lending_fakes import NOW, FlowsUnitOfWork, event, member, staffed_project
from tests.unit.matching.test_lending_rules import A, acceptance, received

B, C = str(uuid.uuid4()), str(uuid.uuid4())
TODAY = date(2027, 1, 5)  # 2027-W01


def weeks(*numbers) -> tuple[IsoWeek, ...]:
    return tuple(IsoWeek(2027, n) for n in numbers)


# --- the lending coop (B): what the partner is told -------------------------------------------

def lending(member_id="ann", starts_on=date(2027, 1, 11), ends_on=date(2027, 2, 5)) -> Lending:
    """Lent to partner A from Monday of W02 to Friday of W05."""
    return Lending(str(uuid.uuid4()), str(uuid.uuid4()), A, "Coop A", str(uuid.uuid4()),
                   str(uuid.uuid4()), member_id, "python", starts_on, ends_on, Decimal(24),
                   Decimal("85.00"), "EUR", NOW)


def period(starts_on, ends_on, unavailability_id="u-1", version=2, member_id="ann"):
    return UnavailablePeriod(member_id, unavailability_id, version, starts_on, ends_on)


def test_an_interruption_is_the_overlap_of_the_period_with_the_lending():
    lent = lending()
    told = interruption(lent, "u-1", period(date(2027, 1, 20), date(2027, 3, 1)), None)
    assert (told.first_day, told.last_day) == (date(2027, 1, 20), date(2027, 2, 5))
    before = interruption(lent, "u-1", period(date(2026, 12, 1), date(2027, 1, 12)), None)
    assert (before.first_day, before.last_day) == (date(2027, 1, 11), date(2027, 1, 12))
    assert told.id == before.id == interruption_id(lent.id, "u-1")  # stable: uuid5
    assert told.id == str(uuid.uuid5(uuid.NAMESPACE_URL,
                                     f"urn:multitalent:lending-interruption:{lent.id}:u-1"))
    assert interruption_id(lent.id, "u-2") != told.id
    assert not told.is_empty


def test_nothing_is_told_of_a_period_outside_the_lending_or_only_on_its_weekend():
    lent = lending()
    assert interruption(lent, "u-1", period(date(2027, 2, 8), date(2027, 2, 20)), None) is None
    assert interruption(lent, "u-1", period(date(2026, 12, 1), date(2027, 1, 10)), None) is None
    weekend = period(date(2027, 1, 16), date(2027, 1, 17))  # Saturday and Sunday of W02
    assert interruption(lent, "u-1", weekend, None) is None
    assert interruption(lent, "u-1", None, None) is None  # removed before we told anything


def test_a_changed_period_is_told_again_and_a_removed_one_taken_back():
    lent = lending()
    told = Interruption(interruption_id(lent.id, "u-1"), lent.id, "u-1", date(2027, 1, 20),
                        date(2027, 2, 5))
    same = period(date(2027, 1, 20), date(2027, 2, 19))  # longer, but not within the lending
    assert interruption(lent, "u-1", same, told) is None
    shorter = interruption(lent, "u-1", period(date(2027, 1, 20), date(2027, 1, 22)), told)
    assert (shorter.id, shorter.first_day, shorter.last_day) == (
        told.id, date(2027, 1, 20), date(2027, 1, 22))
    gone = interruption(lent, "u-1", None, shorter)
    assert (gone.id, gone.first_day, gone.last_day) == (
        told.id, date(2027, 1, 20), date(2027, 1, 19))  # empty: the day before first_day
    assert gone.is_empty
    moved = interruption(lent, "u-1", period(date(2027, 3, 1), date(2027, 3, 5)), told)
    assert (moved.first_day, moved.last_day) == (date(2027, 1, 20), date(2027, 1, 19))
    assert interruption(lent, "u-1", None, gone) is None  # nothing more to take back


def unavailable(uow, member_id, unavailability_id, starts_on, ends_on, version):
    """members' `member_unavailable`, as matching's handler runs it."""
    happened = event({"member_id": member_id}, "member_unavailable")
    record_unavailability(uow, happened, period(starts_on, ends_on, unavailability_id, version,
                                                member_id))
    return happened, tell_partners_of_unavailability(uow, happened, member_id,
                                                     unavailability_id)


def told(uow) -> list[dict]:
    return [FEDERATION_EVENT_SCHEMAS["lending_interrupted"].dump(e) for e in uow.published
            if e.type == "lending_interrupted"]


def test_a_lent_members_unavailability_is_told_once_per_event_with_only_the_days():
    uow = FlowsUnitOfWork()
    member(uow, "ann", level=5, hours="32")
    lent = lending()
    uow.lendings.add(lent)
    booked = booked_for(uow, ["ann"])["ann"]
    happened, [news] = unavailable(uow, "ann", "u-1", date(2027, 1, 20), date(2027, 3, 1), 2)
    [sent] = told(uow)
    assert sent == {"partner_id": A, "placement_id": lent.placement_id,
                    "candidate_id": lent.candidate_id,
                    "interruption_id": interruption_id(lent.id, "u-1"),
                    "first_day": "2027-01-20", "last_day": "2027-02-05"}  # no member, no why
    assert uow.lendings.rows == [lent] and booked_for(uow, ["ann"])["ann"] == booked  # stays
    assert tell_partners_of_unavailability(uow, happened, "ann", "u-1") == []  # redelivered
    assert len(told(uow)) == 1

    unavailable(uow, "ann", "u-9", date(2027, 3, 1), date(2027, 3, 5), 3)  # after the lending
    assert len(told(uow)) == 1
    _, [changed] = unavailable(uow, "ann", "u-1", date(2027, 1, 25), date(2027, 1, 27), 4)
    assert (changed.id, told(uow)[-1]["first_day"], told(uow)[-1]["last_day"]) == (
        news.id, "2027-01-25", "2027-01-27")

    removal = event({"member_id": "ann"}, "member_available_again")
    record_availability_again(uow, removal, period(date(2027, 1, 25), date(2027, 1, 27), "u-1",
                                                   5))
    [back] = tell_partners_of_unavailability(uow, removal, "ann", "u-1")
    assert (back.id, told(uow)[-1]["first_day"], told(uow)[-1]["last_day"]) == (
        news.id, "2027-01-25", "2027-01-24")
    _, late = unavailable(uow, "ann", "u-1", date(2027, 1, 20), date(2027, 3, 1), 3)  # older
    assert late == [] and len(told(uow)) == 3  # the removal stands: nothing wrong is told


def test_only_the_lendings_of_the_member_on_those_days_are_interrupted():
    uow = FlowsUnitOfWork()
    member(uow, "ann", level=5)
    member(uow, "bob", level=5)
    early, late = lending(ends_on=date(2027, 1, 22)), lending(starts_on=date(2027, 1, 25))
    bobs = lending("bob")
    for lent in (early, late, bobs):
        uow.lendings.add(lent)
    _, news = unavailable(uow, "ann", "u-1", date(2027, 1, 27), date(2027, 1, 29), 2)
    assert [n.lending_id for n in news] == [late.id]
    assert [t["placement_id"] for t in told(uow)] == [late.placement_id]


def test_a_member_lent_while_a_period_of_theirs_falls_in_the_lending_is_told_at_once():
    uow = FlowsUnitOfWork()
    offer = received(uow)  # partner A's, 2027-W02 to W05
    member(uow, "ann", level=5, hours="32")
    made = flows.offer_member(uow, offer.id, "ann", Decimal("85.00"), "Hi.", NOW)
    unavailable(uow, "ann", "u-1", date(2027, 2, 1), date(2027, 2, 3), 2)  # since our offer
    unavailable(uow, "ann", "u-2", date(2027, 3, 1), date(2027, 3, 3), 3)  # not lent then
    lent = flows.lend_member(uow, event(), acceptance(made), NOW)  # 2027-01-11 to 02-05
    assert [e.type for e in uow.published] == ["candidate_offer_made", "member_lent",
                                               "lending_interrupted"]
    assert told(uow) == [{"partner_id": A, "placement_id": lent.placement_id,
                          "candidate_id": made.candidate_id,
                          "interruption_id": interruption_id(lent.id, "u-1"),
                          "first_day": "2027-02-01", "last_day": "2027-02-03"}]
    removal = event({"member_id": "ann"}, "member_available_again")
    record_availability_again(uow, removal, period(date(2027, 2, 1), date(2027, 2, 3), "u-1", 4))
    tell_partners_of_unavailability(uow, removal, "ann", "u-1")
    assert told(uow)[-1]["last_day"] == "2027-01-31"  # what was told is taken back


# --- the borrowing coop (A): the placement stays, the weeks lost are a coverage gap ---------

def placed(uow):
    """A's project (2027-W01 to W08) whose seat a member of partner B covers throughout."""
    project, seat = staffed_project(uow)
    offer = flows.offer_seat(uow, project.id, seat.id, TODAY, NOW)
    flows.record_offer_sent(uow, event({"offer_id": offer.id, "partner_id": B,
                                        "partner_name": "Coop B", "recipients": []}))
    answer = PartnerCandidate(str(uuid.uuid4()), offer.id, B, "Coop B",
                              ({"skill": "python", "level": 5, "verified_level": 4},),
                              Decimal(24), "Backend developer.", ("nl",), Decimal("85.00"),
                              "EUR", NOW)
    flows.receive_candidate(uow, event(), answer)
    return project, seat, flows.accept_candidate(uow, offer.id, answer.candidate_id, NOW)


def gaps(uow) -> list:
    return [e for e in uow.published if e.type == "coverage_gap_detected"]


def test_interrupted_weeks_are_reported_from_this_week_within_the_placement_once():
    project, seat = staffed_project(FlowsUnitOfWork())
    placement = Placement("p-1", "o-1", project.id, "client-1", seat.id, seat.role_id,
                          "python", B, "Coop B", "c-1", Decimal(24), date(2027, 1, 11),
                          date(2027, 2, 5), Decimal(90), Decimal(85), "EUR", NOW)  # W02–W05
    first, lost = interrupt(placement, None, "i-1", date(2027, 1, 1), date(2027, 1, 20), NOW,
                            IsoWeek(2027, 3))
    assert lost == weeks(3)  # W02 is past; W01 is not the placement's
    assert first.reported_weeks == weeks(3)
    later = NOW + timedelta(minutes=1)
    longer, more = interrupt(placement, first, "i-1", date(2027, 1, 1), date(2027, 3, 1), later,
                             IsoWeek(2027, 3))
    assert more == weeks(4, 5) and longer.reported_weeks == weeks(3, 4, 5)
    assert interrupt(placement, longer, "i-1", date(2027, 1, 11), date(2027, 1, 12), NOW,
                     IsoWeek(2027, 3)) is None  # older news than what we have
    assert interrupt(placement, longer, "i-1", date(2027, 1, 1), date(2027, 3, 1),
                     later + timedelta(1), IsoWeek(2027, 3)) is None  # the same days
    back, none = interrupt(placement, longer, "i-1", date(2027, 1, 18), date(2027, 1, 17),
                           later + timedelta(1), IsoWeek(2027, 3))
    assert none == () and back.is_empty and back.reported_weeks == weeks(3, 4, 5)
    assert {str(w) for w in first.weeks_of(placement)} == {"2027-W02", "2027-W03"}


def test_a_placement_does_not_cover_the_weeks_its_member_cannot_work():
    uow = FlowsUnitOfWork()
    project, seat, placement = placed(uow)
    gone = PlacementInterruption("i-1", placement.id, date(2027, 1, 22), date(2027, 1, 26), NOW)
    uow.placements.save_interruption(gone)  # Friday of W03 to Tuesday of W04
    placement = uow.placements.get(placement.id)
    assert placement.weeks == weeks(*range(1, 9))
    assert placement.covered_weeks == weeks(1, 2, 5, 6, 7, 8)
    team = running_team(project, uow.seats.for_project(project.id),
                        uow.assignments.for_project(project.id), IsoWeek(2027, 1),
                        uow.placements.for_project(project.id))
    assert team.seats[0].weeks == weeks(3, 4)  # continuity sees them uncovered again


def test_a_partners_interruption_keeps_the_placement_and_offers_the_seat_for_the_weeks():
    uow = FlowsUnitOfWork()
    project, seat, placement = placed(uow)
    ident = str(uuid.uuid4())
    with pytest.raises(PlacementNotThePartners):
        flows.receive_lending_interruption(uow, event(), C, placement.id, ident,
                                           date(2027, 1, 20), date(2027, 2, 2), NOW, TODAY, NOW)
    news = event()
    kept = flows.receive_lending_interruption(uow, news, B, placement.id, ident,
                                              date(2027, 1, 20), date(2027, 2, 2), NOW, TODAY,
                                              NOW)
    assert (kept.first_day, kept.last_day) == (date(2027, 1, 20), date(2027, 2, 2))
    assert uow.placements.get(placement.id).ends_on == placement.ends_on  # the placement stays
    assert not [e for e in uow.published if e.type == "external_member_left"]
    [gap] = gaps(uow)
    assert (gap.reason, gap.seat.id, gap.weeks) == ("external_member_unavailable", seat.id,
                                                    weeks(3, 4, 5))
    [entry] = [e for e in uow.timeline.entries if e.kind == "external_member_unavailable"]
    assert "2027-01-20" in entry.summary and "2027-02-02" in entry.summary
    assert entry.data["interruption_id"] == ident and "reason" not in entry.data
    assert not flows.receive_lending_interruption(uow, news, B, placement.id, ident,
                                                  date(2027, 1, 20), date(2027, 2, 2), NOW,
                                                  TODAY, NOW)  # a copy
    assert len(gaps(uow)) == 1

    # the gap opens an offer for exactly those weeks, as any coverage gap does
    [offer_id] = flows.offer_seat_for_gap(uow, event({
        "project_id": project.id, "seat_id": seat.id, "weeks": [str(w) for w in gap.weeks]}),
        TODAY, NOW)
    reopened = uow.seat_offers.get(offer_id)
    assert (str(reopened.first_week), str(reopened.last_week)) == ("2027-W03", "2027-W05")

    # longer: only the weeks not reported before; taken back: no gap, the weeks covered again
    later = NOW + timedelta(hours=1)
    flows.receive_lending_interruption(uow, event(), B, placement.id, ident, date(2027, 1, 20),
                                       date(2027, 2, 12), later, TODAY, NOW)
    assert gaps(uow)[-1].weeks == weeks(6) and len(gaps(uow)) == 2
    back = flows.receive_lending_interruption(uow, event(), B, placement.id, ident,
                                              date(2027, 1, 20), date(2027, 1, 19),
                                              later + timedelta(1), TODAY, NOW)
    assert back.is_empty and len(gaps(uow)) == 2
    assert uow.placements.get(placement.id).covered_weeks == weeks(*range(1, 9))
    assert uow.timeline.entries[-1].kind == "external_member_available_again"
    stale = flows.receive_lending_interruption(uow, event(), B, placement.id, ident,
                                               date(2027, 1, 20), date(2027, 2, 12), later,
                                               TODAY, NOW)
    assert stale is None and uow.placements.get(placement.id).covered_weeks == weeks(
        *range(1, 9))  # older news, overtaken: ignored


def test_an_interruption_id_of_another_placement_is_refused():
    uow = FlowsUnitOfWork()
    _, _, placement = placed(uow)
    other = PlacementInterruption("i-1", "another-placement", date(2027, 1, 20),
                                  date(2027, 1, 22), NOW)
    uow.placements.save_interruption(other)
    refused = event()
    with pytest.raises(InterruptionOfAnotherPlacement):
        flows.receive_lending_interruption(uow, refused, B, placement.id, "i-1",
                                           date(2027, 1, 20), date(2027, 1, 22), NOW, TODAY, NOW)
    assert refused["id"] not in uow.handled and gaps(uow) == []

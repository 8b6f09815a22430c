"""Admission and lifecycle through RPC, and the events each step publishes."""

from datetime import timedelta

import pytest

from infra.errors import Conflict, Invalid
from services.members.models import members as members_table
from services.members.models import sponsorships
from tests.integration.members.conftest import TODAY, new_details


def test_applicant_two_sponsors_and_an_operator(members, make_active, tap):
    anouk, mehmet = make_active(), make_active()
    sanne = members.create_member(new_details(name="Sanne Bakker",
                                              motivation="I like cooperatives."))
    first = members.sponsor_applicant(sanne["id"], anouk["id"], TODAY.isoformat(),
                                      "Met in Utrecht.")
    assert (first["active_sponsor_ids"], first["can_be_activated"]) == ([anouk["id"]], False)
    second = members.sponsor_applicant(sanne["id"], mehmet["id"],
                                       (TODAY - timedelta(days=2)).isoformat(), "Long walk.")
    assert second["can_be_activated"] is True
    assert [s["note"] for s in second["sponsorships"]] == ["Met in Utrecht.", "Long walk."]
    assert members.get_admission(sanne["id"]) == second

    active = members.activate_member(sanne["id"])
    assert (active["status"], active["joined_on"]) == ("active", TODAY.isoformat())

    events = tap.wait_for(6, sanne["id"])
    assert [e["type"] for e in events] == [
        "member_created", "member_applied", "member_sponsored", "member_sponsored",
        "member_activated", "member_updated"]
    sponsored = events[3]["data"]
    assert (sponsored["sponsor_id"], sponsored["met_on"], sponsored["active_sponsors"]) == (
        mehmet["id"], (TODAY - timedelta(days=2)).isoformat(), 2)
    assert "note" not in sponsored
    activated = events[4]["data"]
    assert (activated["status"], activated["joined_on"], activated["reinstated"]) == (
        "active", TODAY.isoformat(), False)
    assert [e["data"]["version"] for e in events] == [1, 1, 2, 3, 4, 4]


@pytest.mark.parametrize("case, rule, field", [
    ("self", "CannotSponsorYourself", "sponsor_id"),
    ("applicant sponsor", "SponsorMustBeActive", "sponsor_id"),
    ("twice", "AlreadySponsored", "sponsor_id"),
    ("future meeting", "MeetingMustHaveHappened", "met_on"),
    ("unknown sponsor", "UnknownSponsor", "sponsor_id"),
])
def test_a_bad_sponsorship_is_refused_and_stores_nothing(members, make_active, tap, count_rows,
                                                         outbox_count, case, rule, field):
    sponsor = make_active()
    applicant = members.create_member(new_details())
    other_applicant = members.create_member(new_details())
    members.sponsor_applicant(applicant["id"], sponsor["id"], TODAY.isoformat(), "First.")
    fresh_sponsor = make_active() if case == "future meeting" else sponsor
    tap.wait_for(3, applicant["id"])
    sponsor_id, met_on = {
        "self": (applicant["id"], TODAY),
        "applicant sponsor": (other_applicant["id"], TODAY),
        "twice": (sponsor["id"], TODAY),
        "future meeting": (fresh_sponsor["id"], TODAY + timedelta(days=1)),
        "unknown sponsor": ("4dcd248c-606c-499c-b70f-979a8f067ef3", TODAY),
    }[case]
    before = (outbox_count(), count_rows(sponsorships))
    expected = Invalid if rule in ("MeetingMustHaveHappened", "UnknownSponsor") else Conflict
    with pytest.raises(expected) as raised:
        members.sponsor_applicant(applicant["id"], sponsor_id, met_on.isoformat(), "Again.")
    assert raised.value.rule == rule
    assert raised.value.errors[0]["field"] == field
    assert (outbox_count(), count_rows(sponsorships)) == before
    assert members.get_member(applicant["id"])["version"] == 2
    assert [e for e in tap.drain() if e["subject"] == applicant["id"]] == []


def test_sponsorship_input_is_validated(members):
    applicant = members.create_member(new_details())
    with pytest.raises(Invalid) as raised:
        members.sponsor_applicant(applicant["id"], "nobody", "yesterday", "")
    assert {e["field"] for e in raised.value.errors} == {"sponsor_id", "met_on", "note"}


def test_one_sponsor_is_not_enough(members, make_active, count_rows):
    sponsor = make_active()
    applicant = members.create_member(new_details())
    members.sponsor_applicant(applicant["id"], sponsor["id"], TODAY.isoformat(), "Nice.")
    with pytest.raises(Conflict) as raised:
        members.activate_member(applicant["id"])
    assert raised.value.rule == "NeedsTwoSponsors"
    assert count_rows(members_table, members_table.c.id == applicant["id"],
                      members_table.c.status == "applicant") == 1


def test_suspension_reinstatement_and_leaving(members, make_active, tap):
    member = make_active()
    suspended = members.suspend_member(member["id"], "Complaint under review.")
    assert (suspended["status"], suspended["suspension_reason"]) == (
        "suspended", "Complaint under review.")
    with pytest.raises(Conflict) as raised:
        members.suspend_member(member["id"], "Again.")
    assert raised.value.rule == "IllegalTransition"
    assert "they are suspended" in raised.value.detail
    members.reinstate_member(member["id"])
    leave_on = TODAY + timedelta(days=30)
    left = members.give_notice(member["id"], leave_on.isoformat())
    assert (left["status"], left["left_on"]) == ("left", leave_on.isoformat())

    events = tap.wait_for(12, member["id"])[-6:]
    assert [e["type"] for e in events] == [
        "member_suspended", "member_updated", "member_activated", "member_updated",
        "member_left", "member_updated"]
    assert all("Complaint" not in str(e["data"]) for e in events)
    assert events[2]["data"]["reinstated"] is True
    assert (events[4]["data"]["left_on"], events[4]["data"]["previous_status"]) == (
        leave_on.isoformat(), "active")


def test_an_illegal_move_is_a_conflict_with_the_reason(members):
    applicant = members.create_member(new_details())
    with pytest.raises(Conflict) as raised:
        members.reinstate_member(applicant["id"])
    assert raised.value.rule == "IllegalTransition"
    assert raised.value.detail.startswith("Cannot reinstate member")
    with pytest.raises(Invalid) as raised:
        members.suspend_member(applicant["id"], "")
    assert raised.value.errors[0]["field"] == "reason"

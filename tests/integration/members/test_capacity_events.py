"""Capacity through RPC: hours, overrides, unavailability, and availability for many."""

from datetime import timedelta

import pytest

from infra.errors import Conflict, Invalid, NotFound
from services.members.domain.iso_week import IsoWeek
from services.members.models import unavailability
from tests.integration.members.conftest import TODAY

THIS_WEEK = IsoWeek.of(TODAY)
NEXT_MONDAY = THIS_WEEK.plus(1).monday


def test_hours_and_overrides_are_stored_and_announced(members, make_active, tap):
    member = make_active()
    capacity = members.change_capacity(member["id"], {
        "default_weekly_hours": "32", "overrides": {str(THIS_WEEK.plus(2)): "16.5"}})
    assert (capacity["default_weekly_hours"], capacity["overrides"]) == (
        "32.00", {str(THIS_WEEK.plus(2)): "16.50"})
    event = tap.wait_for_type("member_capacity_changed", member["id"])[0]["data"]
    assert (event["default_weekly_hours"], event["overrides"], event["changed_weeks"]) == (
        "32.00", {str(THIS_WEEK.plus(2)): "16.50"}, [str(THIS_WEEK.plus(2))])
    assert members.get_capacity(member["id"]) == capacity


def test_bad_capacity_input_names_the_field_and_stores_nothing(members, make_active, outbox_count):
    member = make_active()
    before = outbox_count()
    with pytest.raises(Invalid) as raised:
        members.change_capacity(member["id"], {"default_weekly_hours": "12.345",
                                               "overrides": {"2025-W53": "8"}})
    assert {e["field"] for e in raised.value.errors} == {"default_weekly_hours",
                                                         "overrides.2025-W53.key"}
    too_far = THIS_WEEK.plus(3 * 53)
    with pytest.raises(Invalid) as raised:
        members.change_capacity(member["id"], {"default_weekly_hours": "20",
                                               "overrides": {str(too_far): "8"}})
    assert raised.value.rule == "BeyondPlanningHorizon"
    assert raised.value.errors[0]["field"] == f"overrides.{too_far}"
    assert members.get_capacity(member["id"])["default_weekly_hours"] == "0.00"
    assert outbox_count() == before


def test_unavailability_is_announced_with_dates_only(members, make_active, tap):
    member = make_active()
    period = members.add_unavailability(member["id"], {
        "kind": "sick", "starts_on": NEXT_MONDAY.isoformat(),
        "ends_on": (NEXT_MONDAY + timedelta(days=2)).isoformat(), "reason": "Flu"})
    assert (period["kind"], period["reason"]) == ("sick", "Flu")
    assert members.get_capacity(member["id"])["unavailability"] == [period]
    removed = members.remove_unavailability(member["id"], period["id"])
    assert removed == period

    tap.wait_for_type("member_available_again", member["id"])
    events = [e for e in tap.about(member["id"])
              if e["type"] in ("member_unavailable", "member_available_again")]
    assert [e["type"] for e in events] == ["member_unavailable", "member_available_again"]
    for event in events:
        data = event["data"]
        assert (data["unavailability_id"], data["starts_on"], data["ends_on"]) == (
            period["id"], period["starts_on"], period["ends_on"])
        assert "kind" not in data and "reason" not in data and "Flu" not in str(data)


def test_overlapping_periods_are_rejected_and_nothing_is_stored(members, make_active,
                                                                outbox_count, count_rows):
    member = make_active()
    first = members.add_unavailability(member["id"], {
        "kind": "holiday", "starts_on": NEXT_MONDAY.isoformat(),
        "ends_on": (NEXT_MONDAY + timedelta(days=6)).isoformat()})
    before = (outbox_count(), count_rows(unavailability))
    with pytest.raises(Conflict) as raised:
        members.add_unavailability(member["id"], {
            "kind": "sick", "starts_on": (NEXT_MONDAY + timedelta(days=6)).isoformat(),
            "ends_on": (NEXT_MONDAY + timedelta(days=8)).isoformat()})
    assert raised.value.rule == "UnavailabilityOverlaps"
    assert first["id"] in raised.value.detail
    with pytest.raises(Invalid) as raised:
        members.add_unavailability(member["id"], {
            "kind": "holiday", "starts_on": (NEXT_MONDAY + timedelta(days=20)).isoformat(),
            "ends_on": (NEXT_MONDAY + timedelta(days=19)).isoformat()})
    assert (raised.value.rule, raised.value.errors[0]["field"]) == ("EndBeforeStart", "ends_on")
    with pytest.raises(Invalid) as raised:
        members.add_unavailability(member["id"], {"kind": "nap", "starts_on": "soon"})
    assert {e["field"] for e in raised.value.errors} == {"kind", "starts_on", "ends_on"}
    assert (outbox_count(), count_rows(unavailability)) == before


def test_a_period_can_be_shortened(members, make_active):
    member = make_active()
    period = members.add_unavailability(member["id"], {
        "kind": "sick", "starts_on": TODAY.isoformat(),
        "ends_on": (TODAY + timedelta(days=14)).isoformat()})
    changed = members.change_unavailability(member["id"], period["id"], {
        "ends_on": (TODAY + timedelta(days=3)).isoformat()})
    assert (changed["id"], changed["ends_on"]) == (period["id"],
                                                   (TODAY + timedelta(days=3)).isoformat())
    with pytest.raises(NotFound):
        members.change_unavailability(member["id"], "4dcd248c-606c-499c-b70f-979a8f067ef3",
                                      {"ends_on": TODAY.isoformat()})


def test_availability_for_several_members_and_weeks(members, make_active):
    anouk, mehmet = make_active(), make_active()
    members.change_capacity(anouk["id"], {"default_weekly_hours": "32",
                                          "overrides": {str(THIS_WEEK.plus(1)): "20"}})
    members.change_capacity(mehmet["id"], {"default_weekly_hours": "40"})
    members.add_unavailability(mehmet["id"], {
        "kind": "holiday", "starts_on": NEXT_MONDAY.isoformat(),
        "ends_on": (NEXT_MONDAY + timedelta(days=1)).isoformat()})
    result = members.availability([anouk["id"], mehmet["id"]], str(THIS_WEEK.plus(1)),
                                  str(THIS_WEEK.plus(2)))
    assert result == {
        "from_week": str(THIS_WEEK.plus(1)), "to_week": str(THIS_WEEK.plus(2)),
        "weeks": [str(THIS_WEEK.plus(1)), str(THIS_WEEK.plus(2))],
        "hours": {anouk["id"]: ["20.00", "32.00"], mehmet["id"]: ["24.00", "40.00"]},
    }


def test_availability_input_is_checked(members, make_active):
    member = make_active()
    with pytest.raises(Invalid) as raised:
        members.availability([member["id"]], "2025-W53", "2026-W01")
    assert raised.value.errors[0]["field"] == "from_week"
    with pytest.raises(Invalid) as raised:
        members.availability([member["id"]], str(THIS_WEEK.plus(2)), str(THIS_WEEK))
    assert raised.value.errors[0]["field"] == "to_week"
    with pytest.raises(Invalid) as raised:
        members.availability([member["id"], "4dcd248c-606c-499c-b70f-979a8f067ef3"],
                             str(THIS_WEEK), str(THIS_WEEK))
    assert (raised.value.rule, raised.value.errors[0]["field"]) == ("UnknownMembers",
                                                                    "member_ids")

"""Who a member is: registration, reading, changing, the three views."""

import uuid

import pytest

from infra.errors import Conflict, Invalid, NotFound
from services.members.models import members as members_table
from tests.integration.members.conftest import new_details


def test_create_get_and_update_a_member(members, tap):
    created = members.create_member(new_details(languages=["nl", "EN"]))
    assert created["iban"] == "NL91ABNA0417164300"
    assert created["hourly_rate"] == "85.00"
    assert (created["status"], created["languages"]) == ("applicant", ["nl", "en"])
    assert created["default_weekly_hours"] == "0.00" and created["skills"] == []
    assert members.get_member(created["id"]) == created

    updated = members.update_member(created["id"], {"city": "Utrecht"})
    assert (updated["city"], updated["version"]) == ("Utrecht", 2)

    events = tap.wait_for(3, created["id"])
    assert [e["type"] for e in events] == ["member_created", "member_applied", "member_updated"]
    assert all(e["source"] == "members" for e in events)
    assert "iban" not in events[0]["data"] and "email" not in events[0]["data"]
    assert events[1]["data"]["self_registered"] is False
    assert (events[2]["data"]["version"], events[2]["data"]["changed_fields"]) == (2, ["city"])


def test_someone_registers_themself_as_an_applicant(members, make_active, tap):
    introducer = make_active()
    applied = members.register_applicant({
        "name": "Noor Haddad", "email": f"noor-{uuid.uuid4().hex[:6]}@example.nl",
        "motivation": "I want to work with people I trust.", "introduced_by": introducer["id"],
        "city": "Leiden"})
    assert (applied["status"], applied["introduced_by"], applied["kvk_number"]) == (
        "applicant", introducer["id"], None)
    applied_event = tap.wait_for(2, applied["id"])[1]
    assert applied_event["type"] == "member_applied"
    assert applied_event["data"]["introduced_by"] == introducer["id"]
    assert applied_event["data"]["self_registered"] is True
    assert "motivation" not in applied_event["data"]


def test_an_application_needs_a_motivation(members):
    with pytest.raises(Invalid) as raised:
        members.register_applicant({"name": "Noor", "email": "noor@example.nl"})
    assert [e["field"] for e in raised.value.errors] == ["motivation"]


def test_bad_input_names_each_field_and_stores_nothing(members, tap, outbox_count, count_rows):
    before, rows = outbox_count(), count_rows(members_table)
    with pytest.raises(Invalid) as raised:
        members.create_member(new_details(kvk_number="123", iban="NL00XXXX", shoe_size=44,
                                          languages=["klingon"], phone="call me"))
    assert {e["field"] for e in raised.value.errors} == {
        "kvk_number", "iban", "shoe_size", "languages[0]", "phone"}
    assert (outbox_count(), count_rows(members_table)) == (before, rows)
    assert tap.drain() == []


def test_an_unknown_introducer_is_invalid_and_stores_nothing(members, outbox_count):
    before = outbox_count()
    with pytest.raises(Invalid) as raised:
        members.create_member(new_details(introduced_by=str(uuid.uuid4())))
    assert raised.value.rule == "UnknownIntroducer"
    assert raised.value.errors[0]["field"] == "introduced_by"
    assert outbox_count() == before


def test_a_second_member_with_the_same_email_conflicts(members, outbox_count):
    details = new_details()
    members.create_member(details)
    before = outbox_count()
    with pytest.raises(Conflict) as raised:
        members.create_member(new_details(email=details["email"].upper()))
    assert raised.value.rule == "EmailAlreadyRegistered"
    assert outbox_count() == before


def test_unknown_member_is_not_found(members):
    with pytest.raises(NotFound):
        members.get_member(str(uuid.uuid4()))
    with pytest.raises(NotFound):
        members.get_member("not-an-id")


def test_listing_pages_through_every_member_once(members):
    created = {members.create_member(new_details())["id"] for _ in range(7)}
    seen, cursor = [], None
    while True:
        page = members.list_members({"limit": 3, **({"cursor": cursor} if cursor else {})})
        seen.extend(item["id"] for item in page["items"])
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert created <= set(seen)
    assert len(seen) == len(set(seen))


def test_listing_filters_by_status_and_ids(members, make_active):
    active = make_active()
    waiting = members.create_member(new_details())
    page = members.list_members({"status": "applicant",
                                 "member_ids": [active["id"], waiting["id"]]})
    assert [m["id"] for m in page["items"]] == [waiting["id"]]
    both = members.list_members({"member_ids": f"{active['id']},{waiting['id']}"})
    assert [m["id"] for m in both["items"]] == [active["id"], waiting["id"]]


def test_a_forged_cursor_or_bad_limit_is_invalid(members):
    with pytest.raises(Invalid) as raised:
        members.list_members({"cursor": "forged", "limit": 0})
    assert {e["field"] for e in raised.value.errors} == {"limit"}
    with pytest.raises(Invalid) as raised:
        members.list_members({"cursor": "forged"})
    assert raised.value.errors[0]["field"] == "cursor"


def test_the_public_profile_shows_nothing_private(members):
    member = members.create_member(new_details(phone="+31 6 1234 5678", city="Ede",
                                               introduction="I like maps.",
                                               motivation="Working together."))
    members.set_skills(member["id"], [{"skill": "data-visualisation", "level": 4}])
    profile = members.get_public_profile(member["id"])
    assert profile == {
        "id": member["id"], "name": "Anouk de Vries", "city": "Ede",
        "introduction": "I like maps.", "languages": [],
        "skills": [{"skill": "data-visualisation", "level": 4, "years_experience": None,
                    "wants_to_grow": False, "verified_level": None}],
    }
    page = members.list_public_profiles({"member_ids": [member["id"]]})
    assert page["items"] == [profile]


def test_billing_gets_the_details_of_many_members_in_one_call(members):
    first = members.create_member(new_details())
    second = members.create_member(new_details())
    unknown = str(uuid.uuid4())
    found = members.get_billing_details_of({"member_ids": [second["id"], unknown, first["id"]]})
    assert [(d["member_id"], d["iban"]) for d in found["items"]] == [
        (first["id"], "NL91ABNA0417164300"), (second["id"], "NL91ABNA0417164300")]
    assert found["items"][0] == members.get_billing_details(first["id"])
    for wrong in ([], [str(uuid.uuid4()) for _ in range(101)], ["someone"]):
        with pytest.raises(Invalid) as raised:
            members.get_billing_details_of({"member_ids": wrong})
        assert [e["field"].split("[")[0] for e in raised.value.errors] == ["member_ids"]


def test_billing_gets_what_it_needs_to_invoice_and_pay_out(members):
    member = members.create_member(new_details())
    details = members.get_billing_details(member["id"])
    assert details == {
        "member_id": member["id"], "name": "Anouk de Vries", "email": member["email"],
        "kvk_number": "70000001", "btw_id": "NL100023757B01", "iban": "NL91ABNA0417164300",
        "hourly_rate": "85.00", "status": "applicant", "joined_on": None, "left_on": None,
        "version": 1,
    }

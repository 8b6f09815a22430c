"""Privacy through RPC: a member's export, and erasure that forgets."""

import json
from datetime import timedelta

import pytest
from sqlalchemy import select

from infra.errors import Conflict
from services.members.models import outbox
from tests.integration.members.conftest import TODAY, new_details
from tests.support.waiting import eventually


def envelopes_about(members_db, member_id: str) -> list[dict]:
    with members_db.connect() as connection:
        rows = connection.execute(select(outbox.c.envelope, outbox.c.published_at)
                                  .order_by(outbox.c.seq)).all()
    return [json.loads(row.envelope) | {"published": row.published_at is not None}
            for row in rows if json.loads(row.envelope)["subject"] == member_id]


def test_a_member_exports_everything_kept_about_them(members, make_active):
    member = make_active(phone="+31 6 1111 2222", motivation="Because.")
    members.set_skills(member["id"], [{"skill": "copywriting", "level": 5}])
    members.add_unavailability(member["id"], {
        "kind": "parental", "starts_on": TODAY.isoformat(),
        "ends_on": (TODAY + timedelta(days=60)).isoformat(), "reason": "Baby on the way"})
    exported = members.export_member(member["id"])
    assert exported["format_version"] == 1
    assert exported["member"]["id"] == member["id"]
    assert exported["member"]["phone"] == "+31 6 1111 2222"
    assert exported["member"]["motivation"] == "Because."
    assert exported["capacity"]["unavailability"][0]["reason"] == "Baby on the way"
    assert exported["member"]["skills"][0]["skill"] == "copywriting"
    json.dumps(exported)  # plain JSON all the way down


def test_erasure_anonymises_and_forgets_published_events(members, make_active, tap,
                                                         members_db):
    member = make_active(name="Fatima El Amrani", city="Den Haag", phone="+31 70 123 4567",
                         introduction="Accessibility nerd.")
    with pytest.raises(Conflict) as raised:
        members.erase_member(member["id"])
    assert raised.value.rule == "EraseOnlyAfterLeaving"
    members.give_notice(member["id"], TODAY.isoformat())
    tap.wait_for_type("member_left", member["id"])
    eventually(lambda: all(e["published"] for e in envelopes_about(members_db, member["id"])))

    erased = members.erase_member(member["id"])
    assert (erased["name"], erased["status"], erased["city"], erased["phone"],
            erased["iban"], erased["kvk_number"], erased["introduction"]) == (
        "Erased member", "erased", None, None, None, None, "")
    assert erased["email"].endswith("@erased.invalid")
    assert members.get_public_profile(member["id"])["name"] == "Erased member"

    erased_event = tap.wait_for_type("member_erased", member["id"])[0]["data"]
    assert (erased_event["name"], erased_event["status"], erased_event["city"]) == (
        "Erased member", "erased", None)
    kept = envelopes_about(members_db, member["id"])
    assert [e["type"] for e in kept] == ["member_erased", "member_updated"]
    assert "Fatima" not in json.dumps(kept) and "Den Haag" not in json.dumps(kept)

    with pytest.raises(Conflict) as raised:
        members.update_member(member["id"], {"name": "Fatima"})
    assert raised.value.rule == "MemberWasErased"


def test_an_applicant_can_be_erased(members, tap):
    applicant = members.create_member(new_details())
    assert members.erase_member(applicant["id"])["status"] == "erased"
    assert tap.wait_for_type("member_erased", applicant["id"])

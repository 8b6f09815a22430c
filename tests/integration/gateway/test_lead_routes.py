"""Leads and client relationships over HTTP: operators do all, members act on the leads
assigned to them and the clients they keep, clients reach none of it."""

import time
import uuid
from datetime import date

import pytest

from tests.integration.gateway.test_learning_routes import active_member

TODAY = date.today().isoformat()
NEW_CLIENT = {"country": "NL", "vat_id": "NL004495445B01",
              "address": {"street": "Stadsplateau 1", "postal_code": "3521 AZ",
                          "city": "Utrecht"}}


def lead_body(skill: str, **overrides) -> dict:
    return {"organisation": "Gemeente Utrecht",
            "contact": {"name": "Eva Smit", "email": "eva@utrecht.example"},
            "description": "A booking system for sports halls.",
            "roles": [{"skill": skill, "minimum_level": 3, "hours_per_week": "16",
                       "seats": 2}],
            "starts_on": "2027-01-04", "ends_on": "2027-02-26", "budget_max": "30000",
            **overrides}


def until_created(call, timeout: float = 10):
    """`call()` again until 201 (matching hears of a new active member by events)."""
    deadline = time.monotonic() + timeout
    while (response := call()).status_code != 201 and time.monotonic() < deadline:
        time.sleep(0.2)
    assert response.status_code == 201, response.text
    return response


@pytest.fixture
def world(gateway):
    skill = f"craft-{uuid.uuid4().hex[:8]}"
    added = gateway.as_operator("POST", "/v1/skills",
                                json={"slug": skill, "name": skill, "category": "software"})
    assert added.status_code == 201, added.text
    ada, bob = active_member(gateway, "Ada", **{skill: 4}), active_member(gateway, "Bob")
    client = gateway.new_client("Known BV")
    return {"skill": skill, "ada": ada, "bob": bob, "client": client,
            "client_token": gateway.token_for("client", client_id=client["id"])["token"]}


def test_a_member_brings_in_a_lead_takes_contact_and_an_operator_converts_it(gateway, world):
    ada, bob = world["ada"], world["bob"]
    created = until_created(lambda: gateway.call("POST", "/v1/leads", token=ada["token"],
                                                 json=lead_body(world["skill"])))
    lead = created.json()
    assert created.headers["Location"] == f"/v1/leads/{lead['id']}"
    assert (lead["source"], lead["found_by_member_id"], lead["assignee_member_id"]) == (
        "member", ada["id"], ada["id"])
    mine = gateway.call("GET", "/v1/leads", token=ada["token"]).json()["items"]
    assert [item["id"] for item in mine] == [lead["id"]]
    assert gateway.call("GET", "/v1/leads", token=bob["token"]).json()["items"] == []
    assert gateway.call("GET", f"/v1/leads/{lead['id']}", token=bob["token"]).status_code == 404
    qualified = gateway.call("POST", f"/v1/leads/{lead['id']}/qualification",
                             token=ada["token"],
                             json={"contacted_on": TODAY, "member_id": bob["id"],
                                   "notes": "Eva wants two developers."})
    assert qualified.status_code == 200, qualified.text
    assert qualified.json()["qualification"]["member_id"] == ada["id"]  # as itself
    planned = gateway.call("POST", f"/v1/leads/{lead['id']}/intake", token=ada["token"],
                           json={"intake_on": TODAY})
    assert planned.json()["status"] == "intake_planned"
    for path, body in (("conversion", {"client": NEW_CLIENT}), ("closure", {"reason": "No."})):
        refused = gateway.call("POST", f"/v1/leads/{lead['id']}/{path}", token=ada["token"],
                               json=body)
        assert refused.status_code == 403, refused.text
    converted = gateway.as_operator("POST", f"/v1/leads/{lead['id']}/conversion",
                                    json={"client_id": world["client"]["id"]})
    assert converted.status_code == 201, converted.text
    project = converted.json()["project"]
    assert converted.headers["Location"] == f"/v1/projects/{project['id']}"
    assert [(r["skill"], r["seats"], r["hours_per_week"]) for r in project["roles"]] == [
        (world["skill"], 2, "16.00")]
    assert project["client_id"] == world["client"]["id"]
    again = gateway.as_operator("POST", f"/v1/leads/{lead['id']}/closure",
                                json={"reason": "Too late."})
    assert again.status_code == 409 and again.json()["rule"] == "LeadTransitionNotAllowed"
    erasure = f"/v1/leads/{lead['id']}/contact-erasure"
    assert gateway.call("POST", erasure, token=ada["token"]).status_code == 403
    erased = gateway.as_operator("POST", erasure)
    assert erased.status_code == 200, erased.text
    assert (erased.json()["contact"], erased.json()["status"]) == (None, "converted")
    assert erased.json()["qualification"]["notes"] == ""
    assert gateway.as_operator("POST", f"/v1/leads/{uuid.uuid4()}/contact-erasure"
                               ).status_code == 404


def test_a_member_records_only_its_own_finds_and_clients_reach_no_lead(gateway, world):
    ada = world["ada"]
    as_website = gateway.call("POST", "/v1/leads", token=ada["token"],
                              json=lead_body(world["skill"], source="website"))
    assert as_website.status_code == 403
    as_bob = gateway.call("POST", "/v1/leads", token=ada["token"],
                          json=lead_body(world["skill"], found_by_member_id=world["bob"]["id"]))
    assert as_bob.status_code == 404
    lead = gateway.as_operator("POST", "/v1/leads", json=lead_body(world["skill"])).json()
    assert (lead["source"], lead["assignee_member_id"]) == ("operator", None)
    for method, path in (("GET", "/v1/leads"), ("POST", "/v1/leads"),
                         ("GET", f"/v1/leads/{lead['id']}"),
                         ("POST", f"/v1/leads/{lead['id']}/qualification")):
        answer = gateway.call(method, path, token=world["client_token"],
                              json=lead_body(world["skill"]))
        assert answer.status_code == 403, (method, path)
    refused = gateway.call("PUT", f"/v1/leads/{lead['id']}/assignee", token=ada["token"],
                           json={"member_id": ada["id"]})
    assert refused.status_code == 403
    assigned = gateway.as_operator("PUT", f"/v1/leads/{lead['id']}/assignee",
                                   json={"member_id": ada["id"]})
    assert assigned.status_code == 200, assigned.text
    assert gateway.call("GET", f"/v1/leads/{lead['id']}", token=ada["token"]).status_code == 200


def test_bad_leads_get_a_problem_naming_each_field_and_leave_nothing(gateway, world):
    before = gateway.as_operator("GET", "/v1/leads", params={"limit": 100}).json()["items"]
    for body, fields in (
            ({}, {"organisation", "contact", "description"}),
            (lead_body(world["skill"], budget_min="10.005"), {"budget_min"}),
            (lead_body(world["skill"], budget_min="500", budget_max="100"), {"budget_max"}),
            (lead_body(world["skill"], ends_on="2026-01-01"), {"ends_on"}),
            (lead_body("no-such-skill-here"), {"roles[0].skill"}),
            (lead_body(world["skill"], source="member"), {"found_by_member_id"}),
            (lead_body(world["skill"], surprise=1), {"surprise"}),
            ({**lead_body(world["skill"]), "contact": {"name": "Eva", "email": "nope"}},
             {"contact.email"})):
        answer = gateway.as_operator("POST", "/v1/leads", json=body)
        assert answer.status_code == 422, (body, answer.text)
        assert {e["field"] for e in answer.json()["errors"]} == fields, answer.text
    after = gateway.as_operator("GET", "/v1/leads", params={"limit": 100}).json()["items"]
    assert len(after) == len(before)
    not_json = gateway.as_operator("POST", "/v1/leads", data="{", headers={
        "Content-Type": "application/json"})
    assert not_json.status_code == 400
    lead = gateway.as_operator("POST", "/v1/leads", json=lead_body(world["skill"])).json()
    early = gateway.as_operator("POST", f"/v1/leads/{lead['id']}/intake",
                                json={"intake_on": TODAY})
    assert early.status_code == 409 and early.json()["rule"] == "LeadTransitionNotAllowed"
    tomorrow = gateway.as_operator("POST", f"/v1/leads/{lead['id']}/qualification",
                                   json={"contacted_on": "2999-01-01", "notes": "Later."})
    assert tomorrow.status_code == 422
    assert tomorrow.json()["errors"][0]["field"] == "contacted_on"
    gateway.as_operator("POST", f"/v1/leads/{lead['id']}/qualification",
                        json={"contacted_on": TODAY, "notes": "Called."})
    gateway.as_operator("POST", f"/v1/leads/{lead['id']}/intake", json={"intake_on": TODAY})
    both = gateway.as_operator("POST", f"/v1/leads/{lead['id']}/conversion",
                               json={"client_id": world["client"]["id"], "client": NEW_CLIENT})
    assert both.status_code == 422 and both.json()["errors"][0]["field"] == "client_id"
    dates = gateway.as_operator("POST", f"/v1/leads/{lead['id']}/conversion", json={
        "client": NEW_CLIENT, "project": {"ends_on": "2026-12-01"}})
    assert dates.status_code == 422
    assert dates.json()["errors"][0]["field"] == "project.ends_on"
    assert gateway.as_operator("GET", f"/v1/leads/{lead['id']}").json()["status"] == (
        "intake_planned")
    assert gateway.as_operator("GET", "/v1/leads/not-a-lead").status_code == 404


def test_the_relationship_is_for_operators_and_the_member_who_keeps_it(gateway, world):
    client_id, ada, bob = world["client"]["id"], world["ada"], world["bob"]
    path = f"/v1/clients/{client_id}/relationship"
    assert gateway.call("GET", path, token=ada["token"]).status_code == 404
    for token in (ada["token"], world["client_token"]):
        refused = gateway.call("PUT", f"/v1/clients/{client_id}/relationship-owner",
                               token=token, json={"member_id": ada["id"]})
        assert refused.status_code == 403
    unknown = gateway.as_operator("PUT", f"/v1/clients/{client_id}/relationship-owner",
                                  json={"member_id": str(uuid.uuid4())})
    assert unknown.status_code == 422 and unknown.json()["errors"][0]["field"] == "member_id"
    owner = gateway.as_operator("PUT", f"/v1/clients/{client_id}/relationship-owner",
                                json={"member_id": ada["id"]})
    assert owner.status_code == 200, owner.text
    noted = gateway.call("POST", f"/v1/clients/{client_id}/notes", token=ada["token"],
                         json={"kind": "call", "summary": "Asked about phase two.",
                               "member_id": bob["id"]})
    assert noted.status_code == 201, noted.text
    assert noted.json()["member_id"] == ada["id"]
    seen = gateway.call("GET", path, token=ada["token"])
    assert seen.status_code == 200, seen.text
    assert seen.json()["owner"]["member_id"] == ada["id"]
    assert seen.json()["last_contact_on"] == TODAY and not seen.json()["needs_attention"]
    assert "note" in [entry["kind"] for entry in seen.json()["entries"]]
    assert gateway.call("GET", path, token=bob["token"]).status_code == 404
    assert gateway.call("POST", f"/v1/clients/{client_id}/notes", token=bob["token"],
                        json={"summary": "Hi."}).status_code == 404
    assert gateway.call("GET", path, token=world["client_token"]).status_code == 403
    bad = gateway.as_operator("POST", f"/v1/clients/{client_id}/notes",
                              json={"kind": "telepathy", "summary": ""})
    assert bad.status_code == 422
    assert {e["field"] for e in bad.json()["errors"]} == {"kind", "summary"}
    assert gateway.as_operator("GET", "/v1/clients/nobody/relationship").status_code == 404


def test_needs_attention_and_its_setting_are_for_operators(gateway, world):
    listed = gateway.as_operator("GET", "/v1/coop/needs-attention", params={"limit": 5})
    assert listed.status_code == 200, listed.text
    assert listed.json()["needs_attention_after_weeks"] >= 1
    for token in (world["ada"]["token"], world["client_token"]):
        assert gateway.call("GET", "/v1/coop/needs-attention", token=token).status_code == 403
    bad_cursor = gateway.as_operator("GET", "/v1/coop/needs-attention",
                                     params={"cursor": "forged"})
    assert bad_cursor.status_code == 422
    too_many = gateway.as_operator("PATCH", "/v1/coop/relationship-settings",
                                   json={"needs_attention_after_weeks": 53})
    assert too_many.status_code == 422
    assert too_many.json()["errors"][0]["field"] == "needs_attention_after_weeks"
    settings = gateway.as_operator("GET", "/v1/coop/relationship-settings")
    assert settings.json() == {"needs_attention_after_weeks": 6}

"""The learning service over HTTP: who may do what, acting as whom, and the public check."""

import copy
import time
import uuid
from datetime import UTC, datetime, timedelta

import pytest
import requests
from nameko.standalone.events import event_dispatcher

from infra.events import envelope

TODAY = datetime.now(UTC).date()


def active_sponsors(gateway) -> list[dict]:
    """Two active members: existing ones, or founders (admitted while the coop has < 2)."""
    active = gateway.as_operator("GET", "/v1/members",
                                 params={"status": "active", "limit": 2}).json()["items"]
    while len(active) < 2:
        founder = gateway.new_member(name="Founder")
        activated = gateway.as_operator("POST", f"/v1/members/{founder['id']}/activation")
        assert activated.status_code == 200, activated.text
        active.append(activated.json())
    return active[:2]


def active_member(gateway, name: str, **skills) -> dict:
    """An active member with declared skills (`python=4`) and a member token: `{id, token}`."""
    member = gateway.new_member(name=name)
    for sponsor in active_sponsors(gateway):
        if sponsor["id"] == member["id"]:
            continue
        sponsored = gateway.as_operator(
            "POST", f"/v1/members/{member['id']}/sponsorships",
            json={"sponsor_id": sponsor["id"], "met_on": TODAY.isoformat(), "note": "Met."})
        assert sponsored.status_code == 201, sponsored.text
    activated = gateway.as_operator("POST", f"/v1/members/{member['id']}/activation")
    assert activated.status_code == 200, activated.text
    declared = gateway.as_operator("PUT", f"/v1/members/{member['id']}/skills", json={
        "skills": [{"skill": slug, "level": level} for slug, level in skills.items()]})
    assert declared.status_code == 200, declared.text
    return {"id": member["id"], "token": gateway.token_for("member", member_id=member["id"])
            ["token"]}


def until(status: int, call, timeout: float = 10):
    """`call()` again until it answers `status` (learning hears of members by events)."""
    deadline = time.monotonic() + timeout
    while True:
        response = call()
        if response.status_code == status or time.monotonic() > deadline:
            assert response.status_code == status, response.text
            return response
        time.sleep(0.2)


@pytest.fixture
def worked_together(nameko_config):
    """Publish matching's `assignment_confirmed` for these members on one project."""
    dispatch = event_dispatcher(nameko_config)

    def confirm(*member_ids: str) -> None:
        project_id, client_id = str(uuid.uuid4()), str(uuid.uuid4())
        for member_id in member_ids:
            dispatch("matching", "assignment_confirmed", envelope(
                "matching", "assignment_confirmed", project_id, {
                    "assignment_id": str(uuid.uuid4()), "project_id": project_id,
                    "client_id": client_id, "member_id": member_id, "skill": "python",
                    "starts_on": (TODAY - timedelta(days=30)).isoformat(), "ends_on": None}))

    return confirm


def offer(skill="python", level=3):
    return {"skill": skill, "level": level, "formats": ["pairing"], "hours_per_month": "6.00"}


def test_a_member_offers_wishes_and_mentors_as_itself_only(gateway):
    mentor = active_member(gateway, "Ada Mentor", python=4)
    mentee = active_member(gateway, "Bo Mentee", python=2)
    other = active_member(gateway, "Cas Other", python=1)

    offered = until(201, lambda: gateway.call("POST", f"/v1/members/{mentor['id']}/offers",
                                              token=mentor["token"], json=offer(level=4)))
    assert offered.json()["member_id"] == mentor["id"]
    assert offered.json()["hours_per_month"] == "6.00"
    # another member's id in the path is outside the token's scope
    assert gateway.call("POST", f"/v1/members/{mentee['id']}/offers", token=mentor["token"],
                        json=offer(level=1)).status_code == 404
    assert gateway.call("DELETE", f"/v1/members/{mentee['id']}/offers/{offered.json()['id']}",
                        token=mentor["token"]).status_code == 404

    wished = until(201, lambda: gateway.call(
        "POST", f"/v1/members/{mentee['id']}/wishes", token=mentee["token"],
        json={"skill": "python", "current_level": 2, "target_level": 4, "why": "Backend work"}))
    wish = wished.json()
    assert (wish["member_id"], wish["status"]) == (mentee["id"], "open")
    assert gateway.call("POST", f"/v1/members/{mentor['id']}/wishes", token=mentee["token"],
                        json={"skill": "sql", "target_level": 2, "why": "x"}).status_code == 404
    assert gateway.call("GET", f"/v1/learning/wishes/{wish['id']}",
                        token=other["token"]).json()["id"] == wish["id"]
    offers = gateway.call("GET", "/v1/learning/offers", token=mentee["token"],
                          params={"member_id": mentor["id"]}).json()["items"]
    assert [o["id"] for o in offers] == [offered.json()["id"]]

    ranking = gateway.call("GET", f"/v1/members/{mentee['id']}/wishes/{wish['id']}/mentors",
                           token=mentee["token"])
    assert ranking.status_code == 200, ranking.text
    assert mentor["id"] in [c["mentor_id"] for c in ranking.json()["candidates"]]
    assert gateway.call("GET", f"/v1/members/{mentee['id']}/wishes/{wish['id']}/mentors",
                        token=mentor["token"]).status_code == 404

    proposed = gateway.call("POST", f"/v1/members/{mentee['id']}/wishes/{wish['id']}/mentorships",
                            token=mentee["token"], json={"mentor_id": mentor["id"]})
    assert proposed.status_code == 201, proposed.text
    mentorship = proposed.json()
    # only the mentor decides: the gateway passes the token's member as the acting one
    refused = gateway.call("POST", f"/v1/mentorships/{mentorship['id']}/acceptance",
                           token=mentee["token"])
    assert refused.status_code == 403 and refused.json()["rule"] == "OnlyTheMentorDecides"
    accepted = gateway.call("POST", f"/v1/mentorships/{mentorship['id']}/acceptance",
                            token=mentor["token"])
    assert accepted.status_code == 200 and accepted.json()["status"] == "accepted"
    started = gateway.call("POST", f"/v1/mentorships/{mentorship['id']}/start",
                           token=mentee["token"])
    assert started.json()["status"] == "active"
    session = gateway.call("POST", f"/v1/mentorships/{mentorship['id']}/sessions",
                           token=mentor["token"],
                           json={"held_on": TODAY.isoformat(), "duration_minutes": 60})
    assert session.status_code == 201, session.text
    feedback = gateway.call(
        "POST", f"/v1/mentorships/{mentorship['id']}/sessions/{session.json()['id']}/feedback",
        token=mentee["token"], json={"rating": 5})
    assert feedback.status_code == 200 and feedback.json()["mentee_feedback"]["rating"] == 5

    # mentor and mentee see it with its sessions; another member does not; operators do
    assert gateway.call("GET", f"/v1/mentorships/{mentorship['id']}",
                        token=other["token"]).status_code == 404
    seen = gateway.as_operator("GET", f"/v1/mentorships/{mentorship['id']}").json()
    assert [s["id"] for s in seen["sessions"]] == [session.json()["id"]]
    own = gateway.call("GET", "/v1/mentorships", token=mentee["token"]).json()["items"]
    assert [m["id"] for m in own] == [mentorship["id"]]
    assert gateway.call("GET", "/v1/mentorships", token=mentee["token"],
                        params={"member_id": mentor["id"]}).status_code == 404
    by_operator = gateway.as_operator("GET", "/v1/mentorships",
                                      params={"member_id": mentor["id"]}).json()["items"]
    assert [m["id"] for m in by_operator] == [mentorship["id"]]

    withdrawn = gateway.as_operator("DELETE",
                                    f"/v1/members/{mentor['id']}/offers/{offered.json()['id']}")
    assert withdrawn.status_code == 200 and withdrawn.json()["status"] == "withdrawn"


def test_endorsements_come_from_the_token_member_and_badges_verify_publicly(
        gateway, worked_together):
    endorsed = active_member(gateway, "Dana Endorsed", python=3)
    first = active_member(gateway, "Eli Colleague", python=4)
    second = active_member(gateway, "Fay Colleague", python=3)
    path = f"/v1/members/{endorsed['id']}/endorsements"

    # no shared work yet: learning refuses, named
    refused = until(409, lambda: gateway.call("POST", path, token=first["token"],
                                              json={"skill": "python", "level": 2}))
    assert refused.json()["rule"] == "NoSharedWork"
    worked_together(endorsed["id"], first["id"], second["id"])

    # a member cannot endorse as someone else, and operators do not endorse
    as_other = gateway.call("POST", path, token=first["token"],
                            json={"skill": "python", "level": 2, "endorser_id": second["id"]})
    assert as_other.status_code == 403
    assert gateway.as_operator("POST", path, json={"skill": "python", "level": 2,
                                                   "endorser_id": first["id"]}).status_code == 403

    given = until(201, lambda: gateway.call("POST", path, token=first["token"],
                                            json={"skill": "python", "level": 2}))
    assert given.json()["endorser_id"] == first["id"]
    until(201, lambda: gateway.call("POST", path, token=second["token"],
                                    json={"skill": "python", "level": 2,
                                          "endorser_id": second["id"]}))
    # only the endorser withdraws
    assert gateway.call("DELETE", f"/v1/endorsements/{given.json()['id']}",
                        token=second["token"]).status_code == 403
    listed = gateway.call("GET", "/v1/endorsements", token=second["token"],
                          params={"member_id": endorsed["id"]}).json()["items"]
    assert {e["endorser_id"] for e in listed} == {first["id"], second["id"]}

    verifications = gateway.call("GET", f"/v1/members/{endorsed['id']}/verifications",
                                 token=first["token"]).json()["items"]
    assert [(v["skill"], v["level"]) for v in verifications] == [("python", 2)]

    assert gateway.call("POST", f"/v1/members/{endorsed['id']}/badges", token=first["token"],
                        json={"skill": "python"}).status_code == 404
    issued = gateway.call("POST", f"/v1/members/{endorsed['id']}/badges",
                          token=endorsed["token"], json={"skill": "python"})
    assert issued.status_code == 201, issued.text
    badge = issued.json()
    listed = gateway.call("GET", f"/v1/members/{endorsed['id']}/badges",
                          token=endorsed["token"]).json()["items"]
    assert [b["id"] for b in listed] == [badge["id"]]
    assert gateway.as_operator("GET", f"/v1/members/{first['id']}/badges/{badge['id']}"
                               ).status_code == 404

    # the public check needs no token; a tampered credential is not verified, with a reason
    check = requests.post(f"{gateway.url}/v1/badges/verification", json=badge["credential"],
                          timeout=15)
    assert check.status_code == 200 and check.json() == {"verified": True, "reason": None}
    tampered = copy.deepcopy(badge["credential"])
    tampered["credentialSubject"]["name"] = "Someone Else"
    check = requests.post(f"{gateway.url}/v1/badges/verification", json=tampered, timeout=15)
    assert check.status_code == 200
    assert check.json()["verified"] is False and check.json()["reason"]
    for foreign in ({}, {"proof": 1.5, "id": 2 ** 60}, {**badge["credential"], "x": [0.1]}):
        check = requests.post(f"{gateway.url}/v1/badges/verification", json=foreign, timeout=15)
        assert check.status_code == 200, check.text
        assert check.json()["verified"] is False and check.json()["reason"]

    revoked = gateway.call("POST", f"/v1/members/{endorsed['id']}/badges/{badge['id']}/revocation",
                           token=endorsed["token"], json={"reason": "Changed my mind"})
    assert revoked.status_code == 200 and revoked.json()["revoked_at"]
    check = requests.post(f"{gateway.url}/v1/badges/verification", json=badge["credential"],
                          timeout=15)
    assert check.json()["verified"] is False

    withdrawn = gateway.call("DELETE", f"/v1/endorsements/{given.json()['id']}",
                             token=first["token"])
    assert withdrawn.status_code == 200 and withdrawn.json()["withdrawn_at"]


def test_development_requests_are_approved_by_other_members(gateway):
    asker = active_member(gateway, "Gus Asker", python=2)
    colleague = active_member(gateway, "Hana Colleague", python=2)
    course = {"kind": "course", "title": "Rust in practice",
              "what_you_will_learn": "Systems programming", "amount": "300.00"}

    budget = until(200, lambda: gateway.call(
        "GET", f"/v1/members/{asker['id']}/development-budget", token=asker["token"]))
    assert budget.json()["currency"] == "EUR"
    assert gateway.call("GET", f"/v1/members/{colleague['id']}/development-budget",
                        token=asker["token"]).status_code == 404
    requested = until(201, lambda: gateway.call(
        "POST", f"/v1/members/{asker['id']}/development-requests", token=asker["token"],
        json=course))
    request_id = requested.json()["id"]
    own = gateway.call("POST", f"/v1/development-requests/{request_id}/approvals",
                       token=asker["token"])
    assert own.status_code == 409 and own.json()["rule"] == "CannotApproveOwnRequest"
    approved = gateway.call("POST", f"/v1/development-requests/{request_id}/approvals",
                            token=colleague["token"])
    assert approved.status_code == 200, approved.text
    assert [a["approver_id"] for a in approved.json()["approvals"]] == [colleague["id"]]
    assert gateway.call("POST", f"/v1/development-requests/{request_id}/rejection",
                        token=colleague["token"], json={"reason": "No"}).status_code == 403
    rejected = gateway.as_operator("POST", f"/v1/development-requests/{request_id}/rejection",
                                   json={"reason": "Not this year"})
    assert rejected.status_code == 200 and rejected.json()["status"] == "rejected"
    assert gateway.call("GET", "/v1/development-fund", token=asker["token"]).status_code == 200
    report = gateway.call("GET", "/v1/reports/skill-gaps", token=asker["token"],
                          params={"top": 3})
    assert report.status_code == 200 and "develop_first" in report.json()


def test_a_client_token_may_not_use_member_routes(gateway):
    client = gateway.new_client()
    token = gateway.token_for("client", client_id=client["id"])["token"]
    member_id = str(uuid.uuid4())
    for method, path in [("POST", f"/v1/members/{member_id}/offers"),
                         ("GET", "/v1/learning/offers"), ("GET", "/v1/mentorships"),
                         ("POST", f"/v1/members/{member_id}/endorsements"),
                         ("GET", "/v1/development-fund"), ("GET", "/v1/reports/skill-gaps"),
                         ("POST", f"/v1/members/{member_id}/badges")]:
        response = gateway.call(method, path, token=token, json={})
        assert response.status_code == 403, (method, path, response.text)
    # verifications are open to clients only for members proposed to or working for them
    assert gateway.call("GET", f"/v1/members/{member_id}/verifications",
                        token=token).status_code == 404


def test_invalid_learning_bodies_are_422_naming_fields(gateway):
    member = active_member(gateway, "Ida Invalid", python=2)
    bad = gateway.call("POST", f"/v1/members/{member['id']}/offers", token=member["token"],
                       json={"skill": "Not A Slug", "level": 9, "formats": [],
                             "hours_per_month": 6.5, "colour": "red"})
    assert bad.status_code == 422
    assert {"skill", "level", "formats", "colour"} <= {e["field"] for e in bad.json()["errors"]}
    proposal = gateway.call("POST", f"/v1/members/{member['id']}/wishes/{uuid.uuid4()}/mentorships",
                            token=member["token"], json={"mentor": "x"})
    assert proposal.status_code == 422
    assert {"mentor_id", "mentor"} <= {e["field"] for e in proposal.json()["errors"]}
    amount = gateway.call("POST", f"/v1/members/{member['id']}/development-requests",
                          token=member["token"], json={"kind": "course", "title": "t",
                                                       "what_you_will_learn": "w",
                                                       "amount": 300})
    assert amount.status_code == 422
    assert [e["field"] for e in amount.json()["errors"]] == ["amount"]
    query = gateway.call("GET", "/v1/mentorships", token=member["token"],
                         params={"status": "dreaming", "member_id": "nope"})
    assert query.status_code == 422
    assert {"status", "member_id"} <= {e["field"] for e in query.json()["errors"]}
    endorsement = gateway.call("POST", f"/v1/members/{member['id']}/endorsements",
                               token=member["token"], json={"level": 0})
    assert endorsement.status_code == 422
    assert {"skill", "level"} <= {e["field"] for e in endorsement.json()["errors"]}


def test_every_learning_route_is_in_the_openapi_document(gateway):
    paths = requests.get(gateway.url + "/v1/openapi.json", timeout=5).json()["paths"]
    assert {"post", "get"} <= set(paths["/v1/members/{member_id}/badges"])
    assert paths["/v1/badges/verification"]["post"]["security"] == []
    for path in ("/v1/learning/offers", "/v1/learning/wishes/{wish_id}",
                 "/v1/mentorships/{mentorship_id}/sessions/{session_id}/feedback",
                 "/v1/endorsements/{endorsement_id}", "/v1/members/{member_id}/verifications",
                 "/v1/development-requests/{request_id}/approvals", "/v1/reports/skill-gaps"):
        assert path in paths

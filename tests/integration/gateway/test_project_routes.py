"""Projects, proposals and the team over HTTP: scope from the token, never from the URL."""

import time
import uuid

import pytest

from tests.integration.gateway.test_learning_routes import active_member


def until(predicate, timeout: float = 10):
    deadline = time.monotonic() + timeout
    while not (found := predicate()):
        assert time.monotonic() < deadline, "gave up waiting"
        time.sleep(0.2)
    return found


@pytest.fixture
def team_world(gateway):
    """A skill of the test's own, three active members with it, 40 hours a week and a rate,
    two client organisations with a client token each."""
    skill = f"craft-{uuid.uuid4().hex[:8]}"
    added = gateway.as_operator("POST", "/v1/skills",
                                json={"slug": skill, "name": skill, "category": "software"})
    assert added.status_code == 201, added.text
    members = [active_member(gateway, name, **{skill: level})
               for name, level in (("Ada", 5), ("Bob", 4), ("Cas", 3))]
    for member in members:
        changed = gateway.as_operator("PATCH", f"/v1/members/{member['id']}/capacity",
                                      json={"default_weekly_hours": "40"})
        assert changed.status_code == 200, changed.text
        rated = gateway.as_operator("PATCH", f"/v1/members/{member['id']}",
                                    json={"hourly_rate": "80.00"})
        assert rated.status_code == 200, rated.text
    mine, theirs = gateway.new_client("Mine BV"), gateway.new_client("Theirs BV")
    # matching hears of skills and capacity by events: a trial proposal sees all three
    trial = gateway.as_operator("POST", "/v1/projects", json=project_body(
        skill, client_id=mine["id"], title="Trial")).json()
    until(lambda: gateway.as_operator("POST", f"/v1/projects/{trial['id']}/proposals")
          .json()["candidates_considered"] == 3
          and not gateway.as_operator("POST", f"/v1/projects/{trial['id']}/proposals")
          .json()["best"]["gaps"])
    gateway.as_operator("POST", f"/v1/projects/{trial['id']}/cancel",
                        json={"reason": "Only a trial."})
    return {"skill": skill, "members": members,
            "mine": gateway.token_for("client", client_id=mine["id"])["token"],
            "theirs": gateway.token_for("client", client_id=theirs["id"])["token"],
            "mine_id": mine["id"], "theirs_id": theirs["id"]}


def project_body(skill, **overrides) -> dict:
    return {"title": "Webshop", "starts_on": "2027-01-04", "ends_on": "2027-02-26",
            "roles": [{"skill": skill, "minimum_level": 3, "hours_per_week": "16"}],
            **overrides}


def test_a_client_creates_a_project_gets_a_proposal_and_accepts_it(gateway, team_world):
    world = team_world
    created = gateway.call("POST", "/v1/projects", token=world["mine"],
                           json=project_body(world["skill"]))
    assert created.status_code == 201, created.text
    project = created.json()
    assert project["client_id"] == world["mine_id"]
    assert created.headers["Location"] == f"/v1/projects/{project['id']}"
    proposed = gateway.call("POST", f"/v1/projects/{project['id']}/proposals",
                            token=world["mine"])
    assert proposed.status_code == 201, proposed.text
    seat = proposed.json()["best"]["seats"][0]
    assert seat["explanation"]["why"] and seat["backup"]["member_id"] != seat["primary"]
    profile = gateway.call("GET", f"/v1/profiles/{seat['primary']}", token=world["mine"])
    assert profile.status_code == 200 and "iban" not in profile.json()
    verified = gateway.call("GET", f"/v1/members/{seat['backup']['member_id']}/verifications",
                            token=world["mine"])
    assert verified.status_code == 200, verified.text
    accepted = gateway.call("POST", f"/v1/proposals/{proposed.json()['id']}/accept",
                            token=world["mine"], json={"option": 0})
    assert accepted.status_code == 200, accepted.text
    assert accepted.json()["assignments"][0]["member_id"] == seat["primary"]
    timeline = gateway.call("GET", f"/v1/projects/{project['id']}/timeline",
                            token=world["mine"]).json()["items"]
    assert [e["kind"] for e in timeline][:3] == ["project_created", "team_proposed",
                                                 "proposal_accepted"]


def test_another_clients_projects_proposals_and_team_are_not_found(gateway, team_world):
    world = team_world
    project = gateway.call("POST", "/v1/projects", token=world["mine"],
                           json=project_body(world["skill"])).json()
    proposal = gateway.call("POST", f"/v1/projects/{project['id']}/proposals",
                            token=world["mine"]).json()
    pid = project["id"]
    for method, path in [("GET", f"/v1/projects/{pid}"), ("PATCH", f"/v1/projects/{pid}"),
                         ("GET", f"/v1/projects/{pid}/proposals"),
                         ("GET", f"/v1/proposals/{proposal['id']}"),
                         ("POST", f"/v1/proposals/{proposal['id']}/accept"),
                         ("GET", f"/v1/projects/{pid}/team"),
                         ("GET", f"/v1/projects/{pid}/meetings"),
                         ("GET", f"/v1/projects/{pid}/health"),
                         ("GET", f"/v1/projects/{pid}/timeline"),
                         ("POST", f"/v1/projects/{pid}/cancel")]:
        body = {"title": "Mine now"} if method == "PATCH" else (
            {"reason": "x"} if path.endswith("cancel") else None)
        response = gateway.call(method, path, token=world["theirs"], json=body)
        assert response.status_code == 404, (method, path, response.text)
    listed = gateway.call("GET", "/v1/projects", token=world["theirs"]).json()["items"]
    assert pid not in {p["id"] for p in listed}
    smuggled = gateway.call("POST", "/v1/projects", token=world["theirs"],
                            json=project_body(world["skill"], client_id=world["mine_id"]))
    assert smuggled.status_code == 404
    for path in (f"/v1/profiles/{world['members'][2]['id']}",
                 f"/v1/members/{world['members'][2]['id']}/verifications"):
        assert gateway.call("GET", path, token=world["theirs"]).status_code == 404


@pytest.mark.parametrize(("change", "field"), [
    ({"ends_on": "2026-12-01"}, "ends_on"),
    ({"ends_on": "2030-06-01"}, "ends_on"),
    ({"roles": [{"skill": "python", "minimum_level": 6, "hours_per_week": "8"}]},
     "roles[0].minimum_level"),
    ({"roles": [{"skill": "python", "minimum_level": 3, "hours_per_week": "41"}]},
     "roles[0].hours_per_week"),
    ({"roles": [{"skill": "python", "minimum_level": 3, "hours_per_week": "0"}]},
     "roles[0].hours_per_week"),
    ({"roles": [{"skill": "underwater-welding-x", "minimum_level": 3,
                 "hours_per_week": "8"}]}, "roles[0].skill"),
])
def test_bad_projects_get_a_problem_naming_the_field_and_leave_nothing(gateway, team_world,
                                                                      change, field):
    world = team_world
    before = gateway.call("GET", "/v1/projects", token=world["mine"]).json()["items"]
    response = gateway.call("POST", "/v1/projects", token=world["mine"],
                            json=project_body(world["skill"], **change))
    assert response.status_code == 422, response.text
    assert response.headers["Content-Type"].startswith("application/problem+json")
    assert field in {error["field"] for error in response.json()["errors"]}
    after = gateway.call("GET", "/v1/projects", token=world["mine"]).json()["items"]
    assert after == before


def test_members_see_their_own_assignments_and_rate_their_checkins(gateway, team_world):
    world = team_world
    project = gateway.call("POST", "/v1/projects", token=world["mine"],
                           json=project_body(world["skill"], checkin_every_weeks=2)).json()
    proposal = gateway.call("POST", f"/v1/projects/{project['id']}/proposals",
                            token=world["mine"]).json()
    gateway.call("POST", f"/v1/proposals/{proposal['id']}/accept", token=world["mine"])
    primary = proposal["best"]["seats"][0]["primary"]
    member = next(m for m in world["members"] if m["id"] == primary)
    outsider = next(m for m in world["members"] if m["id"] != primary)
    mine = gateway.call("GET", f"/v1/members/{primary}/assignments", token=member["token"])
    assert [a["project_id"] for a in mine.json()["items"]] == [project["id"]]
    assert gateway.call("GET", f"/v1/members/{primary}/assignments",
                        token=outsider["token"]).status_code == 404
    meetings = gateway.call("GET", f"/v1/projects/{project['id']}/meetings",
                            token=member["token"]).json()["items"]
    checkin = meetings[1]["id"]
    rated = gateway.call("POST", f"/v1/projects/{project['id']}/meetings/{checkin}/ratings",
                         token=member["token"], json={"by": "client", "rating": 4})
    assert rated.status_code == 201, rated.text
    assert (rated.json()["by"], rated.json()["member_id"]) == ("member", primary)
    assert gateway.call("GET", f"/v1/projects/{project['id']}/meetings",
                        token=outsider["token"]).status_code == 404
    client_rating = gateway.call(
        "POST", f"/v1/projects/{project['id']}/meetings/{checkin}/ratings",
        token=world["mine"], json={"by": "member", "member_id": primary, "rating": 5,
                                   "endorsements": [{"member_id": primary,
                                                     "skill": world["skill"], "level": 5}]})
    assert client_rating.status_code == 201 and client_rating.json()["by"] == "client"
    health = gateway.call("GET", f"/v1/projects/{project['id']}/health",
                          token=world["mine"]).json()
    assert (health["client_average"], health["members_average"]) == (5.0, 4.0)


def test_the_coop_views_are_for_operators(gateway, team_world):
    assert gateway.call("GET", "/v1/coop/fairness", token=team_world["mine"]).status_code == 403
    assert gateway.as_operator("GET", "/v1/coop/fairness").status_code == 200
    settings = gateway.as_operator("GET", "/v1/coop/matching-settings").json()
    assert settings["fairness_weight"] == 1.0
    bad = gateway.as_operator("PATCH", "/v1/coop/matching-settings",
                              json={"self_assessed_factor": 2})
    assert bad.status_code == 422
    assert bad.json()["errors"][0]["field"] == "self_assessed_factor"

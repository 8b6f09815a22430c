"""Through HTTP, every service its own process: a client hires a Multitalent, a member
falls ill, the backup takes over, and the client sees it happen."""

import time
import uuid

import requests

from services.matching.domain.proposals import DEFAULT_SETTINGS
from services.matching.schemas.projects import SettingsSchema
from tests.e2e.test_admission_story import active_sponsors, member_details, token_for


def eventually(check, timeout: float = 15):
    deadline = time.monotonic() + timeout
    while not (found := check()):
        assert time.monotonic() < deadline, "gave up waiting"
        time.sleep(0.25)
    return found


def active_member(api, name: str, skill: str, level: int, rate: str) -> str:
    member = api.post("/v1/members", json={**member_details(name), "hourly_rate": rate}).json()
    for sponsor in active_sponsors(api):
        if sponsor["id"] != member["id"]:
            api.post(f"/v1/members/{member['id']}/sponsorships",
                     json={"sponsor_id": sponsor["id"], "met_on": "2026-11-02", "note": "Tea."})
    assert api.post(f"/v1/members/{member['id']}/activation").status_code == 200
    assert api.put(f"/v1/members/{member['id']}/skills", json={
        "skills": [{"skill": skill, "level": level}]}).status_code == 200
    assert api.patch(f"/v1/members/{member['id']}/capacity",
                     json={"default_weekly_hours": "36"}).status_code == 200
    return member["id"]


def test_a_client_hires_a_team_and_the_backup_steps_in_when_a_member_falls_ill(api, system):
    # the coop's documented weights (other tests, the fuzzer among them, may change them)
    reset = api.patch("/v1/coop/matching-settings", json=SettingsSchema().dump(DEFAULT_SETTINGS))
    assert reset.status_code == 200, reset.text
    skill = f"storytelling-{uuid.uuid4().hex[:6]}"
    assert api.post("/v1/skills", json={"slug": skill, "name": "Storytelling",
                                        "category": "communication"}).status_code == 201
    ada = active_member(api, "Ada", skill, 5, "90.00")
    bob = active_member(api, "Bob", skill, 4, "75.00")
    client = api.post("/v1/clients", json={
        "name": "Museum Arnhem", "country": "NL",
        "address": {"street": "Utrechtseweg 87", "postal_code": "6812 AA", "city": "Arnhem"},
        "contact": {"name": "Joost Smit", "email": "joost@museum.example"}}).json()
    secret = api.post("/v1/tokens", json={"name": "museum", "role": "client",
                                          "client_id": client["id"]}).json()["token"]

    def as_client(method, path, **kwargs):
        return requests.request(method, system.url + path, timeout=15,
                                headers={"Authorization": f"Bearer {secret}"}, **kwargs)

    project = as_client("POST", "/v1/projects", json={
        "title": "Exhibition texts", "description": "Texts for a new exhibition.",
        "starts_on": "2027-01-04", "ends_on": "2027-03-26",
        "roles": [{"skill": skill, "minimum_level": 4, "hours_per_week": "20"}]}).json()

    def proposal_with_both():
        made = as_client("POST", f"/v1/projects/{project['id']}/proposals").json()
        return made if made["best"]["seats"] and made["best"]["seats"][0]["backup"] else None

    proposal = eventually(proposal_with_both)  # matching hears of members by events
    seat = proposal["best"]["seats"][0]
    assert (seat["primary"], seat["backup"]["member_id"]) == (ada, bob)
    assert seat["explanation"]["why"] and seat["explanation"]["parts"]["skill_fit"] > 0
    runner_up = seat["explanation"]["runner_up"]
    assert runner_up["member_id"] == bob and runner_up["detail"]
    backup_profile = as_client("GET", f"/v1/profiles/{bob}").json()
    assert backup_profile["name"] == "Bob" and "email" not in backup_profile

    accepted = as_client("POST", f"/v1/proposals/{proposal['id']}/accept")
    assert accepted.status_code == 200, accepted.text
    meetings = as_client("GET", f"/v1/projects/{project['id']}/meetings").json()["items"]
    assert meetings[0]["kind"] == "introduction" and ada in meetings[0]["attendees"]

    ada_token = token_for(api, ada)
    sick = requests.post(f"{system.url}/v1/members/{ada}/unavailability", timeout=15,
                         headers={"Authorization": f"Bearer {ada_token}"},
                         json={"kind": "sick", "starts_on": "2027-02-01",
                               "ends_on": "2027-02-12", "reason": "Pneumonia"})
    assert sick.status_code == 201, sick.text

    def substitution():
        entries = as_client("GET", f"/v1/projects/{project['id']}/timeline").json()["items"]
        return next((e for e in entries if e["kind"] == "assignment_substituted"), None)

    told = eventually(substitution)
    assert "Bob" in told["summary"] and "2027-W05–2027-W06" in told["summary"]
    assert "Pneumonia" not in told["summary"] and "sick" not in told["summary"]
    team = as_client("GET", f"/v1/projects/{project['id']}/team").json()
    stand_in = next(a for a in team["assignments"] if a["kind"] == "stand_in")
    assert (stand_in["member_id"], stand_in["starts_on"], stand_in["ends_on"]) == (
        bob, "2027-02-01", "2027-02-14")
    assert stand_in["hourly_rate"] == "75.00"

"""Through HTTP: an applicant applies, two members meet and sponsor them, an operator admits."""

import uuid
from datetime import date, timedelta

import requests


def member_details(name: str) -> dict:
    return {"name": name, "email": f"{uuid.uuid4().hex[:10]}@example.nl",
            "kvk_number": "70000002", "btw_id": "NL100039595B01",
            "iban": "NL02ABNA0123456789"}


def active_sponsors(api) -> list[dict]:
    """Two active members: existing ones, or founders (admitted while the coop has < 2)."""
    active = api.get("/v1/members", params={"status": "active", "limit": 2}).json()["items"]
    while len(active) < 2:
        founder = api.post("/v1/members", json=member_details("Founder")).json()
        activated = api.post(f"/v1/members/{founder['id']}/activation")
        assert activated.status_code == 200, activated.text
        active.append(activated.json())
    return active[:2]


def token_for(api, member_id: str) -> str:
    issued = api.post("/v1/tokens", json={"name": "member", "role": "member",
                                          "member_id": member_id})
    assert issued.status_code == 201, issued.text
    return issued.json()["token"]


def as_member(system, secret: str, method: str, path: str, **kwargs):
    return requests.request(method, system.url + path, timeout=15,
                            headers={"Authorization": f"Bearer {secret}"}, **kwargs)


def applicants_with(api, email: str) -> list[dict]:
    """Every applicant with `email`, as the operator lists them (every page)."""
    found, params = [], {"status": "applicant", "limit": 100}
    while True:
        page = api.get("/v1/members", params=params).json()
        found += [m for m in page["items"] if m["email"] == email]
        if not page["next_cursor"]:
            return found
        params["cursor"] = page["next_cursor"]


def test_applicant_two_sponsors_then_active(api, system):
    first, second = active_sponsors(api)
    first_token, second_token = token_for(api, first["id"]), token_for(api, second["id"])

    email = f"noor-{uuid.uuid4().hex[:8]}@example.nl"
    applied = requests.post(f"{system.url}/v1/applications", timeout=15, json={
        "name": "Noor Hendriks", "email": email,
        "city": "Arnhem", "motivation": "I want to work in a team that shares the load.",
        "introduction": "Data analyst who likes plain language."})
    assert applied.status_code == 202, applied.text
    [applicant] = applicants_with(api, email)  # the answer names nobody
    sponsorships = f"/v1/members/{applicant['id']}/sponsorships"
    met_on = (date.today() - timedelta(days=3)).isoformat()

    one = as_member(system, first_token, "POST", sponsorships,
                    json={"met_on": met_on, "note": "Coffee in Arnhem; sharp and kind."})
    assert one.status_code == 201, one.text
    assert one.json()["can_be_activated"] is False
    again = as_member(system, first_token, "POST", sponsorships,
                      json={"met_on": met_on, "note": "Once more"})
    assert (again.status_code, again.json()["rule"]) == (409, "AlreadySponsored")
    too_early = api.post(f"/v1/members/{applicant['id']}/activation")
    assert (too_early.status_code, too_early.json()["rule"]) == (409, "NeedsTwoSponsors")
    impersonating = as_member(system, first_token, "POST", sponsorships,
                              json={"met_on": met_on, "note": "x", "sponsor_id": second["id"]})
    assert impersonating.status_code == 403

    two = as_member(system, second_token, "POST", sponsorships,
                    json={"met_on": met_on, "note": "Video call; clear about how she works."})
    assert two.status_code == 201
    assert set(two.json()["active_sponsor_ids"]) == {first["id"], second["id"]}

    # Admission needs the fiscal details the coop invoices and pays with.
    missing = api.post(f"/v1/members/{applicant['id']}/activation")
    assert (missing.status_code, missing.json()["rule"]) == (409, "ActivationNeedsFiscalDetails")
    applicant_token = token_for(api, applicant["id"])
    completed = as_member(system, applicant_token, "PATCH", f"/v1/members/{applicant['id']}",
                          json={"kvk_number": "70000009", "btw_id": "NL100475140B01",
                                "iban": "NL72ABNA0777333111"})
    assert completed.status_code == 200, completed.text
    admission = as_member(system, applicant_token, "GET",
                          f"/v1/members/{applicant['id']}/admission").json()
    assert admission["can_be_activated"] is True

    admitted = api.post(f"/v1/members/{applicant['id']}/activation")
    assert admitted.status_code == 200, admitted.text
    assert admitted.json()["status"] == "active"
    assert admitted.json()["joined_on"] == date.today().isoformat()
    assert {s["sponsor_id"] for s in admission["sponsorships"]} == {first["id"], second["id"]}

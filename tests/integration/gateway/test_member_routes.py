"""Members' own data through the gateway: who may read and change what."""

from datetime import date, timedelta

from tests.integration.gateway.conftest import member_details


def test_a_member_manages_its_own_skills_capacity_and_unavailability(gateway):
    me, other = gateway.new_member(), gateway.new_member()
    token = gateway.token_for("member", member_id=me["id"])["token"]

    skills = gateway.call("PUT", f"/v1/members/{me['id']}/skills", token=token,
                          json={"skills": [{"skill": "python", "level": 4}]})
    assert skills.status_code == 200, skills.text
    assert [s["skill"] for s in skills.json()["skills"]] == ["python"]

    capacity = gateway.call("PATCH", f"/v1/members/{me['id']}/capacity", token=token,
                            json={"default_weekly_hours": "32"})
    assert capacity.status_code == 200 and capacity.json()["default_weekly_hours"] == "32.00"

    start = date.today() + timedelta(days=14)
    period = gateway.call("POST", f"/v1/members/{me['id']}/unavailability", token=token,
                          json={"kind": "holiday", "starts_on": start.isoformat(),
                                "ends_on": (start + timedelta(days=4)).isoformat()})
    assert period.status_code == 201, period.text
    overlapping = gateway.call("POST", f"/v1/members/{me['id']}/unavailability", token=token,
                               json={"kind": "other", "starts_on": start.isoformat(),
                                     "ends_on": start.isoformat()})
    assert (overlapping.status_code, overlapping.json()["rule"]) == (409,
                                                                     "UnavailabilityOverlaps")

    for method, path in (("GET", "capacity"), ("PATCH", "capacity"), ("GET", "export"),
                         ("POST", "unavailability"), ("GET", "admission")):
        response = gateway.call(method, f"/v1/members/{other['id']}/{path}", token=token,
                                json={"default_weekly_hours": "1"})
        assert response.status_code == 404, (method, path, response.text)


def test_public_profiles_hide_private_fields_and_clients_see_only_their_members(gateway):
    member = gateway.new_member(city="Utrecht")
    colleague = gateway.token_for("member", member_id=gateway.new_member()["id"])["token"]
    profile = gateway.call("GET", f"/v1/profiles/{member['id']}", token=colleague)
    assert profile.status_code == 200
    assert profile.json()["city"] == "Utrecht"
    for private in ("email", "iban", "kvk_number", "btw_id", "phone", "hourly_rate"):
        assert private not in profile.json()
    client = gateway.new_client()
    client_token = gateway.token_for("client", client_id=client["id"])["token"]
    assert gateway.call("GET", f"/v1/profiles/{member['id']}",
                        token=client_token).status_code == 404
    assert gateway.call("GET", "/v1/profiles", token=client_token).status_code == 403


def test_availability_and_operator_lifecycle_steps(gateway):
    member = gateway.new_member()
    this_week = date.today().isocalendar()
    week = f"{this_week.year}-W{this_week.week:02d}"
    available = gateway.as_operator("GET", "/v1/availability", params={
        "member_ids": member["id"], "from_week": week, "to_week": week})
    assert available.status_code == 200, available.text
    assert available.json()["weeks"] == [week]
    missing = gateway.as_operator("GET", "/v1/availability", params={"from_week": week})
    assert missing.status_code == 422
    assert {e["field"] for e in missing.json()["errors"]} == {"member_ids", "to_week"}

    suspended = gateway.as_operator("POST", f"/v1/members/{member['id']}/suspension",
                                    json={"reason": "Unpaid contribution"})
    assert (suspended.status_code, suspended.json()["rule"]) == (409, "IllegalTransition")
    noted = gateway.as_operator("POST", f"/v1/members/{member['id']}/notice",
                                json={"leave_on": date.today().isoformat(), "extra": 1})
    assert noted.status_code == 422 and noted.json()["errors"][0]["field"] == "extra"


def applicants_with(gateway, email: str) -> list[dict]:
    """Every applicant with `email`, as the operator lists them (every page)."""
    found, params = [], {"status": "applicant", "limit": 100}
    while True:
        page = gateway.as_operator("GET", "/v1/members", params=params).json()
        found += [m for m in page["items"] if m["email"] == email]
        if not page["next_cursor"]:
            return found
        params["cursor"] = page["next_cursor"]


def test_anyone_may_apply_without_a_token(gateway):
    application = {**member_details(), "motivation": "I like working with others."}
    for fiscal in ("kvk_number", "btw_id", "iban"):
        application.pop(fiscal)
    applied = gateway.call("POST", "/v1/applications", json=application)
    assert applied.status_code == 202, applied.text
    assert applied.json()["status"] == "received" and "id" not in applied.json()
    [applicant] = applicants_with(gateway, application["email"])  # the answer names nobody
    assert gateway.call("GET", f"/v1/members/{applicant['id']}").status_code == 401

    # applying again with a registered address is answered alike, and stores nothing
    again = gateway.call("POST", "/v1/applications", json={**application, "name": "Other"})
    assert (again.status_code, again.json()) == (202, applied.json())
    assert [m["id"] for m in applicants_with(gateway, application["email"])] == [
        applicant["id"]]

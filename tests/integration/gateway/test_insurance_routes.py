"""Collective insurance over HTTP: policies, a member's enrolment as itself, the
certificate as PDF and as escaped HTML, and proposals saying who is insured."""

import uuid
from datetime import UTC, datetime, timedelta

from tests.integration.gateway.test_learning_routes import until
from tests.integration.gateway.test_project_routes import project_body, team_world  # noqa: F401

TODAY = datetime.now(UTC).date().isoformat()
TOMORROW = (datetime.now(UTC).date() + timedelta(days=1)).isoformat()
FIRST_OF_MONTH = datetime.now(UTC).date().replace(day=1).isoformat()


def policy_body(**overrides) -> dict:
    return {"name": "AVB collectief", "kind": "professional_liability",
            "insurer": "Verzekeraar <b>N.V.</b>", "coverage": "Schade aan derden",
            "insured_amount": "2500000.00", "monthly_premium": "25.00",
            "conditions": "Eigen risico €250", **overrides}


def a_policy(gateway, **overrides) -> dict:
    created = gateway.as_operator("POST", "/v1/insurance/policies", json=policy_body(**overrides))
    assert created.status_code == 201, created.text
    assert created.headers["Location"] == f"/v1/insurance/policies/{created.json()['id']}"
    return created.json()


def test_policies_are_defined_by_operators_and_bad_premiums_are_refused(gateway):
    policy = a_policy(gateway)
    assert policy["monthly_premium"] == "25.00" and policy["active"] is True
    too_precise = gateway.as_operator("POST", "/v1/insurance/policies",
                                      json=policy_body(monthly_premium="12.345"))
    assert too_precise.status_code == 422
    assert [e["field"] for e in too_precise.json()["errors"]] == ["monthly_premium"]
    zero = gateway.as_operator("POST", "/v1/insurance/policies",
                               json=policy_body(monthly_premium="0.00"))
    assert (zero.status_code, zero.json()["rule"]) == (422, "PremiumMustBePositive")
    withdrawn = gateway.as_operator("PATCH", f"/v1/insurance/policies/{policy['id']}",
                                    json={"active": False})
    assert withdrawn.status_code == 200 and withdrawn.json()["active"] is False
    assert gateway.as_operator("GET", f"/v1/insurance/policies/{policy['id']}").json()[
        "active"] is False
    missing = gateway.as_operator("GET", f"/v1/insurance/policies/{uuid.uuid4()}")
    assert (missing.status_code, missing.json()["rule"]) == (404, "PolicyNotFound")


def test_a_member_enrols_itself_and_downloads_its_certificate(gateway):
    policy = a_policy(gateway)
    member = gateway.new_member(name="Eve <script>alert(1)</script>")
    token = gateway.token_for("member", member_id=member["id"])["token"]
    path = f"/v1/members/{member['id']}/insurance/enrolments"
    enrolled = until(201, lambda: gateway.call("POST", path, token=token, json={
        "policy_id": policy["id"], "starts_on": TODAY})).json()
    overlap = gateway.call("POST", path, token=token,
                           json={"policy_id": policy["id"], "starts_on": TOMORROW})
    assert (overlap.status_code, overlap.json()["rule"]) == (409, "EnrolmentsOverlap")
    unknown = gateway.call("POST", path, token=token,
                           json={"policy_id": str(uuid.uuid4()), "starts_on": TOMORROW})
    assert (unknown.status_code, unknown.json()["rule"]) == (422, "PolicyNotFound")
    listed = gateway.call("GET", path, token=token).json()
    assert [e["id"] for e in listed["items"]] == [enrolled["id"]]

    certificate = f"/v1/members/{member['id']}/insurance/certificate?on={TODAY}"
    pdf = gateway.call("GET", certificate, token=token)
    assert pdf.status_code == 200, pdf.text
    assert pdf.headers["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF-")
    html = gateway.call("GET", certificate, token=token, headers={"Accept": "text/html"})
    assert html.headers["Content-Type"].startswith("text/html")
    assert "Eve &lt;script&gt;alert(1)&lt;/script&gt;" in html.text
    assert "<script>" not in html.text and "Verzekeraar &lt;b&gt;N.V.&lt;/b&gt;" in html.text
    assert "AVB collectief" in html.text

    opted_out = gateway.call("PATCH", f"{path}/{enrolled['id']}", token=token,
                             json={"ends_on": TODAY})
    assert opted_out.status_code == 200 and opted_out.json()["ends_on"] == TODAY
    later = gateway.call("GET", f"/v1/members/{member['id']}/insurance/certificate?on="
                                f"{TOMORROW}", token=token, headers={"Accept": "text/html"})
    assert "not insured" in later.text and "AVB collectief" not in later.text


def test_other_members_and_clients_do_not_reach_a_members_insurance(gateway):
    member, other = gateway.new_member(), gateway.new_member()
    other_token = gateway.token_for("member", member_id=other["id"])["token"]
    client = gateway.new_client()
    client_token = gateway.token_for("client", client_id=client["id"])["token"]
    for token, status in ((other_token, 404), (client_token, 403)):
        for path in ("insurance/enrolments", "insurance/certificate"):
            response = gateway.call("GET", f"/v1/members/{member['id']}/{path}", token=token)
            assert response.status_code == status, (path, response.text)
    policy = gateway.call("POST", "/v1/insurance/policies", token=other_token,
                          json=policy_body())
    assert policy.status_code == 403


def test_a_proposal_says_which_proposed_members_are_insured(gateway, team_world):  # noqa: F811
    world = team_world
    policy = a_policy(gateway)
    ada = world["members"][0]
    until(201, lambda: gateway.as_operator(
        "POST", f"/v1/members/{ada['id']}/insurance/enrolments",
        json={"policy_id": policy["id"], "starts_on": FIRST_OF_MONTH}))
    project = gateway.call("POST", "/v1/projects", token=world["mine"],
                           json=project_body(world["skill"])).json()
    proposed = gateway.call("POST", f"/v1/projects/{project['id']}/proposals",
                            token=world["mine"])
    assert proposed.status_code == 201, proposed.text

    def insured(proposal) -> dict:
        seen = {}
        for seat in proposal["best"]["seats"]:
            seen[seat["primary"]] = seat["professional_liability_insured"]
            seen[seat["backup"]["member_id"]] = seat["backup"]["professional_liability_insured"]
        return seen

    seen = insured(proposed.json())
    assert {m["id"] for m in world["members"]} >= set(seen)
    assert all(value is (member == ada["id"]) for member, value in seen.items())
    got = gateway.call("GET", f"/v1/proposals/{proposed.json()['id']}", token=world["mine"])
    assert insured(got.json()) == seen
    listed = gateway.call("GET", f"/v1/projects/{project['id']}/proposals", token=world["mine"])
    assert insured(listed.json()["items"][-1]) == seen

    # billing stops: the proposal is still served, coverage unknown (null)
    gateway.backends["billing"].kill()  # the fixture's own kill later is a no-op
    unknown = gateway.call("GET", f"/v1/proposals/{proposed.json()['id']}", token=world["mine"])
    assert unknown.status_code == 200, unknown.text
    assert insured(unknown.json()) == {member: None for member in seen}


def test_a_member_cannot_backdate_cover_an_operator_only_within_the_month(gateway):
    policy = a_policy(gateway)
    member = gateway.new_member()
    token = gateway.token_for("member", member_id=member["id"])["token"]
    path = f"/v1/members/{member['id']}/insurance/enrolments"
    yesterday = (datetime.now(UTC).date() - timedelta(days=1)).isoformat()
    backdated = until(422, lambda: gateway.call("POST", path, token=token, json={
        "policy_id": policy["id"], "starts_on": yesterday}))
    assert backdated.json()["rule"] == "EnrolmentBackdated"
    assert [e["field"] for e in backdated.json()["errors"]] == ["starts_on"]
    smuggled = gateway.call("POST", path, token=token, json={
        "policy_id": policy["id"], "starts_on": yesterday, "by_operator": True})
    assert smuggled.status_code == 422, smuggled.text
    last_month = (datetime.now(UTC).date().replace(day=1) - timedelta(days=1)).isoformat()
    too_early = gateway.as_operator("POST", path, json={"policy_id": policy["id"],
                                                        "starts_on": last_month})
    assert (too_early.status_code, too_early.json()["rule"]) == (422, "EnrolmentBackdated")
    enrolled = gateway.as_operator("POST", path, json={"policy_id": policy["id"],
                                                       "starts_on": FIRST_OF_MONTH})
    assert enrolled.status_code == 201, enrolled.text
    end = f"{path}/{enrolled.json()['id']}"
    if yesterday >= FIRST_OF_MONTH:  # on the 1st, yesterday is last month for both
        member_end = gateway.call("PATCH", end, token=token, json={"ends_on": yesterday})
        assert (member_end.status_code, member_end.json()["rule"]) == (422,
                                                                       "EnrolmentBackdated")
    operator_end = gateway.as_operator("PATCH", end, json={"ends_on": FIRST_OF_MONTH})
    assert operator_end.status_code == 200 and operator_end.json()["ends_on"] == FIRST_OF_MONTH


def test_a_certificate_for_an_unknown_member_is_not_found(gateway):
    response = gateway.as_operator("GET", f"/v1/members/{uuid.uuid4()}/insurance/certificate")
    assert (response.status_code, response.json()["rule"]) == (404, "MemberNotFound")

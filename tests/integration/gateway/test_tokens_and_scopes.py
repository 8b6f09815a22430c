"""Tokens, roles and object-level access (BOLA): a client never sees another client's data."""

import time
from datetime import UTC, datetime, timedelta

import pytest


def test_a_token_is_shown_once_works_and_stops_working_when_revoked(gateway):
    client = gateway.new_client()
    issued = gateway.token_for("client", client_id=client["id"])
    secret = issued["token"]
    assert secret.startswith("mt_live_")
    assert gateway.call("GET", f"/v1/clients/{client['id']}", token=secret).status_code == 200

    listed, cursor = [], None
    while True:  # other tests in the session issue tokens too: read every page
        page = gateway.as_operator("GET", "/v1/tokens",
                                   params={"limit": 100, "cursor": cursor}).json()
        listed += page["items"]
        if not (cursor := page["next_cursor"]):
            break
    shown = next(item for item in listed if item["id"] == issued["id"])
    assert "token" not in shown and secret not in str(listed)
    assert shown["prefix"] == secret[:12]

    assert gateway.as_operator("DELETE", f"/v1/tokens/{issued['id']}").status_code == 204
    after = gateway.call("GET", f"/v1/clients/{client['id']}", token=secret)
    assert after.status_code == 401
    assert gateway.as_operator("GET", f"/v1/tokens/{issued['id']}").json()["revoked_at"]


def test_an_expired_token_is_unauthorized(gateway):
    member = gateway.new_member()
    expires = (datetime.now(UTC) + timedelta(seconds=1)).isoformat()
    secret = gateway.token_for("member", member_id=member["id"], expires_at=expires)["token"]
    assert gateway.call("GET", f"/v1/members/{member['id']}", token=secret).status_code == 200
    time.sleep(1.2)
    assert gateway.call("GET", f"/v1/members/{member['id']}", token=secret).status_code == 401


def test_a_token_for_an_unknown_client_or_member_is_refused(gateway):
    unknown = "0b9f4d2e-8b4a-4c55-9d8e-0c3a6f1b2a11"
    for role, field in (("client", "client_id"), ("member", "member_id")):
        response = gateway.as_operator("POST", "/v1/tokens",
                                       json={"name": "x", "role": role, field: unknown})
        assert response.status_code == 422
        assert response.json()["errors"][0]["field"] == field


@pytest.mark.parametrize(
    ("role", "method", "path"),
    [
        ("client", "POST", "/v1/clients"),
        ("client", "GET", "/v1/tokens"),
        ("client", "GET", "/v1/members"),
        ("member", "GET", "/v1/clients"),
        ("member", "POST", "/v1/members"),
        ("member", "POST", "/v1/tokens"),
    ],
)
def test_a_valid_token_without_the_right_role_is_forbidden(gateway, role, method, path):
    scope = ({"client_id": gateway.new_client()["id"]} if role == "client"
             else {"member_id": gateway.new_member()["id"]})
    secret = gateway.token_for(role, **scope)["token"]
    response = gateway.call(method, path, token=secret, json={})
    assert response.status_code == 403, response.text
    assert response.json()["type"] == "/problems/forbidden"


def test_client_a_gets_404_for_everything_of_client_b(gateway):
    client_a, client_b = gateway.new_client("A BV"), gateway.new_client("B BV")
    token_a = gateway.token_for("client", client_id=client_a["id"])["token"]

    assert gateway.call("GET", f"/v1/clients/{client_b['id']}", token=token_a).status_code == 404
    patched = gateway.call("PATCH", f"/v1/clients/{client_b['id']}", token=token_a,
                           json={"name": "Taken over"})
    assert patched.status_code == 404
    assert gateway.as_operator("GET", f"/v1/clients/{client_b['id']}").json()["name"] == "B BV"

    own_list = gateway.call("GET", "/v1/clients", token=token_a).json()
    assert [client["id"] for client in own_list["items"]] == [client_a["id"]]
    own = gateway.call("PATCH", f"/v1/clients/{client_a['id']}", token=token_a,
                       json={"name": "A Holding BV"})
    assert own.status_code == 200 and own.json()["name"] == "A Holding BV"

    member = gateway.new_member()
    assert gateway.call("GET", f"/v1/profiles/{member['id']}", token=token_a).status_code == 404
    # the private view of members is not a client's route at all
    assert gateway.call("GET", f"/v1/members/{member['id']}", token=token_a).status_code == 403


def test_a_member_token_reaches_only_its_own_member(gateway):
    me, other = gateway.new_member(), gateway.new_member()
    token = gateway.token_for("member", member_id=me["id"])["token"]
    assert gateway.call("GET", f"/v1/members/{me['id']}", token=token).json()["id"] == me["id"]
    changed = gateway.call("PATCH", f"/v1/members/{me['id']}", token=token,
                           json={"city": "Leiden"})
    assert changed.status_code == 200 and changed.json()["city"] == "Leiden"
    assert gateway.call("GET", f"/v1/members/{other['id']}", token=token).status_code == 404
    assert gateway.call("PATCH", f"/v1/members/{other['id']}", token=token,
                        json={"city": "Leiden"}).status_code == 404


def test_missing_and_forged_tokens_are_unauthorized(gateway):
    assert gateway.call("GET", "/v1/members").status_code == 401
    forged = gateway.call("GET", "/v1/members", token="mt_live_" + "A" * 43)
    assert forged.status_code == 401
    assert forged.headers["WWW-Authenticate"].startswith("Bearer")

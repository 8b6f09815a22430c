"""The operators' federation routes, through a real gateway and federation service."""

import base64
import uuid

import pytest
import requests

from gateway.app import GatewayService
from services.federation.domain.keys import KeyPair
from services.federation.service import FederationService
from tests.support.system import free_port

SEAT_OFFERED = "coop.multitalent.seat_offered.v1"


@pytest.fixture
def http(run_services, operator_token, tmp_path):
    key = base64.b64encode(KeyPair.generate().private_key.private_bytes_raw()).decode()
    run_services(FederationService, COOP_URI="https://our-coop.example/",
                 FEDERATION_SIGNING_KEY=key, MULTITALENT_VAR_DIR=str(tmp_path))
    port = free_port()
    run_services(GatewayService, WEB_SERVER_ADDRESS=f"127.0.0.1:{port}",
                 OPERATOR_TOKEN=operator_token)
    session = requests.Session()
    session.headers["Authorization"] = f"Bearer {operator_token}"
    base = f"http://127.0.0.1:{port}"
    yield lambda method, path, **kwargs: session.request(method, base + path, timeout=15,
                                                         **kwargs)
    session.close()


def partner_details() -> dict:
    return {"coop_uri": f"https://coop-{uuid.uuid4().hex[:8]}.example/", "name": "Coop B",
            "public_keys": [KeyPair.generate().public.base64],
            "address": {"uri": "amqps://our-coop:s3cret@broker.coop-b.example:5671/",
                        "exchange": "federation.inbound"},
            "accepted_types": [SEAT_OFFERED], "shared_types": []}


def test_our_identity_is_what_a_partner_registers(http):
    identity = http("GET", "/v1/federation/identity").json()
    assert identity["coop_uri"] == "https://our-coop.example/"
    [key] = identity["public_keys"]
    assert key["status"] == "current" and len(base64.b64decode(key["public_key"])) == 32
    assert identity["inbound"]["exchange"] == "federation.inbound"
    assert SEAT_OFFERED in {t["type"] for t in identity["event_types"]}


def test_a_partner_is_registered_changed_and_its_key_rotated(http):
    created = http("POST", "/v1/federation/partners", json=partner_details())
    assert created.status_code == 201, created.text
    partner = created.json()
    assert created.headers["Location"] == f"/v1/federation/partners/{partner['id']}"
    assert partner["address"]["uri"] == "amqps://our-coop:***@broker.coop-b.example:5671/"
    assert "s3cret" not in created.text
    path = f"/v1/federation/partners/{partner['id']}"
    assert http("GET", path).json() == partner
    assert partner["id"] in {p["id"] for p in http("GET", "/v1/federation/partners",
                                                   params={"limit": 100}).json()["items"]}

    changed = http("PATCH", path, json={"shared_types": [SEAT_OFFERED]}).json()
    assert changed["shared_types"] == [SEAT_OFFERED] and changed["version"] == 2

    new_key = KeyPair.generate().public.base64
    added = http("POST", f"{path}/keys", json={"public_key": new_key})
    assert added.status_code == 201, added.text
    old_id = partner["keys"][0]["key_id"]
    retired = http("POST", f"{path}/keys/{old_id}/retirement").json()
    assert {k["key_id"]: k["status"] for k in retired["keys"]}[old_id] == "retired"
    again = http("POST", f"{path}/keys/{old_id}/retirement")
    assert again.status_code == 409 and again.json()["rule"] == "KeyAlreadyRetired"


def test_bad_input_and_unknown_partners_are_problems(http):
    bad_key = http("POST", "/v1/federation/partners",
                   json={**partner_details(), "public_keys": ["c2hvcnQ="]})
    assert bad_key.status_code == 422
    assert bad_key.json()["errors"][0]["field"] == "public_keys[0]"
    details = partner_details()
    assert http("POST", "/v1/federation/partners", json=details).status_code == 201
    duplicate = http("POST", "/v1/federation/partners", json=details)
    assert duplicate.status_code == 409 and duplicate.json()["rule"] == "PartnerAlreadyRegistered"
    assert http("GET", f"/v1/federation/partners/{uuid.uuid4()}").status_code == 404
    assert http("GET", "/v1/federation/partners/not-an-id").status_code == 404
    anonymous = http("GET", "/v1/federation/identity", headers={"Authorization": ""})
    assert anonymous.status_code == 401

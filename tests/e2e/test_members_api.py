"""The whole system through HTTP: gateway and every service as separate processes."""

import json
import time
import uuid

import pytest
import requests
from sqlalchemy import create_engine, func, select

from services.members.models import members as members_table
from tests.support.broker import EventTap
from tests.support.waiting import eventually


def new_member(**overrides) -> dict:
    return {
        "name": "Sanne Bakker",
        "email": f"sanne-{uuid.uuid4().hex[:8]}@example.nl",
        "kvk_number": "70000003",
        "btw_id": "NL100126704B01",
        "iban": "NL51ABNA0987654321",
        "hourly_rate": 80.5,
        **overrides,
    }


def assert_problem(response, status: int, problem_type: str) -> dict:
    assert response.status_code == status, response.text
    assert response.headers["Content-Type"] == "application/problem+json"
    body = response.json()
    assert body["type"] == f"/problems/{problem_type}"
    assert body["status"] == status
    assert body["instance"] == f"urn:request:{response.headers['X-Request-ID']}"
    return body


@pytest.fixture
def member_count(database_urls):
    engine = create_engine(database_urls["members"])

    def count(email: str) -> int:
        with engine.connect() as connection:
            query = select(func.count()).where(members_table.c.email == email)
            return connection.execute(query).scalar()

    yield count
    engine.dispose()


def listed_ids(api) -> list[str]:
    ids, cursor = [], None
    while True:
        page = api.get("/v1/members", params={"limit": 100, **({"cursor": cursor} if cursor
                                                               else {})}).json()
        ids += [item["id"] for item in page["items"]]
        if (cursor := page["next_cursor"]) is None:
            return ids


def test_health_and_readiness(system):
    assert requests.get(f"{system.url}/health", timeout=5).json() == {"status": "ok"}
    ready = requests.get(f"{system.url}/ready", timeout=10)
    assert ready.status_code == 200
    assert ready.json()["services"] == {name: "ok" for name in (
        "members", "matching", "billing", "learning", "federation")}


def test_create_read_list_and_change_a_member(api):
    created = api.post("/v1/members", json=new_member())
    assert created.status_code == 201, created.text
    member = created.json()
    assert created.headers["Location"] == f"/v1/members/{member['id']}"
    assert member["hourly_rate"] == "80.50"

    assert api.get(f"/v1/members/{member['id']}").json() == member

    assert member["id"] in listed_ids(api)

    changed = api.patch(f"/v1/members/{member['id']}", json={"city": "Zwolle"})
    assert changed.status_code == 200
    assert (changed.json()["city"], changed.json()["version"]) == ("Zwolle", 2)


def test_a_request_that_fails_validation_leaves_no_row_and_no_event(api, amqp_uri, member_count):
    tap = EventTap(amqp_uri, "members")
    try:
        details = new_member(kvk_number="12345", btw_id="NL123", iban="NL00BANK0000000000",
                             email="not-an-email", hourly_rate="12.345", favourite_colour="blue")
        response = api.post("/v1/members", json=details)
        body = assert_problem(response, 422, "validation-error")
        assert {error["field"] for error in body["errors"]} == {
            "kvk_number", "btw_id", "iban", "email", "hourly_rate", "favourite_colour"}
        assert member_count(details["email"]) == 0
        wrong_types = api.post("/v1/members", json=new_member(name=42, hourly_rate=[1]))
        assert {e["field"] for e in wrong_types.json()["errors"]} == {"name", "hourly_rate"}
        # a valid request afterwards is published: the tap would have seen an invalid one
        valid = api.post("/v1/members", json=new_member()).json()
        events = eventually(tap.drain, timeout=5)
        time.sleep(0.5)
        events += tap.drain()
        assert {event["subject"] for event in events} == {valid["id"]}
        assert {event["type"] for event in events} == {"member_created", "member_applied"}
    finally:
        tap.close()


def test_a_duplicate_email_conflicts(api):
    details = new_member()
    assert api.post("/v1/members", json=details).status_code == 201
    body = assert_problem(api.post("/v1/members", json=details), 409, "conflict")
    assert body["errors"] == [{"field": "email",
                               "message": "This e-mail address is already registered."}]


def test_malformed_and_oversized_requests_are_problems(api):
    assert_problem(api.post("/v1/members", data=b"{oops",
                            headers={"Content-Type": "application/json"}), 400,
                   "malformed-request")
    assert_problem(api.post("/v1/members", data=b"name=x",
                            headers={"Content-Type": "text/plain"}), 415,
                   "unsupported-media-type")
    huge = b'{"name": "' + b"x" * (1024 * 1024 + 1) + b'"}'
    assert_problem(api.post("/v1/members", data=huge,
                            headers={"Content-Type": "application/json"}), 413,
                   "payload-too-large")


def test_unknown_routes_methods_and_members_are_problems(api):
    assert_problem(api.get("/v1/nothing-here"), 404, "not-found")
    assert_problem(api.delete("/v1/members"), 405, "method-not-allowed")
    assert_problem(api.get(f"/v1/members/{uuid.uuid4()}"), 404, "not-found")
    assert_problem(api.get("/v1/members", params={"limit": 1000}), 422, "validation-error")
    assert_problem(api.get("/v1/members", params={"cursor": "forged"}), 422, "validation-error")
    assert_problem(api.patch(f"/v1/members/{uuid.uuid4()}", json={}), 422, "validation-error")


def test_the_api_needs_the_operator_token(system):
    anonymous = requests.get(f"{system.url}/v1/members", timeout=5)
    assert_problem(anonymous, 401, "unauthorized")
    wrong = requests.get(f"{system.url}/v1/members", timeout=5,
                         headers={"Authorization": "Bearer mt_op_guess"})
    assert_problem(wrong, 401, "unauthorized")


def test_the_request_id_is_returned_and_reaches_the_services_logs(api, system):
    request_id = f"trace-{uuid.uuid4().hex[:12]}"
    response = api.post("/v1/members", json=new_member(), headers={"X-Request-ID": request_id})
    assert response.headers["X-Request-ID"] == request_id
    members_log = system.log_dir / "members.log"
    line = eventually(lambda: next((json.loads(line) for line in members_log.read_text()
                                    .splitlines() if request_id in line), None), timeout=5)
    assert line["request_id"] == request_id
    assert line["entrypoint"] == "members.create_member"
    assert api.get("/v1/nothing").headers["X-Request-ID"]

"""Idempotency, pagination, rate limits, CORS, security headers, metrics, documentation."""

import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest
import redis
import requests

from gateway.app import GatewayService
from gateway.openapi import api_routes, openapi_path
from tests.integration.gateway.conftest import member_details
from tests.support.broker import reachable


def test_a_retried_post_with_the_same_key_replays_the_first_response(gateway):
    details = member_details()
    key = str(uuid.uuid4())
    first = gateway.as_operator("POST", "/v1/members", json=details,
                                headers={"Idempotency-Key": key})
    again = gateway.as_operator("POST", "/v1/members", json=details,
                                headers={"Idempotency-Key": key})
    assert first.status_code == again.status_code == 201
    assert again.json() == first.json()
    assert again.headers["Location"] == first.headers["Location"]
    assert again.headers["Idempotent-Replayed"] == "true"

    other = gateway.as_operator("POST", "/v1/members", json=member_details(),
                                headers={"Idempotency-Key": key})
    assert other.status_code == 422
    assert other.json()["type"] == "/problems/idempotency-key-reused"


def test_concurrent_duplicates_have_one_effect(gateway):
    details = member_details()
    key = str(uuid.uuid4())

    def post(_):
        return gateway.as_operator("POST", "/v1/members", json=details,
                                   headers={"Idempotency-Key": key})

    with ThreadPoolExecutor(max_workers=6) as pool:
        responses = list(pool.map(post, range(6)))
    statuses = sorted(response.status_code for response in responses)
    assert set(statuses) <= {201, 409}, statuses
    created_ids = {r.json()["id"] for r in responses if r.status_code == 201}
    assert len(created_ids) == 1


def test_paging_through_more_than_250_members_while_others_are_added(gateway, rpc):
    before = {m["id"] for m in _all_members(gateway)}
    created = {rpc.members.create_member(member_details())["id"] for _ in range(260)}
    seen, cursor, pages = [], None, 0
    while True:
        params = {"limit": 100, **({"cursor": cursor} if cursor else {})}
        page = gateway.as_operator("GET", "/v1/members", params=params).json()
        seen += [member["id"] for member in page["items"]]
        rpc.members.create_member(member_details())  # an insert between two pages
        pages += 1
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert len(seen) == len(set(seen))
    assert (before | created) <= set(seen)
    assert pages >= 3


def _all_members(gateway) -> list[dict]:
    members, cursor = [], None
    while True:
        params = {"limit": 100, **({"cursor": cursor} if cursor else {})}
        page = gateway.as_operator("GET", "/v1/members", params=params).json()
        members += page["items"]
        if (cursor := page["next_cursor"]) is None:
            return members


@pytest.mark.parametrize("params", [{"limit": 0}, {"limit": 101}, {"limit": -5},
                                    {"limit": "many"}, {"cursor": "forged"}, {"colour": "red"}])
def test_bad_list_arguments_are_422(gateway, params):
    response = gateway.as_operator("GET", "/v1/members", params=params)
    assert response.status_code == 422
    assert response.headers["Content-Type"] == "application/problem+json"


def test_a_token_over_its_rate_limit_gets_429_with_retry_after(start_gateway):
    # per hour: the sliding-window counter weighs the previous window in, so a test that
    # happened to straddle a window's edge could see one request more get through
    gateway = start_gateway(RATE_LIMIT="5/hour", ANONYMOUS_RATE_LIMIT="3/hour")
    statuses = [gateway.as_operator("GET", "/v1/members").status_code for _ in range(6)]
    assert statuses == [200] * 5 + [429]
    limited = gateway.as_operator("GET", "/v1/members")
    assert limited.json()["type"] == "/problems/rate-limited"
    assert 1 <= int(limited.headers["Retry-After"]) <= 3600
    guesses = [gateway.call("GET", "/v1/members", token=f"mt_live_guess{n}").status_code
               for n in range(4)]
    assert guesses == [401, 401, 401, 429]


def test_gateway_replicas_share_rate_limits_through_redis(start_gateway):
    if not reachable("127.0.0.1", 6379):
        pytest.fail("Redis is needed at 127.0.0.1:6379 for shared rate limits", pytrace=False)
    # Redis outlives a test run and CI runs this test twice, possibly at the same time:
    # limits count per token, and every token here is new, so counters never meet; the
    # database is one of the test's own so nothing else's keys are touched
    storage_url = "redis://127.0.0.1:6379/15"
    assert redis.Redis.from_url(storage_url).ping()
    shared = {"RATE_LIMIT_STORAGE_URL": storage_url, "RATE_LIMIT": "4/hour"}
    first, second = start_gateway(**shared), start_gateway(**shared)
    member = first.new_member()  # operator calls count against the operator's token...
    secret = first.token_for("member", member_id=member["id"])["token"]  # ...a fresh token
    path = f"/v1/members/{member['id']}"
    statuses = [replica.call("GET", path, token=secret).status_code
                for replica in (first, second, first, second, first)]
    assert statuses == [200, 200, 200, 200, 429]


def test_every_response_has_security_headers_and_cors_only_for_allowed_origins(start_gateway):
    gateway = start_gateway(CORS_ALLOWED_ORIGINS=["https://app.example.nl"])
    allowed = gateway.as_operator("GET", "/v1/members",
                                  headers={"Origin": "https://app.example.nl"})
    assert allowed.headers["Access-Control-Allow-Origin"] == "https://app.example.nl"
    assert "X-Request-ID" in allowed.headers["Access-Control-Expose-Headers"]
    other = gateway.as_operator("GET", "/v1/members", headers={"Origin": "https://evil.example"})
    assert "Access-Control-Allow-Origin" not in other.headers
    for response in (allowed, other, gateway.call("GET", "/nowhere")):
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        assert response.headers["X-Frame-Options"] == "DENY"
        assert "frame-ancestors 'none'" in response.headers["Content-Security-Policy"]
    preflight = gateway.call("OPTIONS", "/v1/members", headers={
        "Origin": "https://app.example.nl", "Access-Control-Request-Method": "POST"})
    assert preflight.status_code == 204
    assert "Idempotency-Key" in preflight.headers["Access-Control-Allow-Headers"]


def test_metrics_count_requests_by_route_and_time_rpc_calls(gateway):
    member = gateway.new_member()
    gateway.as_operator("GET", f"/v1/members/{member['id']}")
    metrics = requests.get(gateway.url + "/metrics", timeout=5).text
    assert ('gateway_requests_total{method="GET",route="/v1/members/<member_id>",status="200"}'
            in metrics)
    assert 'gateway_rpc_duration_seconds_count{method="get_member",outcome="ok",' in metrics


def test_every_route_is_documented_and_the_docs_page_is_served(gateway):
    document = requests.get(gateway.url + "/v1/openapi.json", timeout=5).json()
    assert document["openapi"].startswith("3.1")
    for method_name, route in api_routes(GatewayService):
        operation = document["paths"][openapi_path(route.url)][route.method.lower()]
        assert operation["operationId"] == method_name
        assert operation["responses"]
        assert "500" in operation["responses"]
        if route.roles is not None:
            assert {"401", "403", "429", "504"} <= set(operation["responses"])
    problem = document["components"]["schemas"]["Problem"]
    assert {"type", "title", "status", "detail", "instance"} <= set(problem["required"])
    page = requests.get(gateway.url + "/docs", timeout=5)
    assert page.status_code == 200 and "swagger-ui" in page.text
    for asset in ("swagger-ui.css", "swagger-ui-bundle.js", "docs.js"):
        assert requests.get(f"{gateway.url}/docs/{asset}", timeout=5).status_code == 200
    assert requests.get(f"{gateway.url}/docs/../../etc/passwd", timeout=5).status_code == 404

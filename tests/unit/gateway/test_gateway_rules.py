import warnings
from datetime import UTC, datetime, timedelta

import pytest
from marshmallow import ValidationError

from gateway.app import GatewayService
from gateway.idempotency import request_fingerprint
from gateway.openapi import openapi_document, openapi_path
from gateway.problems import Problem
from gateway.ratelimit import RateLimiter
from gateway.schemas import TokenRequestSchema
from gateway.server import cors_headers
from gateway.tokens import Token, hash_secret, new_secret

NOW = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)


def test_secrets_are_long_random_and_stored_only_as_a_hash():
    first, second = new_secret(), new_secret()
    assert first.startswith("mt_live_") and len(first) >= 8 + 43
    assert first != second
    assert hash_secret(first) != first and len(hash_secret(first)) == 64


def test_a_token_is_usable_until_it_expires_or_is_revoked():
    token = Token("id", "n", "client", "c", None, "mt_live_abcd", NOW, NOW + timedelta(days=1),
                  None)
    assert token.usable(NOW)
    assert not token.usable(NOW + timedelta(days=2))
    revoked = Token("id", "n", "client", "c", None, "p", NOW, None, NOW)
    assert not revoked.usable(NOW)


@pytest.mark.parametrize(
    ("wanted", "field"),
    [
        ({"name": "x", "role": "client"}, "client_id"),
        ({"name": "x", "role": "member"}, "member_id"),
        ({"name": "x", "role": "operator", "client_id": "0b9f4d2e-8b4a-4c55-9d8e-0c3a6f1b2a11"},
         "client_id"),
        ({"name": "x", "role": "client", "client_id": "0b9f4d2e-8b4a-4c55-9d8e-0c3a6f1b2a11",
          "member_id": "0b9f4d2e-8b4a-4c55-9d8e-0c3a6f1b2a11"}, "member_id"),
        ({"name": "x", "role": "operator", "expires_at": "2001-01-01T00:00:00+00:00"},
         "expires_at"),
        ({"name": "x", "role": "king"}, "role"),
        ({"name": "", "role": "operator"}, "name"),
    ],
)
def test_a_token_request_needs_the_scope_its_role_implies(wanted, field):
    with pytest.raises(ValidationError) as raised:
        TokenRequestSchema().load(wanted)
    assert field in raised.value.messages


def test_the_idempotency_fingerprint_covers_method_path_and_body():
    base = request_fingerprint("POST", "/v1/members", b'{"a": 1}')
    assert base == request_fingerprint("POST", "/v1/members", b'{"a": 1}')
    assert base != request_fingerprint("POST", "/v1/members", b'{"a": 2}')
    assert base != request_fingerprint("POST", "/v1/clients", b'{"a": 1}')


def test_werkzeug_rules_become_openapi_paths():
    assert openapi_path("/v1/members/<member_id>") == "/v1/members/{member_id}"
    assert openapi_path("/docs/<path:asset>") == "/docs/{asset}"


def test_cors_headers_only_for_allowed_origins():
    allowed = ("https://app.example.nl",)
    assert cors_headers("https://app.example.nl", allowed)["Access-Control-Allow-Origin"] == (
        "https://app.example.nl")
    assert cors_headers("https://evil.example", allowed) == {}
    assert cors_headers(None, allowed) == {}


def test_the_rate_limiter_answers_429_with_retry_after_past_the_limit():
    limiter = RateLimiter("memory://", "3/minute", "1/minute")
    for _ in range(3):
        limiter.hit("token:a", anonymous=False)
    with pytest.raises(Problem) as raised:
        limiter.hit("token:a", anonymous=False)
    assert raised.value.status == 429
    assert 1 <= int(raised.value.headers["Retry-After"]) <= 60
    limiter.hit("token:b", anonymous=False)  # another caller has its own budget
    limiter.hit("ip:1.2.3.4", anonymous=True)
    with pytest.raises(Problem):
        limiter.hit("ip:1.2.3.4", anonymous=True)


def test_every_schema_has_one_openapi_name_none_silently_numbered():
    with warnings.catch_warnings():
        warnings.simplefilter("error", UserWarning)  # apispec warns when it renames one
        names = set(openapi_document(GatewayService)["components"]["schemas"])
    assert {"Address", "BillingAddress", "Health", "MatchingHealth"} <= names
    assert not [name for name in names if name[-1].isdigit()]

from decimal import Decimal

import pytest
from werkzeug.exceptions import UnsupportedMediaType
from werkzeug.test import EnvironBuilder
from werkzeug.wrappers import Request

from gateway.auth import (
    Authenticator,
    bearer_secret,
    require_client_scope,
    require_member_scope,
    require_role,
)
from gateway.http import json_response
from gateway.problems import Problem
from gateway.requests import json_body, query_args, request_id_of
from gateway.tokens import Caller


def request(body=b"", content_type="application/json", headers=None, query=None) -> Request:
    builder = EnvironBuilder(method="POST", data=body, content_type=content_type,
                             headers=headers or {}, query_string=query)
    return Request(builder.get_environ())


def test_a_json_object_is_parsed_with_exact_decimals():
    assert json_body(request(b'{"hourly_rate": 85.10}')) == {"hourly_rate": Decimal("85.10")}


@pytest.mark.parametrize(
    ("body", "status"),
    [(b"", 400), (b"{not json", 400), (b'{"a": NaN}', 400), (b"\xff\xfe", 400),
     (b"[1, 2]", 422), (b'"text"', 422)],
)
def test_bodies_that_are_not_a_json_object_are_problems(body, status):
    with pytest.raises(Problem) as raised:
        json_body(request(body))
    assert raised.value.status == status


def test_other_content_types_are_refused():
    with pytest.raises(UnsupportedMediaType):
        json_body(request(b"name=x", content_type="application/x-www-form-urlencoded"))


def test_a_repeated_query_argument_becomes_a_list():
    assert query_args(request(query="ids=a&ids=b&cursor=abc")) == {"ids": ["a", "b"],
                                                                  "cursor": "abc"}


def test_a_sane_request_id_is_kept_and_anything_else_replaced():
    assert request_id_of(request(headers={"X-Request-ID": "abc-123"})) == "abc-123"
    replaced = request_id_of(request(headers={"X-Request-ID": "<script>"}))
    assert replaced != "<script>" and len(replaced) == 36


def test_results_become_json_responses_with_status_and_headers():
    response = json_response((201, {"Location": "/v1/members/1"}, {"id": "1"}))
    assert response.status_code == 201
    assert response.headers["Location"] == "/v1/members/1"
    assert response.get_json() == {"id": "1"}
    assert json_response({"amount": Decimal("1.50")}).get_json() == {"amount": "1.50"}
    assert json_response((204, None)).get_data() == b""


@pytest.mark.parametrize("header", [None, "", "Bearer", "Bearer  ", "Basic abc", "abc"])
def test_anything_but_a_bearer_token_is_unauthorized(header):
    with pytest.raises(Problem) as raised:
        bearer_secret(header)
    assert raised.value.status == 401
    assert "Bearer" in raised.value.headers["WWW-Authenticate"]


def test_roles_and_scopes():
    client_a = Caller("client", "t1", client_id="a")
    member_m = Caller("member", "t2", member_id="m")
    operator = Caller("operator", "t3")
    require_role(client_a, ("operator", "client"))
    with pytest.raises(Problem) as forbidden:
        require_role(client_a, ("operator",))
    assert forbidden.value.status == 403
    require_client_scope(client_a, "a")
    require_client_scope(operator, "b")
    with pytest.raises(Problem) as hidden:
        require_client_scope(client_a, "b")
    assert hidden.value.status == 404
    require_member_scope(member_m, "m")
    with pytest.raises(Problem) as hidden:
        require_member_scope(member_m, "other")
    assert hidden.value.status == 404


def test_the_bootstrap_operator_is_rate_limited_per_token_not_per_deployment():
    # the issued-token store is never asked: the bootstrap token is checked first
    first, again = Authenticator("mt_op_first", None), Authenticator("mt_op_first", None)
    other = Authenticator("mt_op_other", None)
    key = first.authenticate("Bearer mt_op_first").rate_limit_key
    assert key == again.authenticate("Bearer mt_op_first").rate_limit_key
    assert key != other.authenticate("Bearer mt_op_other").rate_limit_key
    assert "mt_op_first" not in key
    assert first.authenticate("Bearer mt_op_first").token_id == "operator-bootstrap"

import json

from nameko.exceptions import UnknownService
from werkzeug.exceptions import MethodNotAllowed, RequestEntityTooLarge

from gateway.problems import problem_from_exception, problem_response
from infra.errors import Conflict, Forbidden, Invalid, NotFound
from infra.rpc import ServiceUnavailable


def body_of(error: Exception) -> tuple[int, dict, str]:
    response = problem_response(problem_from_exception(error), "req-1")
    return response.status_code, json.loads(response.get_data()), response.mimetype


def test_service_errors_map_to_their_statuses():
    assert body_of(Invalid("bad", [{"field": "x", "message": "y"}]))[0] == 422
    assert body_of(NotFound("gone"))[0] == 404
    assert body_of(Conflict("taken"))[0] == 409
    assert body_of(Forbidden("no"))[0] == 403
    assert body_of(ServiceUnavailable("members", "get_member", 5))[0] == 504
    assert body_of(UnknownService("members"))[0] == 503
    assert body_of(RequestEntityTooLarge())[0] == 413
    assert body_of(MethodNotAllowed())[0] == 405


def test_a_validation_problem_lists_each_field():
    status, body, mimetype = body_of(
        Invalid("Invalid input: kvk_number", [{"field": "kvk_number", "message": "8 digits"}])
    )
    assert mimetype == "application/problem+json"
    assert body == {
        "type": "/problems/validation-error",
        "title": "Validation failed",
        "status": 422,
        "detail": "Invalid input: kvk_number",
        "instance": "urn:request:req-1",
        "request_id": "req-1",
        "errors": [{"field": "kvk_number", "message": "8 digits"}],
    }


def test_a_broken_rule_is_named():
    class EmailAlreadyRegistered(Conflict):
        pass

    assert body_of(EmailAlreadyRegistered("taken"))[1]["rule"] == "EmailAlreadyRegistered"


def test_unexpected_errors_reveal_nothing():
    status, body, _ = body_of(KeyError("secret internals"))
    assert status == 500
    assert "secret" not in json.dumps(body)
    assert body["request_id"] == "req-1"


def test_a_wrong_method_tells_which_methods_are_allowed():
    response = problem_response(
        problem_from_exception(MethodNotAllowed(valid_methods=["GET", "POST"])), "req-2")
    assert response.status_code == 405
    assert response.headers["Allow"] == "GET, POST"


def test_a_schema_the_gateway_loads_itself_fails_as_a_validation_problem():
    from marshmallow import ValidationError

    status, body, _ = body_of(ValidationError({"client_id": ["A client token needs one."]}))
    assert status == 422
    assert body["errors"] == [{"field": "client_id", "message": "A client token needs one."}]

"""RFC 9457 problem details: every error the API returns, in one place.

Each problem type is a relative URI under /problems/ with a fixed title and status.
"""

import json

from marshmallow import ValidationError
from nameko.exceptions import UnknownService
from werkzeug.exceptions import HTTPException
from werkzeug.wrappers import Response

from infra.errors import Conflict, Forbidden, Invalid, NotFound
from infra.rpc import ServiceUnavailable
from infra.schemas import invalid

PROBLEM_JSON = "application/problem+json"


class Problem(Exception):
    """An error the gateway itself detects, before any service is asked."""

    def __init__(self, status: int, slug: str, title: str, detail: str, headers=None,
                 errors=None, rule=None):
        super().__init__(detail)
        self.status = status
        self.slug = slug
        self.title = title
        self.detail = detail
        self.headers = headers or {}
        self.errors = errors
        self.rule = rule


def unauthorized(detail: str) -> Problem:
    return Problem(401, "unauthorized", "Unauthorized", detail,
                   headers={"WWW-Authenticate": 'Bearer realm="multitalent"'})


def malformed(detail: str) -> Problem:
    return Problem(400, "malformed-request", "Malformed request", detail)


def invalid_body(detail: str) -> Problem:
    return Problem(422, "validation-error", "Validation failed", detail,
                   errors=[{"field": "body", "message": detail}])


_SERVICE_ERRORS = {
    Invalid: (422, "validation-error", "Validation failed"),
    NotFound: (404, "not-found", "Not found"),
    Conflict: (409, "conflict", "Conflict"),
    Forbidden: (403, "forbidden", "Forbidden"),
}

_HTTP_SLUGS = {
    400: "malformed-request",
    404: "not-found",
    405: "method-not-allowed",
    413: "payload-too-large",
    415: "unsupported-media-type",
}


def problem_from_exception(error: Exception) -> Problem:
    """Map any exception to a problem; unknown ones become a 500 without details."""
    if isinstance(error, Problem):
        return error
    if isinstance(error, ValidationError):  # a schema the gateway itself loads
        error = invalid(error)
    for error_type, (status, slug, title) in _SERVICE_ERRORS.items():
        if isinstance(error, error_type):
            return Problem(status, slug, title, error.detail, errors=error.errors or None,
                           rule=error.rule)
    if isinstance(error, ServiceUnavailable):
        return Problem(504, "service-timeout", "Service did not answer in time", str(error))
    if isinstance(error, UnknownService):
        return Problem(503, "service-unavailable", "Service unavailable",
                       f"{error}: the service is not running.")
    if isinstance(error, HTTPException):
        status = error.code or 500
        slug = _HTTP_SLUGS.get(status, "http-error")
        allow = dict(error.get_headers()).get("Allow")
        return Problem(status, slug, error.name, error.description or error.name,
                       headers={"Allow": allow} if allow else None)
    return Problem(500, "internal-error", "Internal error",
                   "An unexpected error happened; quote the request id when reporting it.")


def problem_response(problem: Problem, request_id: str) -> Response:
    body = {
        "type": f"/problems/{problem.slug}",
        "title": problem.title,
        "status": problem.status,
        "detail": problem.detail,
        "instance": f"urn:request:{request_id}",
        "request_id": request_id,
    }
    if problem.errors:
        body["errors"] = problem.errors
    if problem.rule:
        body["rule"] = problem.rule
    headers = {**problem.headers, "X-Request-ID": request_id}
    return Response(json.dumps(body), status=problem.status, headers=headers,
                    content_type=PROBLEM_JSON)

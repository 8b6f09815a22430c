"""The gateway's HTTP entrypoint: every route is declared with `api(...)`.

For each request the entrypoint: gives it a request id, checks the body size, lets
the gatekeeper admit the caller (token, rate limit, role), runs the handler in a
nameko worker (the request id and caller travel in its context to every RPC),
answers JSON, turns any exception into an RFC 9457 problem, replays idempotent
POSTs, and records metrics and one access-log line.

The route's documentation (summary, schemas, status) is declared with it and
becomes the OpenAPI description (gateway/openapi.py).
"""

import json
import logging
import time
from dataclasses import dataclass, field
from decimal import Decimal
from functools import partial

from eventlet.event import Event
from nameko.web.handlers import HttpRequestHandler
from werkzeug.exceptions import RequestEntityTooLarge
from werkzeug.wrappers import Request, Response

from gateway import metrics
from gateway.gatekeeper import Gatekeeper
from gateway.problems import problem_from_exception, problem_response
from gateway.requests import MAX_BODY_BYTES, request_id_of
from gateway.server import GatewayWebServer

access_log = logging.getLogger("multitalent.access")
ALL_ROLES = ("operator", "client", "member")


@dataclass(frozen=True)
class RouteDoc:
    """What OpenAPI says about a route."""

    summary: str
    tag: str
    body: object = None          # marshmallow schema of the JSON body
    query: object = None         # marshmallow schema of the query arguments
    response: object = None      # marshmallow schema of the success body
    status: int = 200
    media_type: str | tuple = "application/json"  # a tuple: chosen by the Accept header
    problems: tuple = field(default_factory=tuple)  # extra problem statuses besides the usual


class _JsonEncoder(json.JSONEncoder):
    def default(self, value):
        if isinstance(value, Decimal):
            return str(value)
        return super().default(value)


def json_response(result) -> Response:
    """`body`, `(status, body)` or `(status, headers, body)` as a JSON response."""
    if isinstance(result, Response):
        return result
    status, headers, body = 200, {}, result
    if isinstance(result, tuple):
        status, headers, body = result if len(result) == 3 else (result[0], {}, result[1])
    if body is None:
        return Response(status=status, headers=headers)
    return Response(json.dumps(body, cls=_JsonEncoder), status=status, headers=headers,
                    content_type="application/json")


class ApiEndpoint(HttpRequestHandler):
    server = GatewayWebServer()
    gatekeeper = Gatekeeper()

    def __init__(self, method: str, url: str, doc: RouteDoc, roles=ALL_ROLES,
                 public: bool = False, rate_limited: bool = True, **kwargs):
        self.doc = doc
        self.roles = None if public else tuple(roles)
        self.rate_limited = rate_limited
        super().__init__(method, url, **kwargs)

    def handle_request(self, request: Request) -> Response:
        started = time.monotonic()
        request.shallow = False
        request.max_content_length = MAX_BODY_BYTES
        request_id = request_id_of(request)
        caller = None
        try:
            if request.content_length and request.content_length > MAX_BODY_BYTES:
                raise RequestEntityTooLarge(f"The body is larger than {MAX_BODY_BYTES} bytes.")
            caller = self.gatekeeper.admit(request, self.roles, self.rate_limited)
            request.caller = caller
            response = self.gatekeeper.once(
                request, caller, partial(self._respond, request, request_id))
        except Exception as error:
            response = problem_response(problem_from_exception(error), request_id)
        response.headers["X-Request-ID"] = request_id
        response.headers.setdefault("Cache-Control", "no-store")
        self._record(request, response, request_id, caller, time.monotonic() - started)
        return response

    def _respond(self, request: Request, request_id: str) -> Response:
        try:
            return json_response(self._run_worker(request, request_id))
        except Exception as error:
            problem = problem_from_exception(error)
            if problem.status == 500:
                access_log.error("request failed", exc_info=error,
                                 extra={"request_id": request_id})
            return problem_response(problem, request_id)

    def _run_worker(self, request: Request, request_id: str):
        args, kwargs = self.get_entrypoint_parameters(request)
        self.check_signature(args, kwargs)
        context_data = {"request_id": request_id}
        if request.caller is not None:
            context_data["token_id"] = request.caller.token_id
        done = Event()
        self.container.spawn_worker(
            self, args, kwargs,
            context_data=context_data,
            handle_result=partial(self.handle_result, done),
        )
        return done.wait()  # raises the handler's exception, if any

    def _record(self, request, response, request_id, caller, seconds) -> None:
        metrics.observe_request(self.url, request.method, response.status_code, seconds)
        access_log.info(
            "%s %s %s", request.method, request.path, response.status_code,
            extra={"request_id": request_id, "method": request.method, "path": request.path,
                   "status": response.status_code, "duration_ms": round(seconds * 1000, 1),
                   "token_id": caller.token_id if caller else None},
        )


api = ApiEndpoint.decorator

"""The website's HTML entrypoint: like the API's (`gateway/http.py`) — request id, body size
limit, the anonymous rate limit, metrics and an access-log line — but every answer is a
page, and every error a readable page in the visitor's language (never a bare 500 or a
JSON problem, unless the client asks for `application/problem+json`).

It is not an `ApiEndpoint`, so these routes stay out of the OpenAPI document.
"""

import logging
import time
from functools import partial

from eventlet.event import Event
from marshmallow import ValidationError
from nameko.exceptions import UnknownService
from nameko.web.handlers import HttpRequestHandler
from werkzeug.exceptions import HTTPException, RequestEntityTooLarge
from werkzeug.wrappers import Request, Response

from gateway import metrics
from gateway.gatekeeper import Gatekeeper
from gateway.problems import PROBLEM_JSON, Problem, problem_from_exception, problem_response
from gateway.requests import request_id_of
from gateway.server import GatewayWebServer
from gateway.website.csrf import CsrfRejected
from gateway.website.form import MAX_FORM_BYTES
from gateway.website.i18n import LANGUAGES, N_, preferred_language
from gateway.website.kit import WebsiteKit
from infra.errors import Conflict, Forbidden, Invalid, NotFound
from infra.rpc import ServiceUnavailable

access_log = logging.getLogger("multitalent.access")

# status → (title, explanation): message ids of the catalogues
ERROR_PAGES = {
    400: (N_("This link is not valid"), N_("The address or the search could not be understood. "
          "Start again from the home page.")),
    403: (N_("The form has expired"), N_("For your safety the form only works for a while and "
          "only from this website. Open the form again and send it once more.")),
    404: (N_("Page not found"), N_("There is no page at this address, or the profile is no longer "
          "public.")),
    405: (N_("This page cannot do that"), N_("Open the page with a link from this website.")),
    409: (N_("Something changed meanwhile"), N_("Please try again.")),
    413: (N_("Too much text"), N_("What you sent is larger than this form accepts. Shorten the "
          "longest fields and send it again.")),
    429: (N_("Too many requests"), N_("You sent many requests in a short time. Wait a minute and "
          "try again.")),
    500: (N_("Something went wrong"), N_("This is our mistake. Please try again later.")),
    503: (N_("Temporarily unavailable"), N_("Part of our system is not answering right now. Please "
          "try again in a few minutes.")),
}


def error_status(error: Exception) -> int:
    if isinstance(error, CsrfRejected):
        return 403
    if isinstance(error, Problem):
        return error.status if error.status in ERROR_PAGES else 400
    if isinstance(error, NotFound):
        return 404
    if isinstance(error, (Invalid, ValidationError)):
        return 400
    if isinstance(error, Conflict):
        return 409
    if isinstance(error, Forbidden):
        return 403
    if isinstance(error, (ServiceUnavailable, UnknownService)):
        return 503
    if isinstance(error, HTTPException) and error.code in ERROR_PAGES:
        return error.code
    return 500


def wants_problem_json(request: Request) -> bool:
    accept = request.accept_mimetypes
    return accept.quality(PROBLEM_JSON) > accept.quality("text/html")


class PageEndpoint(HttpRequestHandler):
    server = GatewayWebServer()
    gatekeeper = Gatekeeper()
    kit = WebsiteKit()

    def __init__(self, method: str, url: str, rate_limited: bool = True, **kwargs):
        self.rate_limited = rate_limited
        super().__init__(method, url, **kwargs)

    def handle_request(self, request: Request) -> Response:
        started = time.monotonic()
        request.shallow = False
        request.max_content_length = MAX_FORM_BYTES
        request.max_form_memory_size = MAX_FORM_BYTES
        request_id = request_id_of(request)
        try:
            if request.content_length and request.content_length > MAX_FORM_BYTES:
                raise RequestEntityTooLarge()
            self.gatekeeper.admit(request, None, self.rate_limited)
            response = self._run_worker(request, request_id)
        except Exception as error:
            response = self.error_page(request, error, request_id)
        response.headers["X-Request-ID"] = request_id
        response.headers.setdefault("Cache-Control", "no-store")
        seconds = time.monotonic() - started
        metrics.observe_request(self.url, request.method, response.status_code, seconds)
        access_log.info("%s %s %s", request.method, request.path, response.status_code,
                        extra={"request_id": request_id, "method": request.method,
                               "path": request.path, "status": response.status_code,
                               "duration_ms": round(seconds * 1000, 1), "token_id": None})
        return response

    def _run_worker(self, request: Request, request_id: str) -> Response:
        args, kwargs = self.get_entrypoint_parameters(request)
        self.check_signature(args, kwargs)
        done = Event()
        self.container.spawn_worker(self, args, kwargs, context_data={"request_id": request_id},
                                    handle_result=partial(self.handle_result, done))
        return done.wait()  # raises the handler's exception, if any

    def error_page(self, request: Request, error: Exception, request_id: str) -> Response:
        status = error_status(error)
        if status == 500:
            access_log.error("page failed", exc_info=error, extra={"request_id": request_id})
        headers = {}
        if isinstance(error, Problem) and "Retry-After" in error.headers:
            headers["Retry-After"] = error.headers["Retry-After"]
        if wants_problem_json(request):
            problem = problem_from_exception(error)
            problem.status = status
            problem.headers = {**problem.headers, **headers}
            return problem_response(problem, request_id)
        lang = getattr(request, "path_values", {}).get("lang")
        if lang not in LANGUAGES:
            lang = preferred_language(request.accept_languages)
        title, text = ERROR_PAGES[status]
        return self.kit.pages.render(lang, "error.html", "/", status=status, headers=headers,
                                     status_code=status, title=title, text=text,
                                     request_id=request_id)


page = PageEndpoint.decorator

"""The gateway's WSGI layer: what every response gets, whichever route (or none) answers.

- unmatched routes and wrong methods become problem+json (not Werkzeug's HTML)
- CORS for the origins in CORS_ALLOWED_ORIGINS, including preflight requests
- security headers on every response
- the client's address (`REMOTE_ADDR`, so `request.remote_addr`) resolved once, behind
  TRUSTED_PROXY_HOPS reverse proxies (gateway/requests.py `client_address`), for every
  per-IP rate limit and for eventlet's access-log line alike; the connection's own peer
  stays in the environ as `gateway.peer_address`; likewise the scheme the client used
  (`wsgi.url_scheme`, from X-Forwarded-Proto: `client_scheme`), so cookies are Secure
  behind a load balancer that ends TLS
"""

from eventlet.wsgi import addr_to_host_port
from nameko.web.server import HttpOnlyProtocol, WebServer, WsgiApp
from werkzeug.exceptions import HTTPException
from werkzeug.wrappers import Request, Response

from gateway.problems import problem_from_exception, problem_response
from gateway.requests import client_address, client_scheme, request_id_of
from infra import config

MAX_URL_BYTES = 256 * 1024
SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Strict-Transport-Security": "max-age=31536000; includeSubDomains",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'",
}
# The docs page runs Swagger UI's own script and styles, served by the gateway itself.
DOCS_CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'"
)
CORS_ALLOWED_HEADERS = "Authorization, Content-Type, Idempotency-Key, X-Request-ID"
CORS_EXPOSED_HEADERS = ("X-Request-ID, Location, Retry-After, Idempotent-Replayed, "
                        "RateLimit-Remaining")


def cors_headers(origin: str | None, allowed: tuple[str, ...]) -> dict:
    if not origin or origin not in allowed:
        return {}
    return {"Access-Control-Allow-Origin": origin,
            "Access-Control-Expose-Headers": CORS_EXPOSED_HEADERS,
            "Vary": "Origin"}


def preflight_response(request: Request, allowed: tuple[str, ...]) -> Response:
    headers = cors_headers(request.headers.get("Origin"), allowed)
    if headers:
        headers.update({
            "Access-Control-Allow-Methods": "GET, POST, PATCH, DELETE",
            "Access-Control-Allow-Headers": CORS_ALLOWED_HEADERS,
            "Access-Control-Max-Age": "600",
        })
    return Response(status=204, headers=headers)


class GatewayWsgiApp(WsgiApp):
    def __init__(self, server):
        super().__init__(server)
        given = server.container.config.get("CORS_ALLOWED_ORIGINS")
        self.allowed_origins = (tuple(given) if given is not None
                                else config.cors_allowed_origins())

    def __call__(self, environ, start_response):
        peer = environ.get("REMOTE_ADDR", "")
        environ["gateway.peer_address"] = peer
        environ["REMOTE_ADDR"] = client_address(
            peer, environ.get("HTTP_X_FORWARDED_FOR"), self.server.trusted_proxy_hops)
        environ["wsgi.url_scheme"] = client_scheme(
            environ.get("wsgi.url_scheme", "http"), environ.get("HTTP_X_FORWARDED_PROTO"),
            self.server.trusted_proxy_hops)
        request = Request(environ, shallow=True)
        if request.method == "OPTIONS" and "Access-Control-Request-Method" in request.headers:
            response = preflight_response(request, self.allowed_origins)
        else:
            response = self._route(request, environ)
        extra = {**SECURITY_HEADERS,
                 **cors_headers(request.headers.get("Origin"), self.allowed_origins)}
        if request.path.startswith("/docs"):
            extra["Content-Security-Policy"] = DOCS_CONTENT_SECURITY_POLICY
        for name, value in extra.items():
            response.headers.setdefault(name, value)
        return response(environ, start_response)

    def _route(self, request: Request, environ) -> Response:
        adapter = self.url_map.bind_to_environ(environ)
        try:
            provider, values = adapter.match()
        except HTTPException as error:
            return problem_response(problem_from_exception(error), request_id_of(request))
        request.path_values = values
        return provider.handle_request(request)


class GatewayProtocol(HttpOnlyProtocol):
    def get_client_address(self):
        """What eventlet's access-log line names: the resolved client, never the raw
        X-Forwarded-For chain (which the client can write)."""
        host, port = addr_to_host_port(self.client_address)
        forwarded_for = ",".join(self.headers.get_all("X-Forwarded-For") or ())
        return client_address(host, forwarded_for, self.server.trusted_proxy_hops), port


class GatewayWebServer(WebServer):
    def setup(self):
        """TRUSTED_PROXY_HOPS is checked here, so a wrong value stops the gateway at start."""
        super().setup()
        self.trusted_proxy_hops = config.trusted_proxy_hops(
            self.container.config.get("TRUSTED_PROXY_HOPS"))

    def get_wsgi_app(self):
        return GatewayWsgiApp(self)

    def get_wsgi_server(self, sock, wsgi_app, protocol=GatewayProtocol, debug=False):
        """eventlet's server, with request lines up to MAX_URL_BYTES.

        Its default of 8 KiB answers a long query (100 member ids) with a bare 414
        before the API can name the argument at fault; past this limit it still does.
        """
        server = super().get_wsgi_server(sock, wsgi_app, protocol=protocol, debug=debug)
        server.url_length_limit = MAX_URL_BYTES
        server.trusted_proxy_hops = self.trusted_proxy_hops
        return server

"""Who gets in: authentication, rate limits, roles and idempotent POSTs, in one place.

A nameko SharedExtension, so every route of a gateway process shares one database
engine, one token store and one set of rate-limit counters.
"""

from nameko.extensions import SharedExtension
from werkzeug.wrappers import Request, Response

from gateway.auth import Authenticator, require_role
from gateway.idempotency import (
    REPLAYED_HEADERS,
    IdempotencyStore,
    StoredResponse,
    request_fingerprint,
)
from gateway.problems import Problem
from gateway.ratelimit import RateLimiter
from gateway.requests import rate_limit_address
from gateway.tokens import Caller, TokenStore
from infra import config
from infra.db import make_engine


class Gatekeeper(SharedExtension):
    def setup(self):
        """Settings come from the nameko config when given there, else the environment."""
        given = self.container.config.get
        self.engine = make_engine(given("GATEWAY_DATABASE_URL") or config.database_url("gateway"))
        self.tokens = TokenStore(self.engine)
        self.idempotency = IdempotencyStore(self.engine)
        self.authenticator = Authenticator(given("OPERATOR_TOKEN") or config.operator_token(),
                                           self.tokens)
        self.limiter = RateLimiter(
            given("RATE_LIMIT_STORAGE_URL") or config.rate_limit_storage_url(),
            given("RATE_LIMIT") or config.rate_limit(),
            given("ANONYMOUS_RATE_LIMIT") or config.anonymous_rate_limit(),
        )

    def stop(self):
        self.engine.dispose()
        super().stop()

    def admit(self, request: Request, roles: tuple[str, ...] | None,
              rate_limited: bool = True) -> Caller | None:
        """The caller of a route that needs one of `roles` (None: a public route)."""
        anonymous_key = f"ip:{rate_limit_address(request.remote_addr)}"
        if roles is None:
            if rate_limited:
                self.limiter.hit(anonymous_key, anonymous=True)
            return None
        try:
            caller = self.authenticator.authenticate(request.headers.get("Authorization"))
        except Problem:
            self.limiter.hit(anonymous_key, anonymous=True)
            raise
        self.limiter.hit(caller.rate_limit_key, anonymous=False)
        require_role(caller, roles)
        return caller

    def once(self, request: Request, caller: Caller | None, respond) -> Response:
        """Run `respond()` at most once per Idempotency-Key (POST only)."""
        key = request.headers.get("Idempotency-Key")
        if request.method != "POST" or key is None:
            return respond()
        scope = caller.token_id if caller else f"ip:{request.remote_addr}"
        fingerprint = request_fingerprint(request.method, request.path, request.get_data())
        stored = self.idempotency.begin(scope, key, fingerprint)
        if stored is not None:
            replay = Response(stored.body, status=stored.status, headers=stored.headers)
            replay.headers["Idempotent-Replayed"] = "true"
            return replay
        try:
            response = respond()
        except BaseException:
            self.idempotency.release(scope, key)
            raise
        kept = {name: response.headers[name] for name in REPLAYED_HEADERS
                if name in response.headers}
        self.idempotency.finish(
            scope, key, StoredResponse(response.status_code, kept, response.get_data(as_text=True)))
        return response

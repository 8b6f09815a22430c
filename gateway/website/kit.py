"""What every page of one gateway process shares: the templates, the CSRF signer and the
rate limit of form posts. A nameko SharedExtension (the HTML entrypoint uses it for error
pages) and a DependencyProvider (`Site`) that gives it to the routes.

Configuration (nameko config first, then the environment):
- `WEBSITE_SECRET`: signs the form's CSRF tokens (at least 32 bytes; several gateway
  replicas need the same one); generated into `var/website_secret` when absent.
- `WEBSITE_FORM_RATE_LIMIT` (default `5/minute`): form posts per client IP, counted in
  `RATE_LIMIT_STORAGE_URL` (memory, or Redis shared by the replicas). The client IP is
  `request.remote_addr`, resolved behind `TRUSTED_PROXY_HOPS` proxies by gateway/server.py
  (an IPv6 client counted per /64, `rate_limit_address`).
- `WEBSITE_CSRF_MAX_AGE` (seconds, default 7200, at least 300 so a person can fill in
  the form): how long a form stays valid.
A wrong value stops the gateway at start with the setting named.
"""

import math
import os
import secrets
import time

from limits import parse
from limits.storage import storage_from_string
from limits.strategies import SlidingWindowCounterRateLimiter
from nameko.extensions import DependencyProvider, SharedExtension

from gateway.problems import Problem
from gateway.website.csrf import DEFAULT_MAX_AGE, CsrfTokens
from gateway.website.pages import Pages
from infra import config

DEFAULT_FORM_RATE_LIMIT = "5/minute"
MIN_MAX_AGE = 300


def website_secret(configured: str | None) -> bytes:
    """`WEBSITE_SECRET`, else one generated once into var/ (never committed)."""
    configured = configured or os.environ.get("WEBSITE_SECRET")
    if configured:
        return configured.encode()
    path = config.var_dir() / "website_secret"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:  # another process was first
            pass
        else:
            with os.fdopen(fd, "w") as file:
                file.write(secrets.token_urlsafe(48))
    return path.read_text().strip().encode()


class FormRateLimit:
    """Form posts per client IP; over the limit: a 429 with Retry-After."""

    def __init__(self, storage_url: str, limit: str):
        self.limiter = SlidingWindowCounterRateLimiter(storage_from_string(storage_url))
        try:
            self.limit = parse(limit)
        except ValueError:
            raise ValueError(f"WEBSITE_FORM_RATE_LIMIT must be a rate such as 5/minute or "
                             f"20/hour, not {limit!r}.") from None

    def hit(self, address: str | None) -> None:
        key = f"website-form:{address}"
        if self.limiter.hit(self.limit, key):
            return
        reset_at = self.limiter.get_window_stats(self.limit, key).reset_time
        retry_after = max(1, math.ceil(reset_at - time.time()))
        raise Problem(429, "rate-limited", "Too many requests",
                      f"More than {self.limit} form posts; retry in {retry_after} s.",
                      headers={"Retry-After": str(retry_after)})


class WebsiteKit(SharedExtension):
    def setup(self):
        given = self.container.config.get
        self.pages = Pages()
        max_age = config.whole_number_setting(
            "WEBSITE_CSRF_MAX_AGE", given("WEBSITE_CSRF_MAX_AGE"), DEFAULT_MAX_AGE,
            minimum=MIN_MAX_AGE, meaning=f"of seconds, {MIN_MAX_AGE} or more")
        self.csrf = CsrfTokens(website_secret(given("WEBSITE_SECRET")), max_age=max_age)
        self.form_rate_limit = FormRateLimit(
            given("RATE_LIMIT_STORAGE_URL") or config.rate_limit_storage_url(),
            given("WEBSITE_FORM_RATE_LIMIT")
            or os.environ.get("WEBSITE_FORM_RATE_LIMIT", DEFAULT_FORM_RATE_LIMIT))


class Site(DependencyProvider):
    """The routes' handle on the shared `WebsiteKit`."""

    kit = WebsiteKit()

    def get_dependency(self, worker_ctx):
        return self.kit

"""CSRF protection of the website's form: signed double-submit tokens.

A token is `<nonce>.<issued at, unix seconds>.<HMAC-SHA256 of both>`, signed with the
website secret. The form page puts it in a `SameSite=Strict`, `HttpOnly` cookie and in a
hidden field; a post is accepted only when both are present, equal, correctly signed and
younger than `max_age`. Another site can neither read the cookie nor forge a signature, and
a browser does not send a strict cookie with a cross-site post.
"""

import base64
import hashlib
import hmac
import secrets
import time
from collections.abc import Callable

COOKIE_NAME = "mt_csrf"
FIELD_NAME = "csrf_token"
DEFAULT_MAX_AGE = 2 * 60 * 60  # seconds


class CsrfRejected(Exception):
    """The post did not carry a valid token: missing, different, forged or expired."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


class CsrfTokens:
    def __init__(self, secret: bytes, max_age: int = DEFAULT_MAX_AGE,
                 clock: Callable[[], float] = time.time):
        if len(secret) < 32:
            raise ValueError("The website secret must be at least 32 bytes.")
        self._secret = secret
        self.max_age = max_age
        self._clock = clock

    def issue(self) -> str:
        payload = f"{secrets.token_urlsafe(16)}.{int(self._clock())}"
        return f"{payload}.{self._sign(payload)}"

    def age(self, token: str | None) -> float | None:
        """Seconds since a correctly signed token was issued; None for anything else."""
        if not token or len(token) > 200 or not token.isascii():
            return None  # what we issue is ASCII; compare_digest refuses other str
        payload, _, signature = token.rpartition(".")
        nonce, _, issued = payload.partition(".")
        if not nonce or not issued.isdigit():
            return None
        if not hmac.compare_digest(signature, self._sign(payload)):
            return None
        return self._clock() - int(issued)

    def usable(self, token: str | None, for_at_least: float = 0) -> bool:
        """Signed, and still valid for `for_at_least` seconds."""
        age = self.age(token)
        return age is not None and -60 <= age <= self.max_age - for_at_least

    def check(self, cookie: str | None, field: str | None) -> None:
        """Accept the post, or raise `CsrfRejected` naming why."""
        if not cookie or not field:
            raise CsrfRejected("missing")
        if not hmac.compare_digest(cookie.encode(), field.encode()):
            raise CsrfRejected("mismatch")
        age = self.age(field)
        if age is None:
            raise CsrfRejected("forged")
        if not -60 <= age <= self.max_age:
            raise CsrfRejected("expired")

    def _sign(self, payload: str) -> str:
        digest = hmac.new(self._secret, payload.encode(), hashlib.sha256).digest()
        return base64.urlsafe_b64encode(digest).decode().rstrip("=")

"""Authentication (who is calling) and authorisation (may they, on this object).

- missing, malformed, unknown, expired or revoked token → 401
- a valid token whose role may not use the route → 403
- an object outside the token's scope → 404, so its existence is never revealed
"""

import hashlib
import hmac
from datetime import UTC, datetime

from gateway.problems import Problem, unauthorized
from gateway.tokens import Caller, TokenStore

BOOTSTRAP_TOKEN_ID = "operator-bootstrap"


def bearer_secret(authorization: str | None) -> str:
    scheme, _, secret = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not secret.strip():
        raise unauthorized("Send `Authorization: Bearer <token>`.")
    return secret.strip()


class Authenticator:
    """Accepts the operator's bootstrap token (OPERATOR_TOKEN) and issued tokens."""

    def __init__(self, operator_token: str, tokens: TokenStore):
        self._operator_digest = hashlib.sha256(operator_token.encode()).digest()
        # per bootstrap token, not per id: a new OPERATOR_TOKEN (or another deployment's,
        # sharing the rate-limit store) starts with its own counters
        self._operator_limit_key = f"token:{BOOTSTRAP_TOKEN_ID}:{self._operator_digest.hex()[:16]}"
        self.tokens = tokens

    def authenticate(self, authorization: str | None) -> Caller:
        secret = bearer_secret(authorization)
        if hmac.compare_digest(hashlib.sha256(secret.encode()).digest(), self._operator_digest):
            return Caller("operator", BOOTSTRAP_TOKEN_ID, limit_key=self._operator_limit_key)
        token = self.tokens.find_by_secret(secret)
        if token is None or not token.usable(datetime.now(UTC)):
            raise unauthorized("The token is not valid, has expired or was revoked.")
        return token.caller()


def require_role(caller: Caller, roles: tuple[str, ...]) -> None:
    if caller.role not in roles:
        raise Problem(403, "forbidden", "Forbidden",
                      f"A {caller.role} token may not do this; it needs one of: "
                      f"{', '.join(roles)}.")


def out_of_scope(kind: str, object_id: str) -> Problem:
    return Problem(404, "not-found", "Not found", f"No {kind} with id {object_id}.")


def require_client_scope(caller: Caller, client_id: str) -> None:
    """A client token reaches only its own organisation (and what hangs under it)."""
    if caller.role == "client" and caller.client_id != client_id:
        raise out_of_scope("client", client_id)


def require_member_scope(caller: Caller, member_id: str) -> None:
    """A member token reaches only its own member."""
    if caller.role == "member" and caller.member_id != member_id:
        raise out_of_scope("member", member_id)


def require_client_knows_member(caller: Caller, member_id: str, client_knows_member) -> None:
    """A client token reaches the members proposed to it or working for it, nobody else;
    `client_knows_member(client_id, member_id)` is matching's answer."""
    if caller.role == "client" and not client_knows_member(caller.client_id, member_id):
        raise out_of_scope("member", member_id)

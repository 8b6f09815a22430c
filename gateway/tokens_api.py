"""Issuing, listing and revoking tokens: the `tokens` dependency of the token routes."""

from dataclasses import asdict

from nameko.extensions import DependencyProvider

from gateway.auth import out_of_scope
from gateway.gatekeeper import Gatekeeper
from gateway.schemas import IssuedTokenSchema, TokenPageSchema, TokenSchema
from gateway.tokens import TokenStore
from infra.errors import Invalid


class TokenAdmin:
    def __init__(self, store: TokenStore):
        self.store = store

    def issue(self, wanted: dict) -> dict:
        token, secret = self.store.issue(
            wanted["name"], wanted["role"],
            str(wanted["client_id"]) if wanted["client_id"] else None,
            str(wanted["member_id"]) if wanted["member_id"] else None,
            wanted["expires_at"],
        )
        return IssuedTokenSchema().dump({**asdict(token), "token": secret})

    def page(self, args: dict) -> dict:
        return TokenPageSchema().dump(self.store.page(args["limit"], args["cursor"]))

    def get(self, token_id: str) -> dict:
        token = self.store.get(token_id)
        if token is None:
            raise out_of_scope("token", token_id)
        return TokenSchema().dump(token)

    def revoke(self, token_id: str) -> None:
        if not self.store.revoke(token_id):
            raise out_of_scope("token", token_id)


class Tokens(DependencyProvider):
    gatekeeper = Gatekeeper()

    def get_dependency(self, worker_ctx) -> TokenAdmin:
        return TokenAdmin(self.gatekeeper.tokens)

    @staticmethod
    def unknown_scope(field: str, detail: str) -> Invalid:
        return Invalid(f"Invalid input: {field}", [{"field": field, "message": detail}])

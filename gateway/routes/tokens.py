"""Issuing, listing and revoking tokens (operators only)."""

from gateway.http import RouteDoc, api
from gateway.requests import json_body, query_args
from gateway.schemas import IssuedTokenSchema, TokenPageSchema, TokenRequestSchema, TokenSchema
from gateway.tokens_api import Tokens
from infra.errors import NotFound
from infra.schemas import Page


class TokenRoutes:
    tokens = Tokens()

    @api("POST", "/v1/tokens",
         RouteDoc("Issue a token (its secret is shown only in this response)", "tokens",
                  body=TokenRequestSchema, response=IssuedTokenSchema, status=201),
         roles=("operator",))
    def issue_token(self, request):
        wanted = TokenRequestSchema().load(json_body(request))
        self._check_scope_exists(wanted)
        issued = self.tokens.issue(wanted)
        return 201, {"Location": f"/v1/tokens/{issued['id']}"}, issued

    @api("GET", "/v1/tokens", RouteDoc("List tokens", "tokens", query=Page,
                                       response=TokenPageSchema), roles=("operator",))
    def list_tokens(self, request):
        return self.tokens.page(Page().load(query_args(request)))

    @api("GET", "/v1/tokens/<token_id>", RouteDoc("One token", "tokens", response=TokenSchema),
         roles=("operator",))
    def get_token(self, request, token_id):
        return self.tokens.get(token_id)

    @api("DELETE", "/v1/tokens/<token_id>",
         RouteDoc("Revoke a token; it stops working with the next request", "tokens",
                  status=204), roles=("operator",))
    def revoke_token(self, request, token_id):
        self.tokens.revoke(token_id)
        return 204, None

    def _check_scope_exists(self, wanted: dict) -> None:
        try:
            if wanted["client_id"] is not None:
                self.matching.get_client(str(wanted["client_id"]))
            if wanted["member_id"] is not None:
                self.members.get_member(str(wanted["member_id"]))
        except NotFound as error:
            field = "client_id" if wanted["client_id"] is not None else "member_id"
            raise Tokens.unknown_scope(field, error.detail) from error

"""Client organisations: operators see all, a client token only its own."""

from gateway.auth import require_client_scope
from gateway.http import RouteDoc, api
from gateway.requests import json_body, query_args
from infra.schemas import Page
from services.matching.schemas import (
    ClientDetailsSchema,
    ClientPageSchema,
    ClientSchema,
    client_changes_schema,
)


class ClientRoutes:
    @api("POST", "/v1/clients", RouteDoc("Register a client organisation", "clients",
                                         body=ClientDetailsSchema, response=ClientSchema,
                                         status=201), roles=("operator",))
    def create_client(self, request):
        client = self.matching.create_client(json_body(request))
        return 201, {"Location": f"/v1/clients/{client['id']}"}, client

    @api("GET", "/v1/clients",
         RouteDoc("List client organisations (a client token sees only its own)", "clients",
                  query=Page, response=ClientPageSchema), roles=("operator", "client"))
    def list_clients(self, request):
        caller = request.caller
        if caller.role == "client":
            Page().load(query_args(request))
            return {"items": [self.matching.get_client(caller.client_id)], "next_cursor": None}
        return self.matching.list_clients(query_args(request))

    @api("GET", "/v1/clients/<client_id>",
         RouteDoc("One client organisation", "clients", response=ClientSchema),
         roles=("operator", "client"))
    def get_client(self, request, client_id):
        require_client_scope(request.caller, client_id)
        return self.matching.get_client(client_id)

    @api("PATCH", "/v1/clients/<client_id>",
         RouteDoc("Change a client organisation", "clients", body=client_changes_schema,
                  response=ClientSchema), roles=("operator", "client"))
    def update_client(self, request, client_id):
        require_client_scope(request.caller, client_id)
        return self.matching.update_client(client_id, json_body(request))

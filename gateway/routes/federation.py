"""Federation: the partner registry and our identity (operators only).

The federation service's own proxy lives here, so that the gateway gains the routes
with one base class.
"""

from gateway import metrics
from gateway.http import RouteDoc, api
from gateway.requests import json_body, query_args
from infra import config
from infra.rpc import BoundedRpcProxy
from infra.schemas import Page
from services.federation.schemas.identity import IdentitySchema
from services.federation.schemas.partners import (
    PartnerChangesSchema,
    PartnerDetailsSchema,
    PartnerKeyDetailsSchema,
    PartnerPageSchema,
    PartnerSchema,
)

OPERATOR = ("operator",)


class FederationRoutes:
    federation = BoundedRpcProxy("federation", timeout=config.rpc_timeout(),
                                 observe=metrics.observe_rpc)

    @api("GET", "/v1/federation/identity",
         RouteDoc("This coop's identity for partners: coop URI, public keys, inbound exchange, "
                  "event types", "federation", response=IdentitySchema), roles=OPERATOR)
    def get_federation_identity(self, request):
        return self.federation.our_identity()

    @api("POST", "/v1/federation/partners",
         RouteDoc("Register a partner coop: its URI, public keys, inbound address, what we "
                  "exchange and (optionally) its legal and billing details", "federation",
                  body=PartnerDetailsSchema, response=PartnerSchema, status=201),
         roles=OPERATOR)
    def add_partner(self, request):
        partner = self.federation.add_partner(json_body(request))
        return 201, {"Location": f"/v1/federation/partners/{partner['id']}"}, partner

    @api("GET", "/v1/federation/partners",
         RouteDoc("Partner coops, in registration order", "federation", query=Page,
                  response=PartnerPageSchema), roles=OPERATOR)
    def list_partners(self, request):
        return self.federation.list_partners(query_args(request))

    @api("GET", "/v1/federation/partners/<partner_id>",
         RouteDoc("One partner coop", "federation", response=PartnerSchema), roles=OPERATOR)
    def get_partner(self, request, partner_id):
        return self.federation.get_partner(partner_id)

    @api("PATCH", "/v1/federation/partners/<partner_id>",
         RouteDoc("Change a partner's name, inbound address, exchanged event types or legal "
                  "and billing details (`billing`: all of them; null removes them)",
                  "federation", body=PartnerChangesSchema, response=PartnerSchema),
         roles=OPERATOR)
    def update_partner(self, request, partner_id):
        return self.federation.update_partner(partner_id, json_body(request))

    @api("POST", "/v1/federation/partners/<partner_id>/keys",
         RouteDoc("Add a partner's new public key (key rotation: both verify until the old "
                  "one is retired)", "federation", body=PartnerKeyDetailsSchema,
                  response=PartnerSchema, status=201), roles=OPERATOR)
    def add_partner_key(self, request, partner_id):
        return 201, self.federation.add_partner_key(partner_id, json_body(request))

    @api("POST", "/v1/federation/partners/<partner_id>/keys/<key_id>/retirement",
         RouteDoc("Retire a partner's key: messages signed with it are rejected from now on",
                  "federation", response=PartnerSchema), roles=OPERATOR)
    def retire_partner_key(self, request, partner_id, key_id):
        return self.federation.retire_partner_key(partner_id, key_id)

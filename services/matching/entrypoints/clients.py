"""RPC about client organisations."""

from infra.rpc import rpc
from infra.schemas import Page
from services.matching.domain import use_cases
from services.matching.schemas import (
    ClientDetailsSchema,
    ClientPageSchema,
    ClientSchema,
    client_changes_schema,
)


class ClientEntrypoints:
    @rpc
    def create_client(self, details):
        client = use_cases.create_client(self.uow, ClientDetailsSchema().load(details))
        return ClientSchema().dump(client)

    @rpc
    def get_client(self, client_id):
        return ClientSchema().dump(use_cases.get_client(self.uow, str(client_id)))

    @rpc
    def list_clients(self, query=None):
        page = Page().load(query or {})
        return ClientPageSchema().dump(use_cases.list_clients(self.uow, **page))

    @rpc
    def update_client(self, client_id, changes):
        changes = client_changes_schema.load(changes)
        client = use_cases.update_client(self.uow, str(client_id), changes)
        return ClientSchema().dump(client)

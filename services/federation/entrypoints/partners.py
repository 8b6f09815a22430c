"""The partner registry and our identity (operators, through the gateway)."""

import uuid

from infra.rpc import rpc
from infra.schemas import Page
from services.federation import catalogue
from services.federation.domain import use_cases
from services.federation.domain.errors import PartnerNotFound
from services.federation.domain.signing import VERSION
from services.federation.schemas.identity import IdentitySchema
from services.federation.schemas.partners import (
    PartnerChangesSchema,
    PartnerDetailsSchema,
    PartnerKeyDetailsSchema,
    PartnerPageSchema,
    PartnerSchema,
)

SIGNATURE_SCHEME = (f"Standard Webhooks {VERSION} (Ed25519) over "
                    "'{webhook-id}.{webhook-timestamp}.{body}', in AMQP headers")


def checked_partner_id(value) -> str:
    """The partner id of a call; `PartnerNotFound` when it is not even a UUID."""
    try:
        return str(uuid.UUID(str(value)))
    except ValueError:
        raise PartnerNotFound(str(value)[:100]) from None


class PartnerEntrypoints:
    @rpc
    def add_partner(self, details):
        partner = use_cases.add_partner(self.uow, PartnerDetailsSchema().load(details),
                                        self.settings.coop_uri)
        return PartnerSchema().dump(partner)

    @rpc
    def get_partner(self, partner_id):
        return PartnerSchema().dump(use_cases.get_partner(self.uow, checked_partner_id(partner_id)))

    @rpc
    def list_partners(self, query=None):
        query = Page().load(query or {})
        return PartnerPageSchema().dump(use_cases.list_partners(self.uow, **query))

    @rpc
    def update_partner(self, partner_id, changes):
        changes = PartnerChangesSchema().load(changes)
        partner = use_cases.update_partner(self.uow, checked_partner_id(partner_id), changes)
        return PartnerSchema().dump(partner)

    @rpc
    def add_partner_key(self, partner_id, key):
        public_key = PartnerKeyDetailsSchema().load(key)["public_key"]
        partner = use_cases.add_partner_key(self.uow, checked_partner_id(partner_id), public_key)
        return PartnerSchema().dump(partner)

    @rpc
    def retire_partner_key(self, partner_id, key_id):
        partner = use_cases.retire_partner_key(self.uow, checked_partner_id(partner_id),
                                               str(key_id)[:100])
        return PartnerSchema().dump(partner)

    @rpc
    def our_identity(self):
        keys = [("current", self.signing_keys.current), ("next", self.signing_keys.next)]
        return IdentitySchema().dump({
            "coop_uri": self.settings.coop_uri, "name": self.settings.coop_name,
            "algorithm": "ed25519", "signature_scheme": SIGNATURE_SCHEME,
            "public_keys": [{"key_id": key.key_id, "public_key": key.public.base64,
                             "status": status} for status, key in keys if key is not None],
            "inbound": {"exchange": self.settings.inbound_exchange,
                        "uri": self.settings.public_amqp_uri},
            "event_types": [{"type": t.type, "internal": t.internal, "meaning": t.meaning}
                            for t in catalogue.CATALOGUE.values()]})

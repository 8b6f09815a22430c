"""The partner registry: the operator adds partners, changes them, rotates their keys."""

import uuid
from datetime import UTC, datetime

from services.federation.domain.errors import (
    CannotPartnerWithOurselves,
    PartnerAlreadyRegistered,
    PartnerNotFound,
)
from services.federation.domain.keys import PublicKey
from services.federation.domain.partner import (
    Address,
    BillingDetails,
    Partner,
    PartnerRegistered,
    PartnerUpdated,
)
from services.federation.domain.ports import UnitOfWork


def now() -> datetime:
    return datetime.now(UTC)


def _partner(uow: UnitOfWork, partner_id: str) -> Partner:
    partner = uow.partners.get(partner_id)
    if partner is None:
        raise PartnerNotFound(partner_id)
    return partner


def add_partner(uow: UnitOfWork, details: dict, our_coop: str) -> Partner:
    if details["coop_uri"] == our_coop:
        raise CannotPartnerWithOurselves(our_coop)
    partner = Partner.register(
        str(uuid.uuid4()), details["coop_uri"], details["name"],
        [PublicKey.from_base64(key) for key in details["public_keys"]],
        Address(**details["address"]), details["accepted_types"], details["shared_types"],
        now(), billing=BillingDetails.from_dict(details.get("billing")))
    with uow:
        if uow.partners.by_coop(partner.coop_uri) is not None:
            raise PartnerAlreadyRegistered(partner.coop_uri)
        uow.partners.add(partner)
        uow.publish(PartnerRegistered(partner))
        uow.commit()
    return partner


def get_partner(uow: UnitOfWork, partner_id: str) -> Partner:
    with uow:
        return _partner(uow, partner_id)


def list_partners(uow: UnitOfWork, limit: int, cursor: str | None):
    with uow:
        return uow.partners.page(limit, cursor)


def update_partner(uow: UnitOfWork, partner_id: str, changes: dict) -> Partner:
    address = changes.get("address")
    billing = ({"billing": BillingDetails.from_dict(changes["billing"])}
               if "billing" in changes else {})
    with uow:
        partner = _partner(uow, partner_id).changed(
            now(), name=changes.get("name"),
            address=Address(**address) if address is not None else None,
            accepted_types=changes.get("accepted_types"),
            shared_types=changes.get("shared_types"), **billing)
        uow.partners.save(partner)
        uow.publish(PartnerUpdated(partner))
        uow.commit()
    return partner


def add_partner_key(uow: UnitOfWork, partner_id: str, public_key: str) -> Partner:
    with uow:
        partner = _partner(uow, partner_id).with_key(PublicKey.from_base64(public_key), now())
        uow.partners.save(partner)
        uow.commit()
    return partner


def retire_partner_key(uow: UnitOfWork, partner_id: str, key_id: str) -> Partner:
    with uow:
        partner = _partner(uow, partner_id).with_key_retired(key_id, now())
        uow.partners.save(partner)
        uow.commit()
    return partner

"""A partner coop: who it is, the keys it signs with, where we deliver its events, and
what we exchange with it in each direction."""

from dataclasses import dataclass, replace
from datetime import datetime
from urllib.parse import urlsplit, urlunsplit

from services.federation import catalogue
from services.federation.domain.errors import (
    KeyAlreadyRegistered,
    KeyAlreadyRetired,
    PartnerKeyNotFound,
    UnknownEventType,
)
from services.federation.domain.keys import PublicKey


@dataclass(frozen=True)
class PartnerKey:
    key: PublicKey
    added_at: datetime
    retired_at: datetime | None = None

    @property
    def key_id(self) -> str:
        return self.key.key_id

    @property
    def is_active(self) -> bool:
        return self.retired_at is None


@dataclass(frozen=True)
class Address:
    """The partner's inbound exchange on its broker, with the credentials it gave us."""

    uri: str
    exchange: str

    @property
    def redacted_uri(self) -> str:
        """The URI without its password, for showing and logging."""
        parts = urlsplit(self.uri)
        if parts.password is None:
            return self.uri
        host = parts.hostname or ""
        if parts.port:
            host = f"{host}:{parts.port}"
        netloc = f"{parts.username}:***@{host}" if parts.username else f"***@{host}"
        return urlunsplit(parts._replace(netloc=netloc))


def checked_types(types, field: str) -> frozenset[str]:
    for event_type in types:
        if not catalogue.is_known(event_type):
            raise UnknownEventType(event_type, field)
    return frozenset(types)


@dataclass(frozen=True)
class PostalAddress:
    street: str
    postal_code: str
    city: str
    country: str  # ISO 3166-1 alpha-2


@dataclass(frozen=True)
class BillingDetails:
    """Who the partner coop is in law, for the invoices coops send each other: its legal
    name, the country it is established in (which decides the VAT on our invoices to it),
    its VAT id (checked for EU countries) and its postal address."""

    legal_name: str
    country: str  # ISO 3166-1 alpha-2
    vat_id: str | None
    address: PostalAddress

    @classmethod
    def from_dict(cls, data: dict | None) -> "BillingDetails | None":
        if data is None:
            return None
        return cls(data["legal_name"], data["country"], data.get("vat_id") or None,
                   PostalAddress(**data["address"]))


_UNCHANGED = object()


@dataclass(frozen=True)
class Partner:
    id: str
    coop_uri: str
    name: str
    keys: tuple[PartnerKey, ...]
    address: Address
    accepted_types: frozenset[str]   # what the partner may send us
    shared_types: frozenset[str]     # what we send the partner
    created_at: datetime
    updated_at: datetime
    version: int = 1
    billing: BillingDetails | None = None  # needed before we can invoice the partner

    @classmethod
    def register(cls, partner_id: str, coop_uri: str, name: str, public_keys: list[PublicKey],
                 address: Address, accepted_types, shared_types, now: datetime,
                 billing: BillingDetails | None = None) -> "Partner":
        keys: list[PartnerKey] = []
        for position, key in enumerate(public_keys):
            if any(known.key_id == key.key_id for known in keys):
                raise KeyAlreadyRegistered(key.key_id, f"public_keys[{position}]")
            keys.append(PartnerKey(key, now))
        return cls(partner_id, coop_uri, name, tuple(keys), address,
                   checked_types(accepted_types, "accepted_types"),
                   checked_types(shared_types, "shared_types"), now, now, billing=billing)

    def key(self, key_id: str) -> PartnerKey | None:
        return next((key for key in self.keys if key.key_id == key_id), None)

    def may_send(self, event_type: str) -> bool:
        return event_type in self.accepted_types

    def shares(self, event_type: str) -> bool:
        return event_type in self.shared_types

    def with_key(self, public_key: PublicKey, now: datetime) -> "Partner":
        """Add a key (rotation, step 1): both keys verify until the old one is retired."""
        if self.key(public_key.key_id) is not None:
            raise KeyAlreadyRegistered(public_key.key_id)
        return self._changed(now, keys=(*self.keys, PartnerKey(public_key, now)))

    def with_key_retired(self, key_id: str, now: datetime) -> "Partner":
        """Retire a key (rotation, step 2): messages signed with it are rejected from now."""
        key = self.key(key_id)
        if key is None:
            raise PartnerKeyNotFound(key_id)
        if not key.is_active:
            raise KeyAlreadyRetired(key_id)
        keys = tuple(replace(k, retired_at=now) if k.key_id == key_id else k for k in self.keys)
        return self._changed(now, keys=keys)

    def changed(self, now: datetime, name: str | None = None, address: Address | None = None,
                accepted_types=None, shared_types=None, billing=_UNCHANGED) -> "Partner":
        """The partner with what is given changed; `billing=None` removes its billing
        details (left out: they stay)."""
        changes = {}
        if billing is not _UNCHANGED:
            changes["billing"] = billing
        if name is not None:
            changes["name"] = name
        if address is not None:
            changes["address"] = address
        if accepted_types is not None:
            changes["accepted_types"] = checked_types(accepted_types, "accepted_types")
        if shared_types is not None:
            changes["shared_types"] = checked_types(shared_types, "shared_types")
        return self._changed(now, **changes)

    def _changed(self, now: datetime, **changes) -> "Partner":
        return replace(self, **changes, updated_at=now, version=self.version + 1)


@dataclass(frozen=True)
class PartnerRegistered:
    """Published (outbox) when the operator registers a partner: billing keeps partner
    coops as customers from it."""

    partner: Partner
    type = "partner_registered"

    @property
    def subject(self) -> str:
        return self.partner.id


@dataclass(frozen=True)
class PartnerUpdated(PartnerRegistered):
    """Published (outbox) when the operator changes a partner's name or billing details."""

    type = "partner_updated"

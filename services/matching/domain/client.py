"""The client organisation: who hires the cooperative, and where its invoices go.

The rules that span fields are checked on registration and on every change, so
they hold whatever a partial change touches: a VAT id belongs to the client's
country, and only a Dutch client has a KvK number. The contact person is
personal data; the other details are what billing needs to invoice the client.
"""

import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime

from services.matching.domain.errors import KvkNumberOnlyForDutchClients, VatIdMustMatchCountry

NETHERLANDS = "NL"

EDITABLE_FIELDS = frozenset(
    {"name", "country", "vat_id", "kvk_number", "is_business", "address", "billing_email",
     "contact"}
)

# A VAT id starts with its member state's ISO 3166-1 code, except these two.
_VAT_PREFIX_COUNTRY = {"EL": "GR", "XI": "GB"}


def vat_country(vat_id: str) -> str:
    """The ISO 3166-1 alpha-2 country a VAT id belongs to: `EL…` is Greece, `XI…` the UK."""
    prefix = vat_id[:2].upper()
    return _VAT_PREFIX_COUNTRY.get(prefix, prefix)


@dataclass(frozen=True)
class Address:
    street: str
    postal_code: str
    city: str


@dataclass(frozen=True)
class ContactPerson:
    """The person at the client the cooperative talks to. Personal data: never in events."""

    name: str
    email: str
    phone: str | None = None


@dataclass
class Client:
    id: str
    name: str
    country: str
    address: Address
    contact: ContactPerson
    vat_id: str | None = None
    kvk_number: str | None = None
    is_business: bool = True
    billing_email: str | None = None
    version: int = 1
    created_at: datetime = field(default_factory=lambda: datetime.now(UTC))
    updated_at: datetime = field(default_factory=lambda: datetime.now(UTC))

    @classmethod
    def register(cls, details: dict, now: datetime) -> "Client":
        values = _values(details)
        _check_rules(values["country"], values.get("vat_id"), values.get("kvk_number"))
        return cls(id=str(uuid.uuid4()), created_at=now, updated_at=now, **values)

    def change(self, changes: dict, now: datetime) -> bool:
        """Apply `changes`; returns whether anything actually changed.

        `address` and `contact` are replaced as a whole.
        """
        changed = {
            name: value for name, value in _values(changes).items() if getattr(self, name) != value
        }
        if not changed:
            return False
        after = {name: changed.get(name, getattr(self, name))
                 for name in ("country", "vat_id", "kvk_number")}
        _check_rules(**after)
        for name, value in changed.items():
            setattr(self, name, value)
        self.version += 1
        self.updated_at = now
        return True


def _values(details: dict) -> dict:
    """`details` with `address` and `contact` as value objects."""
    unknown = set(details) - EDITABLE_FIELDS
    if unknown:
        raise ValueError(f"not client details: {sorted(unknown)}")
    values = dict(details)
    if isinstance(values.get("address"), dict):
        values["address"] = Address(**values["address"])
    if isinstance(values.get("contact"), dict):
        values["contact"] = ContactPerson(**values["contact"])
    return values


def _check_rules(country: str, vat_id: str | None, kvk_number: str | None) -> None:
    if vat_id is not None and vat_country(vat_id) != country:
        raise VatIdMustMatchCountry(vat_id, vat_country(vat_id), country)
    if kvk_number is not None and country != NETHERLANDS:
        raise KvkNumberOnlyForDutchClients(country)

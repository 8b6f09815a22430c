"""Who is on an invoice: the cooperative as supplier, the client as customer, and the
members whose work each line is.

Billing keeps its own copy of each client from matching's `client_registered` /
`client_updated` events (`ClientParty.from_event`), and an invoice keeps the
copy it was issued with, so a later change of address never changes an issued
invoice. Of members it keeps only the name (`MemberName`, from members' public
snapshots), so the client sees who did the work; an issued line keeps the name it
was issued with.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Address:
    street: str
    postal_code: str
    city: str
    country: str  # ISO 3166-1 alpha-2

    def lines(self) -> tuple[str, str]:
        return self.street, f"{self.postal_code} {self.city}"


@dataclass(frozen=True)
class CoopParty:
    """The cooperative: the supplier on every invoice and the payer of every payout."""

    name: str
    address: Address
    vat_id: str  # BTW-id, e.g. NL004495445B01
    kvk_number: str  # 8 digits: the legal registration id (EN 16931 BT-30, scheme 0106)
    iban: str
    bic: str | None = None
    email: str | None = None


@dataclass(frozen=True)
class ClientParty:
    """A client organisation as billing needs it: to decide VAT and address the invoice."""

    id: str
    name: str
    address: Address
    is_business: bool = True
    vat_id: str | None = None
    kvk_number: str | None = None
    billing_email: str | None = None
    version: int = 1

    @property
    def country(self) -> str:
        return self.address.country

    @classmethod
    def from_event(cls, data: dict) -> "ClientParty":
        """From the data of matching's `client_registered`/`client_updated` event."""
        address = data.get("address") or {}
        return cls(
            id=data["client_id"],
            name=data["name"],
            address=Address(address.get("street", ""), address.get("postal_code", ""),
                            address.get("city", ""), data["country"]),
            is_business=bool(data.get("is_business", True)),
            vat_id=data.get("vat_id") or None,
            kvk_number=data.get("kvk_number") or None,
            billing_email=data.get("billing_email") or None,
            version=int(data.get("version", 1)),
        )


@dataclass(frozen=True)
class MemberName:
    """A member as an invoice line names them; `name` None once the member is erased."""

    member_id: str
    name: str | None
    version: int

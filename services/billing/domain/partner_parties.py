"""Partner coops as customers (coop B invoices the coops its members are lent to).

Billing keeps its own copy of each partner coop from federation's `partner_registered` /
`partner_updated` events (`PartnerCoop.from_event`; a newer registry `version` wins). A
partner is invoiced like a client organisation (`as_customer`): always a business, in
the country it is established in, with its VAT id — so the VAT rules of
`vat_treatment.py` apply unchanged: a partner in NL pays Dutch VAT (21 %), one in another
EU country with a valid VAT id of that country is reverse-charged (0 %, the legal note),
one in another EU country without one is blocked (`ReverseChargeNeedsClientVatId`), one
outside the EU is outside Dutch VAT. A partner the operator gave no billing details yet
cannot be invoiced at all: `PartnerHasNoBillingDetails`.
"""

from dataclasses import dataclass

from services.billing.domain.errors import PartnerHasNoBillingDetails
from services.billing.domain.parties import Address, ClientParty


@dataclass(frozen=True)
class PartnerBilling:
    legal_name: str
    country: str  # ISO 3166-1 alpha-2: where the coop is established (decides VAT)
    vat_id: str | None
    address: Address


@dataclass(frozen=True)
class PartnerCoop:
    id: str  # the partner's id in our federation registry
    coop_uri: str
    name: str
    billing: PartnerBilling | None
    version: int = 1

    @classmethod
    def from_event(cls, data: dict) -> "PartnerCoop":
        """From the data of federation's `partner_registered` / `partner_updated`."""
        billing = data.get("billing")
        details = None
        if billing is not None:
            address = billing["address"]
            details = PartnerBilling(
                billing["legal_name"], billing["country"], billing.get("vat_id") or None,
                Address(address["street"], address["postal_code"], address["city"],
                        address["country"]))
        return cls(str(data["partner_id"]), data["coop_uri"], data["name"], details,
                   int(data.get("version") or 1))

    @property
    def country(self) -> str | None:
        """Where the partner is established (decides VAT both ways); None without billing
        details."""
        return self.billing.country if self.billing is not None else None

    def as_customer(self) -> ClientParty:
        """The partner as an invoice's customer; `PartnerHasNoBillingDetails` without them.

        The VAT decision follows the country the coop is established in (`billing.country`);
        the address keeps that country too, so the invoice and its VAT agree."""
        if self.billing is None:
            raise PartnerHasNoBillingDetails(self.id, self.name)
        address = self.billing.address
        return ClientParty(
            id=self.id, name=self.billing.legal_name,
            address=Address(address.street, address.postal_code, address.city,
                            self.billing.country),
            is_business=True, vat_id=self.billing.vat_id, version=self.version)

"""Which VAT an invoice to a client carries: the rule follows where the client is and who.

The coop supplies services (the members' work). For services the *place of supply*
decides which country's VAT applies (Directive 2006/112/EC, in Dutch law art. 6
Wet OB 1968):

- `DutchClientPaysDutchVat`: a client in the Netherlands pays Dutch VAT at the
  contract's rate (21 % by default; 9 % and 0 % where the contract says so).
- `PrivateClientPaysDutchVat`: a private (non-business) client anywhere pays
  Dutch VAT too: for B2C services the place of supply is where the supplier is
  established (art. 45 of the Directive). Caveat for the operator: some
  services to private clients outside the EU (consultancy, engineering, data
  processing — art. 59) are supplied where the client lives; until the coop
  has such clients this rule charges Dutch VAT, which is never too little.
- `EuBusinessClientReverseCharge`: a business client in another EU member state
  accounts for the VAT itself ("btw verlegd", art. 44 and 196 of the Directive,
  art. 12 lid 3 Wet OB): 0 % on the invoice, category AE, the legal note, and
  both VAT ids. It needs the client's *valid* VAT id of its own country
  (checked with python-stdnum); without one: `ReverseChargeNeedsClientVatId`,
  and nothing is invoiced until the client's details are corrected.
- `BusinessClientOutsideEuIsOutsideDutchVat`: a business client outside the EU
  (including the UK, Switzerland, Norway; Northern Ireland's XI ids are for
  goods only) receives services whose place of supply is its own country (art.
  44): *no Dutch VAT*, 0 %, category O ("not subject to VAT") with a note
  naming the rule. Any VAT due abroad is the client's affair under its own
  law. (EN 16931 BR-O-02: such an invoice carries no VAT ids; the coop is
  identified by its KvK number.)
"""

from dataclasses import dataclass
from decimal import Decimal

from stdnum.eu import vat as eu_vat

from services.billing.domain.errors import ReverseChargeNeedsClientVatId
from services.billing.domain.parties import ClientParty
from services.billing.domain.vat import (
    OUTSIDE_SCOPE,
    REVERSE_CHARGE,
    ZERO_RATE,
    domestic_category,
    parse_vat_rate,
)

NETHERLANDS = "NL"
EU_MEMBER_STATES = frozenset({
    "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU",
    "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK",
})
# A VAT id starts with its member state's code, except Greece's (EL).
_VAT_PREFIX_COUNTRY = {"EL": "GR"}

DOMESTIC = "domestic"
REVERSE_CHARGED = "reverse_charge"
OUTSIDE_EU = "outside_eu"

REVERSE_CHARGE_NOTE = "Btw verlegd / VAT reverse charge (art. 196 Directive 2006/112/EC)"
REVERSE_CHARGE_EXEMPTION_CODE = "VATEX-EU-AE"
OUTSIDE_EU_NOTE = ("Niet onderworpen aan Nederlandse btw / Not subject to Dutch VAT: "
                   "services to a business outside the EU (art. 44 Directive 2006/112/EC)")
OUTSIDE_EU_EXEMPTION_CODE = "VATEX-EU-O"


@dataclass(frozen=True)
class VatTreatment:
    kind: str  # DOMESTIC, REVERSE_CHARGED or OUTSIDE_EU
    rule: str  # the name of the rule that decided it
    note: str | None = None  # the legal note the invoice must carry
    exemption_code: str | None = None  # VATEX code for the e-invoice

    def category(self, domestic_rate: Decimal) -> str:
        if self.kind == REVERSE_CHARGED:
            return REVERSE_CHARGE
        if self.kind == OUTSIDE_EU:
            return OUTSIDE_SCOPE
        return domestic_category(domestic_rate)

    def rate(self, domestic_rate: Decimal) -> Decimal:
        """The rate a line carries: the contract's rate at home, 0 % otherwise."""
        return parse_vat_rate(domestic_rate) if self.kind == DOMESTIC else ZERO_RATE

    @property
    def shows_client_vat_id(self) -> bool:
        return self.kind == REVERSE_CHARGED


def vat_country(vat_id: str) -> str:
    prefix = vat_id[:2].upper()
    return _VAT_PREFIX_COUNTRY.get(prefix, prefix)


def is_valid_vat_id_of(vat_id: str | None, country: str) -> bool:
    """Whether `vat_id` is a valid EU VAT number (checksum) belonging to `country`."""
    if not vat_id:
        return False
    return vat_country(vat_id) == country and eu_vat.is_valid(vat_id)


def decide_vat_treatment(client: ClientParty) -> VatTreatment:
    """The VAT treatment of services to `client`; see the module docstring for the rules."""
    if client.country == NETHERLANDS:
        return VatTreatment(DOMESTIC, "DutchClientPaysDutchVat")
    if not client.is_business:
        return VatTreatment(DOMESTIC, "PrivateClientPaysDutchVat")
    if client.country in EU_MEMBER_STATES:
        if not is_valid_vat_id_of(client.vat_id, client.country):
            raise ReverseChargeNeedsClientVatId(client.name, client.country, client.vat_id)
        return VatTreatment(REVERSE_CHARGED, "EuBusinessClientReverseCharge",
                            REVERSE_CHARGE_NOTE, REVERSE_CHARGE_EXEMPTION_CODE)
    return VatTreatment(OUTSIDE_EU, "BusinessClientOutsideEuIsOutsideDutchVat",
                        OUTSIDE_EU_NOTE, OUTSIDE_EU_EXEMPTION_CODE)


def reverse_charge_note(coop_vat_id: str, client_vat_id: str) -> str:
    """The note on a reverse-charged invoice, with both VAT ids as the law asks."""
    return f"{REVERSE_CHARGE_NOTE}. Supplier VAT id {coop_vat_id}; customer VAT id {client_vat_id}."


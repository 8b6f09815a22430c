"""The coop's own party and money rules, from environment variables (or the nameko config).

The nameko config wins over the environment, which wins over the demo defaults.
Every number is checked at start-up, so a wrong BTW id or IBAN stops the service
with a message naming the variable instead of producing invoices a bank or the tax
authority refuses.

| variable | default | what |
|---|---|---|
| `COOP_NAME` | `Multitalent U.A.` | supplier name on invoices, payer name on payouts |
| `COOP_STREET`, `COOP_POSTAL_CODE`, `COOP_CITY` | `Oudegracht 100`, `3511 AX`, `Utrecht` | |
| `COOP_COUNTRY` | `NL` | ISO 3166-1 alpha-2 |
| `COOP_BTW_ID` | `NL004495445B01` (a valid test number) | BTW id (checked) |
| `COOP_KVK` | `30280353` | KvK number, 8 digits |
| `COOP_IBAN`, `COOP_BIC` | `NL91ABNA0417164300`, `ABNANL2A` | account paid into and paid from |
| `COOP_EMAIL` | `facturen@multitalent.example` | on invoices (optional) |
| `COOP_FEE_PERCENT` | `5` | coop fee, % of the invoiced net (new contracts) |
| `COOP_DEVELOPMENT_PERCENT` | `1` | development fund, % of the invoiced net (new contracts) |
| `COOP_PAYMENT_TERMS_DAYS` | `30` | invoice due date = issue date + this |
| `COOP_GUARANTEE_DAYS` | `7` | members are paid within this many days of approval |
"""

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from nameko.extensions import DependencyProvider
from schwifty import BIC, IBAN
from stdnum.exceptions import ValidationError as StdnumError
from stdnum.nl import btw

from infra.errors import ServiceError
from services.billing.domain.coop_settings import CoopSettings
from services.billing.domain.parties import Address, CoopParty

DEFAULTS = {
    "COOP_NAME": "Multitalent U.A.",
    "COOP_STREET": "Oudegracht 100",
    "COOP_POSTAL_CODE": "3511 AX",
    "COOP_CITY": "Utrecht",
    "COOP_COUNTRY": "NL",
    "COOP_BTW_ID": "NL004495445B01",
    "COOP_KVK": "30280353",
    "COOP_IBAN": "NL91ABNA0417164300",
    "COOP_BIC": "ABNANL2A",
    "COOP_EMAIL": "facturen@multitalent.example",
    "COOP_FEE_PERCENT": "5",
    "COOP_DEVELOPMENT_PERCENT": "1",
    "COOP_PAYMENT_TERMS_DAYS": "30",
    "COOP_GUARANTEE_DAYS": "7",
}


class SettingsError(ValueError):
    """A COOP_* variable holds something the coop cannot invoice or pay with."""


@dataclass(frozen=True)
class BillingSettings:
    coop: CoopParty
    rules: CoopSettings


def load_settings(config: Mapping | None = None,
                  environ: Mapping[str, str] = os.environ) -> BillingSettings:
    config = config or {}
    value = {name: str(config.get(name) or environ.get(name) or default).strip()
             for name, default in DEFAULTS.items()}
    return BillingSettings(coop=_coop(value), rules=_rules(value))


def _coop(value: dict) -> CoopParty:
    try:
        vat_id = "NL" + btw.validate(value["COOP_BTW_ID"])
    except StdnumError as error:
        raise SettingsError(f"COOP_BTW_ID is not a valid Dutch BTW id: {error}") from error
    if not re.fullmatch(r"\d{8}", value["COOP_KVK"]):
        raise SettingsError("COOP_KVK must be a KvK number of 8 digits.")
    try:
        iban = IBAN(value["COOP_IBAN"]).compact
        bic = str(BIC(value["COOP_BIC"])) if value["COOP_BIC"] else None
    except ValueError as error:
        raise SettingsError(f"COOP_IBAN or COOP_BIC is not valid: {error}") from error
    return CoopParty(
        name=value["COOP_NAME"],
        address=Address(value["COOP_STREET"], value["COOP_POSTAL_CODE"], value["COOP_CITY"],
                        value["COOP_COUNTRY"].upper()),
        vat_id=vat_id, kvk_number=value["COOP_KVK"], iban=iban, bic=bic,
        email=value["COOP_EMAIL"] or None,
    )


def _rules(value: dict) -> CoopSettings:
    numbers = {}
    for name, field, kind in (("COOP_FEE_PERCENT", "fee_percent", Decimal),
                              ("COOP_DEVELOPMENT_PERCENT", "development_percent", Decimal),
                              ("COOP_PAYMENT_TERMS_DAYS", "payment_terms_days", int),
                              ("COOP_GUARANTEE_DAYS", "guarantee_days", int)):
        try:
            numbers[field] = kind(value[name])
        except (InvalidOperation, ValueError) as error:
            raise SettingsError(f"{name} is not a number: {value[name]!r}") from error
    try:
        return CoopSettings(**numbers)
    except ServiceError as error:
        raise SettingsError(f"COOP_FEE_PERCENT and COOP_DEVELOPMENT_PERCENT: {error}") from error


class Settings(DependencyProvider):
    """Gives workers the coop's `BillingSettings`, read once when the service starts."""

    def setup(self):
        self.settings = load_settings(self.container.config)

    def get_dependency(self, worker_ctx):
        return self.settings

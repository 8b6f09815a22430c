"""The coop's money rules: operator settings with documented defaults.

Defaults (each can be changed by the operators; a contract keeps the fee and
development percentages in force when it was confirmed, see `contract.py`):

- coop fee: 5 % of the invoiced net (what runs the coop: accounting, invoicing,
  insurance). SMart asks 6.5 % including its guarantee; we ask 5 % + 1 %.
- development fund: 1 % of the invoiced net (members' learning, see Learning).
- payment terms: 30 days (the Dutch statutory term between businesses,
  art. 6:119a BW).
- guarantee: a member is paid within 7 days of the client's approval of hours,
  whether or not the client has paid (see `guarantee.py`).
- solidarity fund (Broodfonds-like): a member chooses a tier; the monthly
  deposit is 5 % of the tier's monthly benefit. Derivation: Broodfondsen see
  roughly 2–3 % of members on benefit at any time; 5 % covers a 3 % claim rate
  with room to build the reserve the fund needs before it can pay 24 months.

      monthly benefit   monthly deposit
      €   750.00        €  37.50
      € 1,000.00        €  50.00
      € 1,500.00        €  75.00
      € 2,000.00        € 100.00
      € 2,500.00        € 125.00

- solidarity benefit: after a waiting month, at most 24 months per claim.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from services.billing.domain.errors import PercentageOutOfRange, UnknownSolidarityTier
from services.billing.domain.money import HUNDRED, parse_amount


@dataclass(frozen=True)
class SolidarityTier:
    monthly_benefit: Decimal
    monthly_deposit: Decimal


def _tier(benefit: str, deposit: str) -> SolidarityTier:
    return SolidarityTier(Decimal(benefit), Decimal(deposit))


DEFAULT_SOLIDARITY_TIERS = (
    _tier("750.00", "37.50"),
    _tier("1000.00", "50.00"),
    _tier("1500.00", "75.00"),
    _tier("2000.00", "100.00"),
    _tier("2500.00", "125.00"),
)


@dataclass(frozen=True)
class CoopSettings:
    fee_percent: Decimal = Decimal("5")
    development_percent: Decimal = Decimal("1")
    payment_terms_days: int = 30
    guarantee_days: int = 7
    solidarity_tiers: tuple[SolidarityTier, ...] = field(default=DEFAULT_SOLIDARITY_TIERS)
    benefit_waiting_months: int = 1
    benefit_max_months: int = 24

    def __post_init__(self):
        for name in ("fee_percent", "development_percent"):
            value = getattr(self, name)
            if not isinstance(value, Decimal) or not 0 <= value <= HUNDRED:
                raise PercentageOutOfRange(name, value)
        if self.fee_percent + self.development_percent >= HUNDRED:
            raise PercentageOutOfRange("fee_percent", self.fee_percent)

    def tier(self, monthly_benefit) -> SolidarityTier:
        """The tier with this monthly benefit; `UnknownSolidarityTier` if there is none."""
        benefit = parse_amount(monthly_benefit, "monthly_benefit")
        for tier in self.solidarity_tiers:
            if tier.monthly_benefit == benefit:
                return tier
        raise UnknownSolidarityTier(benefit, [t.monthly_benefit for t in self.solidarity_tiers])

"""How an amount of work splits into the member's share, the coop fee and the development fund.

Rounding order, fixed so that every place that computes it gets the same cents:

1. net        = hours × hourly rate, rounded half-up to the cent (once per
                invoice line, i.e. per member per contract per invoice);
2. coop fee   = fee % × net, rounded half-up;
3. development= development % × net, rounded half-up;
4. member     = net − coop fee − development (exact: no rounding left).

The solidarity deposit is a fixed monthly amount in whole cents, taken at payout.
Example: 7.75 h × €85.33 = 661.3075 → net 661.31; fee 5 % = 33.0655 → 33.07;
development 1 % = 6.6131 → 6.61; member 661.31 − 33.07 − 6.61 = 621.63.
"""

from dataclasses import dataclass
from decimal import Decimal

from services.billing.domain.money import ZERO, percent_of, round_to_cent


def net_for_hours(hours: Decimal, hourly_rate: Decimal) -> Decimal:
    return round_to_cent(hours * hourly_rate)


@dataclass(frozen=True)
class MemberShare:
    net: Decimal
    coop_fee: Decimal
    development: Decimal
    member: Decimal

    @classmethod
    def of(cls, net: Decimal, fee_percent: Decimal, development_percent: Decimal) -> "MemberShare":
        fee = percent_of(net, fee_percent)
        development = percent_of(net, development_percent)
        return cls(net, fee, development, net - fee - development)

    @classmethod
    def nothing(cls) -> "MemberShare":
        return cls(ZERO, ZERO, ZERO, ZERO)

    def __add__(self, other: "MemberShare") -> "MemberShare":
        return MemberShare(self.net + other.net, self.coop_fee + other.coop_fee,
                           self.development + other.development, self.member + other.member)

    def __sub__(self, other: "MemberShare") -> "MemberShare":
        return MemberShare(self.net - other.net, self.coop_fee - other.coop_fee,
                           self.development - other.development, self.member - other.member)

"""Open work: approved hours not yet invoiced, per contract per month.

The coop owes a member their share from the moment hours are approved. An
approval books the *increment* of each open unit's share: share(hours after) −
share(hours before), where a unit is one contract's approved, uninvoiced hours in
one month. Worked example (rate €85.33, fee 5 %, development 1 %):

    approval 1: 3.25 h → net 277.32 (277.3225), fee 13.87, dev 2.77, member 260.68
    approval 2: +4.50 h → 7.75 h → net 661.31, fee 33.07, dev 6.61, member 621.63
                increment: net 383.99, fee 19.20, dev 3.84, member 360.95
    invoice line for 7.75 h: net 661.31 = 277.32 + 383.99 → unbilled_work is back to 0.

Had each approval been rounded on its own (4.50 h × 85.33 = 383.985 → 383.99), the
sum would still match here, but not in general; differences of running totals
always do.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal

from services.billing.domain.contract import Contract
from services.billing.domain.member_share import MemberShare, net_for_hours
from services.billing.domain.period import Month
from services.billing.domain.timesheet import APPROVED, TimeEntry


@dataclass(frozen=True)
class OpenWork:
    contract: Contract
    month: Month
    hours: Decimal

    @property
    def key(self) -> tuple[str, Month]:
        return self.contract.id, self.month

    @property
    def member_id(self) -> str:
        return self.contract.member_id

    @property
    def share(self) -> MemberShare:
        return MemberShare.of(net_for_hours(self.hours, self.contract.hourly_rate),
                              self.contract.fee_percent, self.contract.development_percent)


def open_work(contracts: Mapping[str, Contract],
              entries: Iterable[TimeEntry]) -> dict[tuple[str, Month], OpenWork]:
    """The open units among `entries` (others — submitted, rejected, invoiced — are ignored)."""
    hours: dict[tuple[str, Month], Decimal] = {}
    for entry in entries:
        if entry.status == APPROVED and entry.invoice_number is None:
            key = (entry.contract_id, Month.of(entry.day))
            hours[key] = hours.get(key, Decimal(0)) + entry.hours
    return {key: OpenWork(contracts[key[0]], key[1], h) for key, h in hours.items()}


def approval_increments(before: Mapping[tuple[str, Month], OpenWork],
                        after: Mapping[tuple[str, Month], OpenWork]) -> dict[str, MemberShare]:
    """Per member, what an approval added: Σ share(after) − share(before) over the units."""
    increments: dict[str, MemberShare] = {}
    for key, unit in after.items():
        old = before[key].share if key in before else MemberShare.nothing()
        increments[unit.member_id] = (increments.get(unit.member_id, MemberShare.nothing())
                                      + unit.share - old)
    return increments


def open_share_by_member(units: Iterable[OpenWork]) -> dict[str, Decimal]:
    """Per member, the member share of their open (not yet invoiced) work."""
    shares: dict[str, Decimal] = {}
    for unit in units:
        shares[unit.member_id] = shares.get(unit.member_id, Decimal("0.00")) + unit.share.member
    return shares

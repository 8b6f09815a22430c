"""The solidarity fund (Broodfonds-like): members deposit monthly; a sick member gets a benefit.

- A member joins a tier (`coop_settings.py`: €750 … €2,500 benefit, deposit 5 %)
  and deposits monthly, taken from their payout (`payout.py`).
- `SolidarityClaim.file`: a sick member files a claim, with the day they fell
  sick. Rule `ClaimAlreadyOpen`: one open claim at a time; `ClaimNeedsATier`.
- **Waiting month**: benefit starts one month after falling sick (sick on
  10 March → benefit from 10 April). Recovery within the waiting month: no benefit.
- Benefit months run from that day (10 April–9 May is month 1). Each month is due
  when it has ended. **At most 24** benefit months; then the claim ends.
- **Recovery** ends the claim: the month in which the member recovers is paid
  pro rata by day: benefit × sick days / days in that benefit month, half-up.
- **The fund never goes below zero**: when the benefits due exceed the fund's
  balance, every benefit is pro-rated by the same fraction, in cents that add
  up to at most the balance (`pro_rate_benefits`), and each member is told why.
  The part not paid is not owed later: the fund shares what it has.
"""

import uuid
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from services.billing.domain.coop_settings import CoopSettings, SolidarityTier
from services.billing.domain.errors import ClaimAlreadyOpen, RecoveryBeforeSickness
from services.billing.domain.money import ZERO, round_to_cent, split_pro_rata, total
from services.billing.domain.period import add_months


@dataclass(frozen=True)
class BenefitMonth:
    claim_id: str
    member_id: str
    index: int  # 1 … 24
    starts_on: date
    ends_before: date  # exclusive
    amount: Decimal  # due: the tier's benefit, or pro rata for the month of recovery


@dataclass
class SolidarityClaim:
    id: str
    member_id: str
    monthly_benefit: Decimal
    sick_since: date
    filed_on: date
    recovered_on: date | None = None
    months_paid: int = 0

    @classmethod
    def file(cls, member_id: str, tier: SolidarityTier, sick_since: date, filed_on: date,
             open_claims: int) -> "SolidarityClaim":
        if open_claims:
            raise ClaimAlreadyOpen(member_id)
        return cls(str(uuid.uuid4()), member_id, tier.monthly_benefit, sick_since, filed_on)

    def benefit_starts_on(self, settings: CoopSettings) -> date:
        return add_months(self.sick_since, settings.benefit_waiting_months)

    def recover(self, recovered_on: date) -> None:
        """The first day the member is well again."""
        if recovered_on < self.sick_since:
            raise RecoveryBeforeSickness(self.sick_since, recovered_on)
        self.recovered_on = recovered_on

    def is_open(self, settings: CoopSettings) -> bool:
        return self.recovered_on is None and self.months_paid < settings.benefit_max_months

    def months_due(self, today: date, settings: CoopSettings) -> list[BenefitMonth]:
        """The benefit months not yet paid that are due on `today`."""
        start = self.benefit_starts_on(settings)
        due = []
        for index in range(self.months_paid + 1, settings.benefit_max_months + 1):
            month_start = add_months(start, index - 1)
            month_end = add_months(start, index)
            if self.recovered_on is not None and self.recovered_on <= month_start:
                break  # well before this month began
            if self.recovered_on is not None and self.recovered_on < month_end:
                if self.recovered_on > today:
                    break
                sick_days = (self.recovered_on - month_start).days
                amount = round_to_cent(self.monthly_benefit * sick_days
                                       / (month_end - month_start).days)
                due.append(BenefitMonth(self.id, self.member_id, index, month_start,
                                        month_end, amount))
                break
            if month_end > today:
                break
            due.append(BenefitMonth(self.id, self.member_id, index, month_start, month_end,
                                    self.monthly_benefit))
        return due

    def record_paid(self, months: list[BenefitMonth]) -> None:
        if months:
            self.months_paid = max(self.months_paid, max(m.index for m in months))


@dataclass(frozen=True)
class BenefitPayment:
    month: BenefitMonth
    paid: Decimal
    message: str | None = None  # why it is less than due


def pro_rate_benefits(due: list[BenefitMonth], fund_balance: Decimal) -> list[BenefitPayment]:
    """What the fund pays of `due`: all of it, or, if it has less, everyone the same fraction."""
    owed = total(m.amount for m in due)
    if owed <= fund_balance:
        return [BenefitPayment(m, m.amount) for m in due]
    available = max(ZERO, fund_balance)
    shares = split_pro_rata(available, {i: m.amount for i, m in enumerate(due)})
    percent = (available * 100 / owed).quantize(Decimal("0.1"))
    message = (f"The solidarity fund holds €{available}, less than the €{owed} of benefits due; "
               f"every benefit this month is paid at {percent}% of its amount.")
    return [BenefitPayment(m, shares[i], message) for i, m in enumerate(due)]


@dataclass(frozen=True)
class SolidarityMembership:
    """A member's chosen tier, from the month `since` on."""

    member_id: str
    tier: SolidarityTier
    since: date

    def deposit_due(self, on: date, already_deposited: bool) -> Decimal:
        """The deposit to take in a payout on `on`: once per calendar month."""
        if already_deposited or on < self.since:
            return ZERO
        return self.tier.monthly_deposit

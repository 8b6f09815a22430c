"""The premium rule of collective insurance: which months a payout batch charges, and how
its deduction is posted (`months_due`, `covers_month`, `charges_due`, `allocate`).

- the full monthly premium is due for every calendar month in which the enrolment
  is in force on at least one day (no pro-rating of part months);
- a payout run charges a month when the run's execution date is on or after the
  first day of cover in that month (the start, or the 1st of the month), i.e. the
  months from the start through the earlier of the execution date and the end, that
  no run charged before. A cover starting later in the run's month is charged by the
  next run once it is in force (and never, when cancelled before it starts). A month's
  premium is the policy's premium when that month is first charged, so a premium
  change applies to months not charged yet;
- the run deducts what the member's payout can carry (after the solidarity
  deposit, see `payout.py`), oldest month first; the rest of a month stays open and
  is carried to the next run (rule `PremiumCarriedOver` in the batch's `waiting`);
- an open (not fully deducted) month is collected only while it is still covered:
  when an end moved earlier (an operator's correction within the current month, or
  a leave date) leaves that month without a day of cover, what was not deducted is
  released (never collected). Months still covered stay owed, however the
  enrolment ends later (opting out, leaving);
- nothing is charged twice: each (enrolment, month) is charged once and remembers
  what was deducted, and a batch asked for again (same id) is the first one. Premiums
  deducted are not refunded automatically (an operator's correction that uncovers a
  month already deducted is settled by hand).

A deduction is posted as Dr `member_payables:<member>`, Cr `insurance_payable`
(`premium_deducted`), so the ledger still balances and the bank file pays the
member the payout net of premiums. Charges are not posted; only deductions are, so
releasing an open charge touches no account.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal

from services.billing.domain.accounts import INSURANCE_PAYABLE, payable_to
from services.billing.domain.insurance_enrolments import Enrolment
from services.billing.domain.insurance_policies import Policy
from services.billing.domain.money import ZERO
from services.billing.domain.period import Month
from services.billing.domain.posting import Posting, credit, debit, make_posting


def months_due(enrolment: Enrolment, through: date) -> list[Month]:
    """The months a run executed on `through` charges: those whose first day of cover (the
    start, or the 1st of the month) is on or before `through`, i.e. from the start's month
    through the month of the earlier of `through` and the end."""
    last = through if enrolment.ends_on is None else min(through, enrolment.ends_on)
    if last < enrolment.starts_on:
        return []
    month, months = Month.of(enrolment.starts_on), []
    while month.first_day <= last:
        months.append(month)
        month = month.plus(1)
    return months


def covers_month(enrolment: Enrolment, month: Month) -> bool:
    """Whether the enrolment is in force on at least one day of `month`."""
    return (not enrolment.cancelled and enrolment.starts_on <= month.last_day
            and (enrolment.ends_on is None or month.first_day <= enrolment.ends_on))


@dataclass(frozen=True)
class PremiumCharge:
    """One month of one enrolment, charged by a payout batch; `deducted` so far."""

    enrolment_id: str
    member_id: str
    policy_id: str
    month: Month
    premium: Decimal
    deducted: Decimal = ZERO

    @property
    def outstanding(self) -> Decimal:
        return self.premium - self.deducted


def charges_due(enrolments: Iterable[Enrolment], policies: Mapping[str, Policy],
                charged: Iterable[PremiumCharge], through: date) -> list[PremiumCharge]:
    """What a run executed on `through` collects: open charges from earlier runs for months
    still covered (an open month no longer covered is released), and a new charge (at the
    policy's premium now) for every month due not charged before. Oldest month first."""
    enrolments = list(enrolments)
    by_id = {e.id: e for e in enrolments}
    known = {(c.enrolment_id, str(c.month)): c for c in charged}
    due = [c for c in known.values() if c.outstanding > 0 and c.enrolment_id in by_id
           and covers_month(by_id[c.enrolment_id], c.month)]
    for enrolment in enrolments:
        for month in months_due(enrolment, through):
            if (enrolment.id, str(month)) not in known:
                due.append(PremiumCharge(enrolment.id, enrolment.member_id, enrolment.policy_id,
                                         month, policies[enrolment.policy_id].monthly_premium))
    return sorted(due, key=lambda c: (c.month.year, c.month.month, c.policy_id,
                                      c.enrolment_id))


def outstanding_by_member(charges: Iterable[PremiumCharge]) -> dict[str, Decimal]:
    result: dict[str, Decimal] = {}
    for charge in charges:
        result[charge.member_id] = result.get(charge.member_id, ZERO) + charge.outstanding
    return result


def allocate(charges: Iterable[PremiumCharge], amount: Decimal) -> list[PremiumCharge]:
    """`charges` (one member's, oldest first) after deducting `amount` from them in order;
    every charge is returned, paid or not (what is left of it is carried over)."""
    left = amount
    result = []
    for charge in charges:
        taken = min(left, charge.outstanding)
        left -= taken
        result.append(replace(charge, deducted=charge.deducted + taken))
    if left:
        raise ValueError(f"{amount} is more than the premiums due")
    return result


def premium_deducted(causation_id: str, booked_on: date, member_id: str,
                     amount: Decimal) -> Posting | None:
    """Dr what the coop owes the member, Cr insurance_payable (what the coop owes insurers)."""
    return make_posting(causation_id, "premium_deducted", booked_on, "Insurance premiums",
                        [debit(payable_to(member_id), amount), credit(INSURANCE_PAYABLE, amount)],
                        reference=f"insurance:{member_id}")

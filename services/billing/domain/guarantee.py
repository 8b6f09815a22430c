"""The guarantee: a member is paid within 7 days of approval, whether or not the client paid.

The guarantee fund pays for that. It is tracked as the fund's *available* money
(`guarantee_fund`) and, per member, the part of it *advanced* to them ahead of a
client's payment (`guarantee_advances:<member>`); advancing moves money from the
one to the other, and a client's payment moves it back. The fund's total never
changes by advancing; only a client that never pays would cost it money.

How much is advanced to a member at any moment is their **exposure**:

    unpaid work = the member's share of work the client has not (fully) paid for:
                  approved hours not yet invoiced, and lines on invoices still open
    owed        = what the coop still owes the member (their payable balance)
    exposure    = max(0, unpaid work − owed)

i.e. whatever of the unpaid work the member has already received. The coop
assumes payouts pay client-paid work first, the reading most favourable to the
fund. Example: €940 approved, not invoiced (unpaid 940, owed 940, exposure 0);
paid out (owed 0 → exposure 940, advanced 940); the invoice is paid in full
(unpaid 0 → exposure 0: €940 returns to the fund).

**Rule `GuaranteeFundNeverNegative`**: a payout that needs a larger advance than
the fund has available is not made in full: the member receives what client money
already covers, and the rest *waits* for the client's payment, with the reason.
Simplifications, on the fund's safe side: a partially paid invoice counts as
unpaid until it is settled; a partial credit note still counts the credited
work as unpaid until the invoice is settled.
"""

from collections.abc import Iterable
from datetime import date, datetime, timedelta
from decimal import Decimal

from services.billing.domain.coop_settings import CoopSettings
from services.billing.domain.invoice import Invoice
from services.billing.domain.money import ZERO
from services.billing.domain.open_work import OpenWork
from services.billing.domain.timesheet import APPROVED, TimeEntry


def exposure(unpaid_work: Decimal, owed: Decimal) -> Decimal:
    """How much of the member's unpaid work has already been paid to them."""
    return max(ZERO, unpaid_work - owed)


def unpaid_work_by_member(open_units: Iterable[OpenWork],
                          unsettled_invoices: Iterable[Invoice]) -> dict[str, Decimal]:
    """Per member, their share of open work and of lines on invoices not yet settled."""
    unpaid: dict[str, Decimal] = {}
    for unit in open_units:
        unpaid[unit.member_id] = unpaid.get(unit.member_id, ZERO) + unit.share.member
    for invoice in unsettled_invoices:
        for member_id, share in invoice.shares_by_member().items():
            unpaid[member_id] = unpaid.get(member_id, ZERO) + share.member
    return unpaid


def repayments(advanced: dict[str, Decimal], unpaid_before: dict[str, Decimal],
               unpaid_after: dict[str, Decimal], owed: dict[str, Decimal]) -> dict[str, Decimal]:
    """What goes back to the fund when work becomes paid (an invoice is settled).

    Per member: how far their exposure fell, never more than was advanced to them.
    """
    repaid = {}
    for member_id, before in unpaid_before.items():
        fell = (exposure(before, owed.get(member_id, ZERO))
                - exposure(unpaid_after.get(member_id, ZERO), owed.get(member_id, ZERO)))
        amount = min(max(ZERO, fell), advanced.get(member_id, ZERO))
        if amount > 0:
            repaid[member_id] = amount
    return repaid


def payout_deadline(approved_at: datetime | date, settings: CoopSettings) -> date:
    """The last day the member may be paid for hours approved at `approved_at`."""
    day = approved_at.date() if isinstance(approved_at, datetime) else approved_at
    return day + timedelta(days=settings.guarantee_days)


def late_for_payout(entries: Iterable[TimeEntry], paid_through: datetime, today: date,
                    settings: CoopSettings) -> list[TimeEntry]:
    """Approved hours after `paid_through` (the last batch) whose deadline is today or past:
    a payout batch must run today to keep the guarantee."""
    return [e for e in entries if e.status == APPROVED and e.decided_at is not None
            and e.decided_at > paid_through and payout_deadline(e.decided_at, settings) <= today]

"""Payout batches: what each member receives, and what waits.

Per member, from their position at the moment of the batch:

    owed      = their payable balance: shares of approved hours (net − fee −
                development fund, see `member_share.py`) + solidarity benefits
                − earlier payouts − earlier deposits − credit notes
    deposit   = this month's solidarity deposit, taken when `owed` covers it
                (else skipped, and the member is told: rule `DepositNeedsEarnings`)
    premium   = insurance premiums due (see `insurance_premiums.py`), taken from what is left
                after the deposit, as far as it goes; the rest is carried over to the
                next batch (rule `PremiumCarriedOver`)
    payout    = owed − deposit − premium

Everything is whole cents already, so nothing is rounded here; the file sent to
the bank carries exactly these amounts, and so does the ledger.

The guarantee (`guarantee.py`) decides whether the whole payout can go: the
increase of the member's exposure is advanced by the guarantee fund; if the fund
has less available than that, only what client money covers is paid and the rest
waits (`GuaranteeFundNeverNegative`). Members are served in order of how long they
have waited (oldest approval first), so the fund's last euros go to them.
A member whose IBAN is invalid is not paid (`IbanIsInvalid`); their money waits.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from schwifty import IBAN
from schwifty.exceptions import SchwiftyException

from services.billing.domain.guarantee import exposure
from services.billing.domain.money import ZERO, total


@dataclass(frozen=True)
class MemberPosition:
    member_id: str
    name: str
    iban: str
    owed: Decimal  # payable balance (credit-normal: positive = the coop owes the member)
    unpaid_work: Decimal  # see guarantee.unpaid_work_by_member
    advanced: Decimal  # guarantee_advances:<member> balance (credit-normal)
    deposit_due: Decimal = ZERO
    waiting_since: date | None = None  # oldest approval not yet paid out, for ordering
    premium_due: Decimal = ZERO  # insurance premiums charged and not yet deducted


@dataclass(frozen=True)
class PayoutLine:
    member_id: str
    name: str
    iban: str
    amount: Decimal  # to the member's bank account
    deposit: Decimal  # into the solidarity fund
    advance: Decimal  # guarantee fund advanced (> 0) or returned (< 0) with this payout
    end_to_end_id: str
    premium: Decimal = ZERO  # insurance premiums deducted (to insurance_payable)


@dataclass(frozen=True)
class Waiting:
    member_id: str
    amount: Decimal
    rule: str
    reason: str


@dataclass(frozen=True)
class PayoutBatch:
    id: str
    execution_date: date
    lines: tuple[PayoutLine, ...]
    waiting: tuple[Waiting, ...]

    @property
    def total(self) -> Decimal:
        return total(line.amount for line in self.lines)

    @property
    def transfers(self) -> tuple[PayoutLine, ...]:
        """The lines with money to send (a line may be a deposit only)."""
        return tuple(line for line in self.lines if line.amount > 0)


def plan_payout_batch(batch_id: str, execution_date: date, positions: Iterable[MemberPosition],
                      guarantee_available: Decimal) -> PayoutBatch:
    available = guarantee_available
    lines, waiting = [], []
    ordered = sorted(positions, key=lambda p: (p.waiting_since or date.max, p.member_id))
    for position in ordered:
        if not _valid_iban(position.iban):
            if position.owed > 0:
                waiting.append(Waiting(position.member_id, position.owed, "IbanIsInvalid",
                                       "Your IBAN is not valid; correct it to be paid."))
            continue
        deposit, premium, amount, after = _plan(position, allowed_exposure=None)
        advance = after - position.advanced
        if advance > available:
            full = deposit + amount  # premiums not deducted are carried over (below)
            deposit, premium, amount, after = _plan(position,
                                                    allowed_exposure=position.advanced)
            advance = min(ZERO, after - position.advanced)
            held = full - deposit - amount
            if held > 0:
                waiting.append(Waiting(
                    position.member_id, held, "GuaranteeFundNeverNegative",
                    f"€{held} waits for your client's payment: the guarantee fund has "
                    f"€{available} available and cannot advance it now."))
        if position.deposit_due and not deposit:
            waiting.append(Waiting(
                position.member_id, position.deposit_due, "DepositNeedsEarnings",
                f"This month's solidarity deposit of €{position.deposit_due} is not taken: "
                "your earnings do not cover it yet."))
        if premium < position.premium_due:
            carried = position.premium_due - premium
            waiting.append(Waiting(
                position.member_id, carried, "PremiumCarriedOver",
                f"€{carried} of insurance premiums is carried over to the next payout: "
                "your earnings do not cover it yet."))
        available -= advance
        if amount or deposit or advance or premium:
            lines.append(PayoutLine(position.member_id, position.name,
                                    IBAN(position.iban).compact, amount, deposit, advance,
                                    f"{batch_id.replace('-', '')[:20]}-{len(lines) + 1}",
                                    premium))
    return PayoutBatch(batch_id, execution_date, tuple(lines), tuple(waiting))


def _plan(position: MemberPosition, allowed_exposure: Decimal | None):
    """(deposit, premium, payout, exposure after) when the exposure may grow to
    `allowed_exposure`."""
    hold_back = ZERO if allowed_exposure is None else max(
        ZERO, position.unpaid_work - allowed_exposure)
    releasable = max(ZERO, position.owed - hold_back)
    deposit = position.deposit_due if releasable >= position.deposit_due else ZERO
    premium = min(position.premium_due, releasable - deposit)
    amount = releasable - deposit - premium
    after = exposure(position.unpaid_work, position.owed - deposit - premium - amount)
    return deposit, premium, amount, after


def _valid_iban(iban: str) -> bool:
    try:
        IBAN(iban)
    except (SchwiftyException, ValueError):
        return False
    return True

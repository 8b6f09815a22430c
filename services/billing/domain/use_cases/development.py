"""The development fund's spending: what learning approved, reimbursed to the member.

The fund is filled where billing books it (`development_fund_contributed`: approvals,
credit notes, operators' contributions); learning decides what it pays for and tells
billing with `development_expense_approved`. Billing posts the expense from the fund to
the member's payable, paid out with the next payout batch, once per approved request.
"""

from datetime import date
from decimal import Decimal

from services.billing.domain.accounts import DEVELOPMENT_FUND
from services.billing.domain.errors import AmountMustBePositive, DevelopmentFundWouldGoNegative
from services.billing.domain.money import parse_amount
from services.billing.domain.ports import UnitOfWork
from services.billing.domain.posting import Posting
from services.billing.domain.postings import development_expense
from services.billing.domain.use_cases._support import credit_normal, post


def pay_development_expense(uow: UnitOfWork, event: dict, request_id: str, member_id: str,
                            amount: Decimal, title: str, approved_on: date) -> Posting | None:
    """Reimburse `member_id` from the development fund; the same event or request twice
    posts once. `DevelopmentFundWouldGoNegative` when the fund holds less: nothing is
    posted and the event is parked for an operator."""
    value = parse_amount(amount, "amount")
    if value <= 0:
        raise AmountMustBePositive("amount", value)
    with uow:
        if uow.already_handled(event):
            return None
        posting = development_expense(request_id, approved_on, member_id, value, title)
        first = uow.ledger.by_key(posting.key)
        if first is None:
            balance = credit_normal(uow, DEVELOPMENT_FUND)
            if value > balance:
                raise DevelopmentFundWouldGoNegative(request_id, value, balance)
        posted = post(uow, posting)
        uow.mark_handled(event)
        uow.commit()
        return posted

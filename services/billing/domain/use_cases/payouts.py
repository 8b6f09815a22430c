"""Payout batches: pay every member what the coop owes them, within the guarantee.

Run at least weekly (the guarantee: within 7 days of approval; see
`guarantee.late_for_payout`). One transaction: the batch, a payout posting per
member (payout, solidarity deposit, guarantee advance), the deposits recorded per
month, insurance premiums deducted (`use_cases/insurance.py`: each month charged
once, what does not fit carried over), and the `payout_batch_created` event. The
pain.001 file is made from the returned batch with `sepa_export.pain001`; its amounts
are the postings' amounts.
"""

from datetime import date

from services.billing.domain.accounts import (
    GUARANTEE_FUND,
    MEMBER_PAYABLES,
    advanced_to,
)
from services.billing.domain.events import PayoutBatchCreated
from services.billing.domain.guarantee import unpaid_work_by_member
from services.billing.domain.money import ZERO
from services.billing.domain.open_work import open_work
from services.billing.domain.payout import MemberPosition, PayoutBatch, plan_payout_batch
from services.billing.domain.period import Month
from services.billing.domain.ports import UnitOfWork
from services.billing.domain.postings import payout
from services.billing.domain.use_cases._support import credit_normal, post
from services.billing.domain.use_cases.insurance import (
    deduct_premiums,
    premium_due_by_member,
    premiums_due,
)


def create_payout_batch(uow: UnitOfWork, batch_id: str, execution_date: date) -> PayoutBatch:
    """The batch for `batch_id`; asking again for the same id returns the first one."""
    with uow:
        existing = uow.payouts.get(batch_id)
        if existing is not None:
            return existing
        month = Month.of(execution_date)
        charges = premiums_due(uow, execution_date)
        positions = _positions(uow, execution_date, premium_due_by_member(charges))
        batch = plan_payout_batch(batch_id, execution_date, positions,
                                  credit_normal(uow, GUARANTEE_FUND))
        for line in batch.lines:
            post(uow, payout(batch_id, execution_date, line.member_id, line.amount,
                             line.deposit, line.advance))
            if line.deposit:
                uow.payouts.record_deposit(line.member_id, month, batch_id)
        uow.payouts.add(batch)
        deduct_premiums(uow, batch, charges)
        uow.publish(PayoutBatchCreated(batch))
        uow.commit()
        return batch


def _positions(uow: UnitOfWork, on: date, premiums: dict) -> list[MemberPosition]:
    owed = {account.split(":", 1)[1]: -balance
            for account, balance in uow.ledger.balances(f"{MEMBER_PAYABLES}:").items()}
    deposits = {m.member_id: m.deposit_due(on, uow.payouts.deposited(m.member_id, Month.of(on)))
                for m in uow.solidarity.memberships()}
    member_ids = sorted(set(owed) | {m for m, d in deposits.items() if d})
    entries = uow.entries.approved_uninvoiced(member_ids=member_ids)
    units = open_work(uow.contracts.many({e.contract_id for e in entries}), entries).values()
    unpaid = unpaid_work_by_member(units, uow.invoices.unsettled_for_members(member_ids))
    waiting_since = {}
    for entry in entries:
        day = entry.decided_at.date() if entry.decided_at else on
        waiting_since[entry.member_id] = min(waiting_since.get(entry.member_id, day), day)
    positions = []
    for member_id in member_ids:
        payee = uow.payees.get(member_id)
        positions.append(MemberPosition(
            member_id=member_id,
            name=payee.name if payee else member_id,
            iban=payee.iban if payee else "",
            owed=owed.get(member_id, ZERO),
            unpaid_work=unpaid.get(member_id, ZERO),
            advanced=credit_normal(uow, advanced_to(member_id)),
            deposit_due=deposits.get(member_id, ZERO),
            waiting_since=waiting_since.get(member_id),
            premium_due=premiums.get(member_id, ZERO),
        ))
    return positions

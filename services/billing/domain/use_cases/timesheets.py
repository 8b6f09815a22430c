"""Hours: a member submits them, the contract's client approves or rejects them.

Approval is a financial fact: from then on the coop owes the member their share
(the guarantee), so approving books the increment of each open unit of work
(`open_work.py`) in the same transaction, caused by the approval's command id.
"""

from datetime import date
from decimal import Decimal

from services.billing.domain.errors import TimeEntryNotFound
from services.billing.domain.events import (
    TimesheetApproved,
    TimesheetRejected,
    TimesheetSubmitted,
)
from services.billing.domain.open_work import approval_increments, open_work
from services.billing.domain.period import Month
from services.billing.domain.ports import UnitOfWork
from services.billing.domain.postings import hours_approved
from services.billing.domain.timesheet import TimeEntry
from services.billing.domain.use_cases._support import load_contract, now, post
from services.billing.domain.use_cases.inter_coop import (
    book_external_work,
    check_hours_may_be_written,
)


def submit_hours(uow: UnitOfWork, member_id: str, contract_id: str,
                 hours_by_day: dict[date, object]) -> list[TimeEntry]:
    """The member's hours on one assignment, per day; a day written again is replaced.
    Never on a lent contract (`LentHoursComeFromThePartner`: the partner's hours only)."""
    with uow:
        contract = load_contract(uow, contract_id)
        check_hours_may_be_written(uow, contract_id)
        written = []
        for day in sorted(hours_by_day):
            others = sum((e.hours for e in uow.entries.for_member_day(member_id, day)
                          if e.contract_id != contract_id and e.counts_towards_day), Decimal(0))
            entry = uow.entries.for_contract_day(contract_id, day)
            if entry is None:
                entry = TimeEntry.submit(contract, member_id, day, hours_by_day[day], others,
                                         now())
                uow.entries.add(entry)
            else:
                entry.resubmit(contract, member_id, hours_by_day[day], others, now())
                uow.entries.save(entry)
            written.append(entry)
        uow.publish(TimesheetSubmitted(member_id, contract.client_id, tuple(written)))
        uow.commit()
        return written


def approve_hours(uow: UnitOfWork, client_id: str, entry_ids: list[str],
                  command_id: str) -> list[TimeEntry]:
    with uow:
        entries = _load(uow, entry_ids)
        units = {(e.contract_id, Month.of(e.day)) for e in entries}
        contracts = uow.contracts.many({contract_id for contract_id, _ in units})
        before = _open_units(uow, contracts, units)
        for entry in entries:
            entry.approve(client_id, now())
            uow.entries.save(entry)
        after = _open_units(uow, contracts, units)
        before, after = book_external_work(uow, contracts, before, after, entries, command_id)
        increments = approval_increments(before, after)
        post(uow, hours_approved(command_id, now().date(), increments),
             development={member: share.development for member, share in increments.items()})
        uow.publish(TimesheetApproved(client_id, tuple(entries)))
        uow.commit()
        return entries


def reject_hours(uow: UnitOfWork, client_id: str, entry_ids: list[str],
                 reason: str) -> list[TimeEntry]:
    with uow:
        entries = _load(uow, entry_ids)
        for entry in entries:
            entry.reject(client_id, reason, now())
            uow.entries.save(entry)
        uow.publish(TimesheetRejected(client_id, tuple(entries), reason))
        uow.commit()
        return entries


def _load(uow: UnitOfWork, entry_ids: list[str]) -> list[TimeEntry]:
    entries = []
    for entry_id in entry_ids:
        entry = uow.entries.get(entry_id)
        if entry is None:
            raise TimeEntryNotFound(entry_id)
        entries.append(entry)
    return entries


def _open_units(uow, contracts, units):
    entries = [e for contract_id, month in units
               for e in uow.entries.for_contract_month(contract_id, month)]
    return open_work(contracts, entries)

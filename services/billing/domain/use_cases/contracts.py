"""Billing's copies of what other services decided: clients, members' names, contracts.

Each is an event handler's use case, applied at most once per event (inbox).
"""

from collections.abc import Callable
from datetime import date

from services.billing.domain.contract import Contract
from services.billing.domain.coop_settings import CoopSettings
from services.billing.domain.errors import UnknownAssignment
from services.billing.domain.parties import ClientParty, MemberName
from services.billing.domain.ports import UnitOfWork


def keep_newer_snapshot(uow: UnitOfWork, event: dict, repository_of: Callable, key: str,
                        snapshot) -> bool:
    """Store `snapshot` (a copy with a `version`) under `key` in `repository_of(uow)` unless
    an equal or newer version is there; once per event. Whether it was stored."""
    with uow:
        if uow.already_handled(event):
            return False
        repository = repository_of(uow)
        current = repository.get(key)
        changed = current is None or snapshot.version > current.version
        if changed:
            repository.put(snapshot)
        uow.mark_handled(event)
        uow.commit()
        return changed


def record_client(uow: UnitOfWork, event: dict, client: ClientParty) -> bool:
    """From matching's `client_registered`/`client_updated`; a newer version wins."""
    return keep_newer_snapshot(uow, event, lambda uow: uow.clients, client.id, client)


def record_assignment(uow: UnitOfWork, event: dict, settings: CoopSettings) -> Contract:
    """From matching's `assignment_confirmed`: the contract billing invoices and pays by."""
    with uow:
        contract = Contract.from_assignment(event["data"], settings)
        if uow.already_handled(event) or uow.contracts.get(contract.id) is not None:
            return uow.contracts.get(contract.id) or contract
        uow.contracts.add(contract)
        uow.mark_handled(event)
        uow.commit()
        return contract


def end_assignment(uow: UnitOfWork, event: dict, assignment_id: str, ended_on: date,
                   reason: str | None = None) -> Contract:
    """From matching's `assignment_ended`: no hours after `ended_on` from now on (hours
    written already stay). An end after the contract's end changes nothing;
    `UnknownAssignment` (the event is parked) for a contract billing never recorded."""
    with uow:
        contract = uow.contracts.get(assignment_id)
        if contract is None:
            raise UnknownAssignment(assignment_id)
        if uow.already_handled(event):
            return contract
        ended = contract.end(ended_on, reason)
        if ended is not None:
            uow.contracts.save(ended)
        uow.mark_handled(event)
        uow.commit()
        return ended or contract


def record_member(uow: UnitOfWork, event: dict, member: MemberName) -> bool:
    """From members' `member_created`/`member_updated`/`member_erased`: the name invoice
    lines give; a newer version wins."""
    return keep_newer_snapshot(uow, event, lambda uow: uow.members, member.member_id, member)

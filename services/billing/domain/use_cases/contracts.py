"""Billing's copies of what other services decided: clients, payees, contracts.

Each is an event handler's use case, applied at most once per event (inbox).
"""

from services.billing.domain.contract import Contract
from services.billing.domain.coop_settings import CoopSettings
from services.billing.domain.parties import ClientParty
from services.billing.domain.ports import UnitOfWork


def record_client(uow: UnitOfWork, event: dict, client: ClientParty) -> bool:
    """From matching's `client_registered`/`client_updated`; a newer version wins."""
    with uow:
        if uow.already_handled(event):
            return False
        current = uow.clients.get(client.id)
        changed = current is None or client.version > current.version
        if changed:
            uow.clients.put(client)
        uow.mark_handled(event)
        uow.commit()
        return changed


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

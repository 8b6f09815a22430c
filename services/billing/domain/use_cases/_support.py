"""What billing's use cases share: the clock, loading what must exist, posting once."""

from collections.abc import Mapping
from datetime import UTC, date, datetime
from decimal import Decimal

from services.billing.domain.errors import ContractNotFound, InvoiceNotFound
from services.billing.domain.events import development_contributions
from services.billing.domain.posting import Posting


def now() -> datetime:
    return datetime.now(UTC)


def today() -> date:
    return now().date()


def load_contract(uow, contract_id: str):
    contract = uow.contracts.get(contract_id)
    if contract is None:
        raise ContractNotFound(contract_id)
    return contract


def load_invoice(uow, number: str):
    invoice = uow.invoices.get(number)
    if invoice is None:
        raise InvoiceNotFound(number)
    return invoice


def post(uow, posting: Posting | None,
         development: Mapping[str | None, Decimal] | None = None) -> Posting | None:
    """Append `posting` unless its key is there already (then return the first one).

    `development`: who funded what the posting books into the development fund (member
    id, or None for the coop). A new posting announces each in the same transaction
    (`development_fund_contributed`); a replayed one announces nothing again.
    """
    if posting is None:
        return None
    first = uow.ledger.by_key(posting.key)
    if first is not None:
        return first
    uow.ledger.append(posting)
    for event in development_contributions(posting, development or {}) if development else ():
        uow.publish(event)
    return posting


def credit_normal(uow, account: str):
    """A fund's or payable's balance as people read it (credit − debit)."""
    return -uow.ledger.balance(account)

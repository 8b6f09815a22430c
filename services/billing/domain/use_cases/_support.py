"""What billing's use cases share: the clock, loading what must exist, posting once."""

from datetime import UTC, date, datetime

from services.billing.domain.errors import ContractNotFound, InvoiceNotFound
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


def post(uow, posting: Posting | None) -> Posting | None:
    """Append `posting` unless its key is there already (then return the first one)."""
    if posting is None:
        return None
    first = uow.ledger.by_key(posting.key)
    if first is not None:
        return first
    uow.ledger.append(posting)
    return posting


def credit_normal(uow, account: str):
    """A fund's or payable's balance as people read it (credit − debit)."""
    return -uow.ledger.balance(account)

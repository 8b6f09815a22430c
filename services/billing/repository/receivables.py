"""What clients owe per invoice: the receivable row, its payments, and the credit notes.

`get` reads the receivable `FOR UPDATE`, so payments on one invoice are registered
one at a time (ports.py). The credit notes are read from the issued documents
themselves (a credit note names the invoice it corrects), so they are never kept
twice. `settled` is stored only to find unsettled invoices without reading them all.
"""

from datetime import UTC, datetime

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from services.billing.domain.invoice import CREDIT_NOTE
from services.billing.domain.receivable import Payment, Receivable
from services.billing.models import invoices, payments, receivables
from services.billing.repository.sql import conflict_on_duplicate


class SqlReceivableRepository:
    def __init__(self, session: Session):
        self.session = session
        self._stored_payments: dict[str, set[str]] = {}

    def add(self, receivable: Receivable) -> None:
        self.session.execute(insert(receivables), {
            "invoice_number": receivable.invoice_number, "invoice_id": receivable.invoice_id,
            "client_id": receivable.client_id, "gross_total": receivable.gross_total,
            "due_date": receivable.due_date, "settled": receivable.is_settled})
        self._stored_payments[receivable.invoice_number] = set()
        self._insert_new_payments(receivable)

    def get(self, invoice_number: str) -> Receivable | None:
        row = self.session.execute(
            select(receivables).where(receivables.c.invoice_number == invoice_number)
            .with_for_update()).first()
        if row is None:
            return None
        return load_receivables(self.session, [row], self._stored_payments)[0]

    def save(self, receivable: Receivable) -> None:
        self._insert_new_payments(receivable)
        self.session.execute(
            update(receivables).where(receivables.c.invoice_number == receivable.invoice_number)
            .values(settled=receivable.is_settled))

    def _insert_new_payments(self, receivable: Receivable) -> None:
        stored = self._stored_payments.setdefault(receivable.invoice_number, set())
        for position, payment in enumerate(receivable.payments):
            if payment.id in stored:
                continue
            with conflict_on_duplicate(f"Payment {payment.id} was registered meanwhile."):
                self.session.execute(insert(payments), {
                    "invoice_number": receivable.invoice_number, "payment_id": payment.id,
                    "position": position, "amount": payment.amount, "paid_on": payment.paid_on,
                    "recorded_at": datetime.now(UTC)})
            stored.add(payment.id)


def load_receivables(session: Session, rows, stored_payments: dict | None = None
                     ) -> list[Receivable]:
    """`Receivable`s for receivable rows, with their payments and credit notes."""
    rows = list(rows)
    numbers = [row.invoice_number for row in rows]
    paid: dict[str, list[Payment]] = {number: [] for number in numbers}
    credited: dict[str, dict] = {number: {} for number in numbers}
    for start in range(0, len(numbers), 500):
        chunk = numbers[start:start + 500]
        for p in session.execute(select(payments).where(payments.c.invoice_number.in_(chunk))
                                 .order_by(payments.c.invoice_number, payments.c.position)):
            paid[p.invoice_number].append(Payment(p.payment_id, p.amount, p.paid_on))
        for note in session.execute(
                select(invoices.c.credited_invoice, invoices.c.number, invoices.c.gross_total)
                .where(invoices.c.credited_invoice.in_(chunk),
                       invoices.c.type_code == CREDIT_NOTE).order_by(invoices.c.seq)):
            credited[note.credited_invoice][note.number] = note.gross_total
    if stored_payments is not None:
        for number in numbers:
            stored_payments[number] = {p.id for p in paid[number]}
    return [Receivable(row.invoice_id, row.invoice_number, row.client_id, row.gross_total,
                       row.due_date, paid[row.invoice_number], credited[row.invoice_number])
            for row in rows]

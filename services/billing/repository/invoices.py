"""Issued invoices and credit notes: inserted once, never updated or deleted."""

from collections.abc import Iterable
from datetime import date

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from services.billing.domain.invoice import CREDIT_NOTE, INVOICE, Invoice
from services.billing.models import invoice_lines, invoice_vat_subtotals, invoices, receivables
from services.billing.repository.invoice_rows import document_rows, load_invoices
from services.billing.repository.sql import conflict_on_duplicate


class SqlInvoiceRepository:
    def __init__(self, session: Session):
        self.session = session

    def add(self, invoice: Invoice) -> None:
        document, lines, subtotals = document_rows(invoice)
        with conflict_on_duplicate(f"Invoice number {invoice.number} is taken."):
            self.session.execute(insert(invoices), document)
        self.session.execute(insert(invoice_lines), lines)
        if subtotals:
            self.session.execute(insert(invoice_vat_subtotals), subtotals)

    def get(self, number: str) -> Invoice | None:
        found = self._load(invoices.c.number == number)
        return found[0] if found else None

    def credit_notes_for(self, number: str) -> list[Invoice]:
        return self._load(invoices.c.credited_invoice == number,
                          invoices.c.type_code == CREDIT_NOTE)

    def unsettled_for_members(self, member_ids: Iterable[str]) -> list[Invoice]:
        wanted = sorted(set(member_ids))
        if not wanted:
            return []
        with_lines = (select(invoice_lines.c.invoice_id)
                      .where(invoice_lines.c.member_id.in_(wanted)))
        unsettled = select(receivables.c.invoice_number).where(receivables.c.settled.is_(False))
        return self._load(invoices.c.type_code == INVOICE, invoices.c.id.in_(with_lines),
                          invoices.c.number.in_(unsettled))

    def issued_between(self, first_day: date, last_day: date) -> list[Invoice]:
        return self._load(invoices.c.issue_date.between(first_day, last_day))

    def _load(self, *where) -> list[Invoice]:
        rows = self.session.execute(select(invoices).where(*where).order_by(invoices.c.seq))
        return load_invoices(self.session, rows)

"""Mapping between an issued `Invoice` (or credit note) and its rows in three tables.

The parties and the VAT treatment are kept as JSON snapshots on the invoice row:
the document shows them as they were when it was issued, whatever changes later.
Amounts are columns (Numeric), never JSON.
"""

from collections import defaultdict
from dataclasses import asdict
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from services.billing.domain.invoice import Invoice, InvoiceLine
from services.billing.domain.parties import Address, ClientParty, CoopParty
from services.billing.domain.vat import VatSubtotal
from services.billing.domain.vat_treatment import VatTreatment
from services.billing.models import invoice_lines, invoice_vat_subtotals

DOCUMENT_FIELDS = ("id", "number", "type_code", "issue_date", "due_date", "period_start",
                   "period_end", "project_id", "note", "net_total", "vat_total", "gross_total",
                   "credited_invoice", "credited_invoice_date", "reason")
LINE_FIELDS = ("number", "contract_id", "member_id", "description", "quantity", "unit_price",
               "net", "vat_category", "vat_rate", "fee_percent", "development_percent",
               "original_line", "member_name")


def document_rows(invoice: Invoice) -> tuple[dict, list[dict], list[dict]]:
    """The invoice row, its line rows and its VAT subtotal rows."""
    document = {name: getattr(invoice, name) for name in DOCUMENT_FIELDS}
    document.update(client_id=invoice.customer.id, supplier=asdict(invoice.supplier),
                    customer=asdict(invoice.customer), treatment=asdict(invoice.treatment),
                    created_at=datetime.now(UTC))
    lines = [{**{name: getattr(line, name) for name in LINE_FIELDS},
              "invoice_id": invoice.id, "entry_ids": list(line.entry_ids)}
             for line in invoice.lines]
    subtotals = [{"invoice_id": invoice.id, "position": position, "category": s.category,
                  "rate": s.rate, "taxable_amount": s.taxable_amount, "vat_amount": s.vat_amount}
                 for position, s in enumerate(invoice.vat_subtotals)]
    return document, lines, subtotals


def load_invoices(session: Session, rows) -> list[Invoice]:
    """`Invoice`s for invoice rows, their lines and subtotals read in one query each."""
    rows = list(rows)
    ids = [row.id for row in rows]
    lines, subtotals = defaultdict(list), defaultdict(list)
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        for line in session.execute(select(invoice_lines)
                                    .where(invoice_lines.c.invoice_id.in_(chunk))
                                    .order_by(invoice_lines.c.invoice_id,
                                              invoice_lines.c.number)):
            lines[line.invoice_id].append(_line(line))
        for subtotal in session.execute(select(invoice_vat_subtotals)
                                        .where(invoice_vat_subtotals.c.invoice_id.in_(chunk))
                                        .order_by(invoice_vat_subtotals.c.invoice_id,
                                                  invoice_vat_subtotals.c.position)):
            subtotals[subtotal.invoice_id].append(VatSubtotal(
                subtotal.category, subtotal.rate, subtotal.taxable_amount, subtotal.vat_amount))
    return [_invoice(row, lines[row.id], subtotals[row.id]) for row in rows]


def _invoice(row, lines: list[InvoiceLine], subtotals: list[VatSubtotal]) -> Invoice:
    return Invoice(
        **{name: getattr(row, name) for name in DOCUMENT_FIELDS},
        supplier=_coop(row.supplier), customer=_client(row.customer),
        treatment=VatTreatment(**row.treatment), lines=tuple(lines),
        vat_subtotals=tuple(subtotals),
    )


def _line(row) -> InvoiceLine:
    return InvoiceLine(**{name: getattr(row, name) for name in LINE_FIELDS},
                       entry_ids=tuple(row.entry_ids or ()))


def _coop(data: dict) -> CoopParty:
    return CoopParty(**{**data, "address": Address(**data["address"])})


def _client(data: dict) -> ClientParty:
    return ClientParty(**{**data, "address": Address(**data["address"])})

"""Credit notes: the only way to correct an issued invoice.

A credit note is an `Invoice` with type code 381 that names the invoice it
corrects (number and date; UBL `BillingReference`). Its amounts are positive, as
EN 16931 wants; that it takes money back follows from its type. It copies the
original's customer, VAT treatment and line terms, so it is credited exactly as
it was charged, and its VAT is again computed once per rate on its own total.

- `credit_in_full`: every line, every hour. Its totals equal the original's.
- `credit_partially`: some hours of some lines (`{line number: hours}`), e.g. a
  client disputing 2 hours. Together with earlier credit notes, no line can be
  credited beyond the hours it invoiced (`CreditExceedsInvoicedHours`).
"""

from collections.abc import Mapping
from dataclasses import replace
from decimal import Decimal

from services.billing.domain.errors import (
    CreditExceedsInvoicedHours,
    CreditNoteNeedsReason,
    OnlyInvoicesCanBeCredited,
    UnknownInvoiceLine,
)
from services.billing.domain.invoice import CREDIT_NOTE, Invoice, InvoiceDraft
from services.billing.domain.member_share import net_for_hours
from services.billing.domain.timesheet import parse_hours


def credit_in_full(invoice: Invoice, reason: str,
                   already_credited: Mapping[int, Decimal] | None = None) -> InvoiceDraft:
    """A credit note for everything on `invoice` not credited before."""
    credited = already_credited or {}
    rest = {line.number: line.quantity - credited.get(line.number, Decimal(0))
            for line in invoice.lines}
    return credit_partially(invoice, {n: h for n, h in rest.items() if h > 0}, reason, credited)


def credit_partially(invoice: Invoice, hours_by_line: Mapping[int, object], reason: str,
                     already_credited: Mapping[int, Decimal] | None = None) -> InvoiceDraft:
    """A credit note for `hours_by_line` of `invoice`'s lines.

    `already_credited`: hours per line number on earlier credit notes of this invoice.
    """
    if invoice.is_credit_note:
        raise OnlyInvoicesCanBeCredited(invoice.number)
    if not reason or not reason.strip():
        raise CreditNoteNeedsReason()
    credited = already_credited or {}
    lines = []
    for number in sorted(hours_by_line):
        original = invoice.line(number)
        if original is None:
            raise UnknownInvoiceLine(number)
        hours = parse_hours(hours_by_line[number])
        if hours + credited.get(number, Decimal(0)) > original.quantity:
            raise CreditExceedsInvoicedHours(number, hours + credited.get(number, Decimal(0)),
                                             original.quantity)
        net = original.net if hours == original.quantity else net_for_hours(
            hours, original.unit_price)
        lines.append(replace(original, number=len(lines) + 1, quantity=hours, net=net,
                             description=f"Credit: {original.description}",
                             original_line=original.number,
                             entry_ids=original.entry_ids if hours == original.quantity else ()))
    return InvoiceDraft(
        customer=invoice.customer, project_id=invoice.project_id, treatment=invoice.treatment,
        period_start=invoice.period_start, period_end=invoice.period_end, lines=tuple(lines),
        type_code=CREDIT_NOTE, credited_invoice=invoice.number,
        credited_invoice_date=invoice.issue_date, reason=reason.strip(),
    )


def credited_hours(credit_notes) -> dict[int, Decimal]:
    """Hours per original line number that `credit_notes` (of one invoice) credited."""
    hours: dict[int, Decimal] = {}
    for note in credit_notes:
        for line in note.lines:
            hours[line.original_line] = hours.get(line.original_line, Decimal(0)) + line.quantity
    return hours

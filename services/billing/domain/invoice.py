"""Invoices and credit notes: the documents the coop issues on its members' behalf.

A monthly run makes one invoice per client per project from that month's approved,
not yet invoiced hours, with a line per member (per contract): description,
quantity in hours, unit price (the hourly rate), net, VAT category and rate. VAT
is computed once per rate on the rate's total (`vat.py`). An `Invoice` is frozen:
once issued nothing on it changes; its payments and credits are tracked apart
(`receivable.py`) and a correction is a credit note (`credit_note.py`), itself an
`Invoice` with type code 381 that names the invoice it corrects.

    InvoiceDraft (lines, parties, period) ──issue(number, date)──▶ Invoice (frozen)
"""

import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from services.billing.domain.contract import Contract
from services.billing.domain.errors import InvoiceNeedsLines
from services.billing.domain.invoice_requirements import check_mandatory_fields
from services.billing.domain.member_share import MemberShare, net_for_hours
from services.billing.domain.money import total
from services.billing.domain.numbering import InvoiceNumber
from services.billing.domain.parties import ClientParty, CoopParty
from services.billing.domain.period import Month
from services.billing.domain.timesheet import APPROVED, TimeEntry
from services.billing.domain.vat import VatSubtotal, vat_breakdown
from services.billing.domain.vat_treatment import (
    REVERSE_CHARGED,
    VatTreatment,
    decide_vat_treatment,
    reverse_charge_note,
)

INVOICE = "380"  # UNCL 1001: commercial invoice
CREDIT_NOTE = "381"  # UNCL 1001: credit note
HOURS = "HUR"  # UN/ECE Rec 20 unit code for an hour


@dataclass(frozen=True)
class InvoiceLine:
    number: int
    contract_id: str
    member_id: str
    description: str
    quantity: Decimal  # hours
    unit_price: Decimal  # the hourly rate
    net: Decimal  # quantity × unit price, half-up to the cent
    vat_category: str
    vat_rate: Decimal
    fee_percent: Decimal
    development_percent: Decimal
    entry_ids: tuple[str, ...] = ()
    original_line: int | None = None  # on a credit note: the invoice line it corrects
    member_name: str | None = None  # who did the work, as billing knew them when issued

    @property
    def share(self) -> MemberShare:
        """How this line's net splits into member, coop fee and development fund."""
        return MemberShare.of(self.net, self.fee_percent, self.development_percent)


@dataclass(frozen=True)
class InvoiceDraft:
    """Everything of an invoice but its number, dates and totals."""

    customer: ClientParty
    project_id: str
    treatment: VatTreatment
    period_start: date
    period_end: date
    lines: tuple[InvoiceLine, ...]
    type_code: str = INVOICE
    credited_invoice: str | None = None  # the number a credit note corrects
    credited_invoice_date: date | None = None
    reason: str | None = None

    def issue(self, number: InvoiceNumber, issue_date: date, supplier: CoopParty,
              payment_terms_days: int, invoice_id: str | None = None) -> "Invoice":
        """The issued document; `InvoiceLacksMandatoryFields` if the law's fields are not there."""
        if not self.lines:
            raise InvoiceNeedsLines()
        subtotals = vat_breakdown(self.lines)
        net_total = total(line.net for line in self.lines)
        vat_total = total(s.vat_amount for s in subtotals)
        terms = 0 if self.type_code == CREDIT_NOTE else payment_terms_days
        invoice = Invoice(
            id=invoice_id or str(uuid.uuid4()),
            number=str(number),
            type_code=self.type_code,
            issue_date=issue_date,
            due_date=issue_date + timedelta(days=terms),
            period_start=self.period_start,
            period_end=self.period_end,
            supplier=supplier,
            customer=self.customer,
            project_id=self.project_id,
            treatment=self.treatment,
            lines=self.lines,
            note=_note(self.treatment, supplier, self.customer),
            vat_subtotals=subtotals,
            net_total=net_total,
            vat_total=vat_total,
            gross_total=net_total + vat_total,
            credited_invoice=self.credited_invoice,
            credited_invoice_date=self.credited_invoice_date,
            reason=self.reason,
        )
        check_mandatory_fields(invoice)
        return invoice


@dataclass(frozen=True)
class Invoice:
    id: str
    number: str
    type_code: str
    issue_date: date
    due_date: date
    period_start: date
    period_end: date
    supplier: CoopParty
    customer: ClientParty
    project_id: str
    treatment: VatTreatment
    lines: tuple[InvoiceLine, ...]
    note: str | None
    vat_subtotals: tuple[VatSubtotal, ...]
    net_total: Decimal
    vat_total: Decimal
    gross_total: Decimal
    credited_invoice: str | None = None
    credited_invoice_date: date | None = None
    reason: str | None = None

    @property
    def is_credit_note(self) -> bool:
        return self.type_code == CREDIT_NOTE

    @property
    def member_ids(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(line.member_id for line in self.lines))

    def line(self, number: int) -> InvoiceLine | None:
        return next((line for line in self.lines if line.number == number), None)

    def shares_by_member(self) -> dict[str, MemberShare]:
        shares: dict[str, MemberShare] = {}
        for line in self.lines:
            shares[line.member_id] = shares.get(line.member_id, MemberShare.nothing()) + line.share
        return shares


def draft_invoice(customer: ClientParty, project_id: str, month: Month,
                  contracts: Mapping[str, Contract], entries: Iterable[TimeEntry],
                  member_names: Mapping[str, str] | None = None) -> InvoiceDraft:
    """A draft for `customer` and `project_id` from `entries`: approved, not yet invoiced
    hours of `month`, a line per contract (so per member), ordered by member name; each
    line names its member (`member_names`), so the client sees who did the work.

    `ReverseChargeNeedsClientVatId` when the client needs a VAT id it does not have.
    """
    treatment = decide_vat_treatment(customer)
    hours_by_contract: dict[str, list[TimeEntry]] = {}
    for entry in entries:
        if (entry.status != APPROVED or entry.invoice_number is not None
                or not month.contains(entry.day) or entry.client_id != customer.id
                or entry.project_id != project_id):
            raise ValueError(f"time entry {entry.id} cannot be invoiced on this invoice")
        hours_by_contract.setdefault(entry.contract_id, []).append(entry)
    names = member_names or {}
    ordered = sorted(hours_by_contract, key=lambda c: (names.get(contracts[c].member_id, ""),
                                                       contracts[c].member_id, c))
    lines = []
    for number, contract_id in enumerate(ordered, start=1):
        contract = contracts[contract_id]
        entries_here = hours_by_contract[contract_id]
        hours = sum((e.hours for e in entries_here), Decimal(0))
        who = names.get(contract.member_id)
        description = f"{contract.description}, {month}" + (f" — {who}" if who else "")
        lines.append(InvoiceLine(
            number=number, contract_id=contract.id, member_id=contract.member_id,
            description=description, quantity=hours, unit_price=contract.hourly_rate,
            net=net_for_hours(hours, contract.hourly_rate),
            vat_category=treatment.category(contract.vat_rate),
            vat_rate=treatment.rate(contract.vat_rate),
            fee_percent=contract.fee_percent, development_percent=contract.development_percent,
            entry_ids=tuple(sorted(e.id for e in entries_here)), member_name=who,
        ))
    return InvoiceDraft(customer, project_id, treatment, month.first_day, month.last_day,
                        tuple(lines))


def _note(treatment: VatTreatment, supplier: CoopParty, customer: ClientParty) -> str | None:
    if treatment.kind == REVERSE_CHARGED:
        return reverse_charge_note(supplier.vat_id, customer.vat_id or "")
    return treatment.note

"""Facts the billing service tells the others about (published through the outbox).

Each has a `type`, a `subject` (the id the event is about) and `data`: plain JSON
(ids and dates as strings, amounts as decimal strings), never an IBAN or a
health reason.
"""

from dataclasses import dataclass
from decimal import Decimal

from services.billing.domain.invoice import Invoice
from services.billing.domain.payout import PayoutBatch
from services.billing.domain.solidarity import SolidarityClaim
from services.billing.domain.timesheet import TimeEntry


def _money(value: Decimal) -> str:
    return f"{value:.2f}"


def _entries(entries: tuple[TimeEntry, ...]) -> list[dict]:
    return [{"entry_id": e.id, "contract_id": e.contract_id, "day": e.day.isoformat(),
             "hours": str(e.hours)} for e in entries]


@dataclass(frozen=True)
class TimesheetSubmitted:
    member_id: str
    client_id: str
    entries: tuple[TimeEntry, ...]
    type = "timesheet_submitted"

    @property
    def subject(self) -> str:
        return self.member_id

    @property
    def data(self) -> dict:
        return {"member_id": self.member_id, "client_id": self.client_id,
                "entries": _entries(self.entries)}


@dataclass(frozen=True)
class TimesheetApproved:
    client_id: str
    entries: tuple[TimeEntry, ...]
    type = "timesheet_approved"

    @property
    def subject(self) -> str:
        return self.client_id

    @property
    def data(self) -> dict:
        return {"client_id": self.client_id, "entries": _entries(self.entries)}


@dataclass(frozen=True)
class TimesheetRejected:
    client_id: str
    entries: tuple[TimeEntry, ...]
    reason: str
    type = "timesheet_rejected"

    @property
    def subject(self) -> str:
        return self.client_id

    @property
    def data(self) -> dict:
        return {"client_id": self.client_id, "entries": _entries(self.entries),
                "reason": self.reason}


@dataclass(frozen=True)
class InvoiceIssued:
    invoice: Invoice
    type = "invoice_issued"

    @property
    def subject(self) -> str:
        return self.invoice.id

    @property
    def data(self) -> dict:
        i = self.invoice
        return {"invoice_id": i.id, "number": i.number, "client_id": i.customer.id,
                "project_id": i.project_id, "issue_date": i.issue_date.isoformat(),
                "due_date": i.due_date.isoformat(), "net_total": _money(i.net_total),
                "vat_total": _money(i.vat_total), "gross_total": _money(i.gross_total),
                "member_ids": list(i.member_ids)}


@dataclass(frozen=True)
class CreditNoteIssued(InvoiceIssued):
    type = "credit_note_issued"

    @property
    def data(self) -> dict:
        return {**super().data, "credited_invoice": self.invoice.credited_invoice,
                "reason": self.invoice.reason}


@dataclass(frozen=True)
class InvoicePaid:
    invoice_id: str
    number: str
    client_id: str
    paid: Decimal
    type = "invoice_paid"

    @property
    def subject(self) -> str:
        return self.invoice_id

    @property
    def data(self) -> dict:
        return {"invoice_id": self.invoice_id, "number": self.number,
                "client_id": self.client_id, "paid": _money(self.paid)}


@dataclass(frozen=True)
class PayoutBatchCreated:
    batch: PayoutBatch
    type = "payout_batch_created"

    @property
    def subject(self) -> str:
        return self.batch.id

    @property
    def data(self) -> dict:
        b = self.batch
        return {"batch_id": b.id, "execution_date": b.execution_date.isoformat(),
                "total": _money(b.total), "transfers": len(b.transfers),
                "payouts": [{"member_id": line.member_id, "amount": _money(line.amount),
                             "deposit": _money(line.deposit)} for line in b.lines],
                "waiting": [{"member_id": w.member_id, "amount": _money(w.amount),
                             "rule": w.rule, "reason": w.reason} for w in b.waiting]}


@dataclass(frozen=True)
class FundClaimGranted:
    claim: SolidarityClaim
    benefit_starts_on: str
    type = "fund_claim_granted"

    @property
    def subject(self) -> str:
        return self.claim.member_id

    @property
    def data(self) -> dict:  # no sickness details: only that a claim runs, and from when
        return {"claim_id": self.claim.id, "member_id": self.claim.member_id,
                "monthly_benefit": _money(self.claim.monthly_benefit),
                "benefit_starts_on": self.benefit_starts_on}

"""Facts the billing service tells the others about (published through the outbox).

Each has a `type`, a `subject` (the id the event is about) and `data`: plain JSON
(ids and dates as strings, amounts as decimal strings), never an IBAN or a
health reason.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from services.billing.domain.accounts import DEVELOPMENT_FUND
from services.billing.domain.invoice import Invoice
from services.billing.domain.money import CURRENCY, ZERO
from services.billing.domain.payout import PayoutBatch
from services.billing.domain.posting import Posting
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


@dataclass(frozen=True)
class DevelopmentFundContributed:
    """Money booked into the development fund (negative: taken back by a credit note),
    for learning's view of the fund. `member_id`: whose work funded it (None: the coop's
    own contribution). `contribution_id` is unique and stays the same however often the
    event is delivered: the posting's id, with the member's id when it names one."""

    contribution_id: str
    member_id: str | None
    amount: Decimal
    booked_on: date
    type = "development_fund_contributed"

    @property
    def subject(self) -> str:
        return self.contribution_id

    @property
    def data(self) -> dict:
        return {"contribution_id": self.contribution_id, "member_id": self.member_id,
                "year": self.booked_on.year, "amount": _money(self.amount),
                "currency": CURRENCY, "booked_on": self.booked_on.isoformat()}


def development_contributions(posting: Posting, by_member: Mapping[str | None, Decimal]
                              ) -> list[DevelopmentFundContributed]:
    """One event per member (None: the coop) who funded the development fund in `posting`.

    `by_member` must add up to what the posting books on the fund (credit − debit): a
    posting merges the members' amounts into one entry, so who funded what is said by
    the use case that made it, and checked here.
    """
    booked = sum((e.credit - e.debit for e in posting.entries if e.account == DEVELOPMENT_FUND),
                 ZERO)
    if sum(by_member.values(), ZERO) != booked:
        raise ValueError(f"posting {posting.id} books {booked} on the development fund, "
                         f"not {sum(by_member.values(), ZERO)}")
    return [DevelopmentFundContributed(posting.id if member_id is None
                                       else f"{posting.id}:{member_id}",
                                       member_id, amount, posting.booked_on)
            for member_id, amount in by_member.items() if amount]

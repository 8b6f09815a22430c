"""The monthly run, credit notes and payments.

`run_monthly_invoicing` is idempotent by construction: it invoices the month's
approved hours that carry no invoice number yet, and stamps them with the number
in the same transaction. Running a month again finds nothing new and creates
nothing; hours approved late are invoiced by the next run, on a new invoice.

A client whose invoice cannot be issued (e.g. `ReverseChargeNeedsClientVatId`)
does not stop the others: its hours stay uninvoiced, and the run reports it in
`blocked` with the rule and message, to be fixed and run again.
"""

from dataclasses import dataclass, field
from datetime import date

from infra.errors import ServiceError
from services.billing.domain.accounts import advanced_to, payable_to
from services.billing.domain.coop_settings import CoopSettings
from services.billing.domain.credit_note import credit_in_full, credit_partially, credited_hours
from services.billing.domain.errors import InvoiceNotFound
from services.billing.domain.events import CreditNoteIssued, InvoiceIssued, InvoicePaid
from services.billing.domain.guarantee import repayments, unpaid_work_by_member
from services.billing.domain.invoice import Invoice, draft_invoice
from services.billing.domain.open_work import open_work
from services.billing.domain.period import Month
from services.billing.domain.ports import UnitOfWork
from services.billing.domain.postings import (
    guarantee_repaid,
    invoice_issued,
    payment_received,
)
from services.billing.domain.receivable import Payment, Receivable
from services.billing.domain.use_cases._support import credit_normal, load_invoice, post
from services.billing.domain.use_cases.inter_coop import (
    credit_note_posting,
    customer_of,
    names_on_invoice,
)


@dataclass(frozen=True)
class Blocked:
    client_id: str
    project_id: str
    rule: str | None
    message: str
    errors: list = field(default_factory=list)


@dataclass(frozen=True)
class RunResult:
    month: Month
    issued: tuple[Invoice, ...]
    blocked: tuple[Blocked, ...]


def run_monthly_invoicing(uow: UnitOfWork, month: Month, issue_date: date, command_id: str,
                          settings: CoopSettings) -> RunResult:
    """Every client's invoice per project for `month`; each line names its member as
    billing knows them (members' events), or by id alone when it knows no name."""
    with uow:
        groups: dict[tuple[str, str], list] = {}
        for entry in uow.entries.approved_uninvoiced(month):
            groups.setdefault((entry.client_id, entry.project_id), []).append(entry)
        contracts = uow.contracts.many({e.contract_id for g in groups.values() for e in g})
        member_names = uow.members.names({c.member_id for c in contracts.values()})
        series = uow.numbers.lock(issue_date.year)
        issued, blocked = [], []
        for (client_id, project_id) in sorted(groups):
            try:
                client = customer_of(uow, client_id)  # a client, or a partner coop
                draft = draft_invoice(client, project_id, month, contracts,
                                      groups[(client_id, project_id)],
                                      names_on_invoice(uow, client_id, member_names))
                number, next_series = series.next()
                invoice = draft.issue(number, issue_date, uow.coop, settings.payment_terms_days)
            except ServiceError as error:
                blocked.append(Blocked(client_id, project_id, error.rule, error.detail,
                                       error.errors))
                continue
            series = next_series  # adopted only once the invoice is issued: no gaps
            _record_issued(uow, invoice, groups[(client_id, project_id)], command_id)
            issued.append(invoice)
        uow.numbers.save(series)
        uow.commit()
        return RunResult(month, tuple(issued), tuple(blocked))


def _record_issued(uow: UnitOfWork, invoice: Invoice, entries, command_id: str) -> None:
    for entry in entries:
        entry.mark_invoiced(invoice.number)
        uow.entries.save(entry)
    uow.invoices.add(invoice)
    uow.receivables.add(Receivable(invoice.id, invoice.number, invoice.customer.id,
                                   invoice.gross_total, invoice.due_date))
    post(uow, invoice_issued(command_id, invoice))
    uow.publish(InvoiceIssued(invoice))


def issue_credit_note(uow: UnitOfWork, invoice_number: str, reason: str, issue_date: date,
                      command_id: str, settings: CoopSettings,
                      hours_by_line: dict[int, object] | None = None) -> Invoice:
    """A credit note on `invoice_number`: in full, or for `hours_by_line` of its lines."""
    with uow:
        invoice = load_invoice(uow, invoice_number)
        earlier = credited_hours(uow.invoices.credit_notes_for(invoice_number))
        draft = (credit_in_full(invoice, reason, earlier) if hours_by_line is None
                 else credit_partially(invoice, hours_by_line, reason, earlier))
        series = uow.numbers.lock(issue_date.year)
        number, series = series.next()
        note = draft.issue(number, issue_date, uow.coop, settings.payment_terms_days)
        uow.numbers.save(series)
        uow.invoices.add(note)
        receivable = uow.receivables.get(invoice_number)
        receivable.register_credit_note(note.number, note.gross_total)
        uow.receivables.save(receivable)
        post(uow, credit_note_posting(uow, command_id, note),
             development={member: -share.development
                          for member, share in note.shares_by_member().items()})
        uow.publish(CreditNoteIssued(note))
        uow.commit()
        return note


def register_payment(uow: UnitOfWork, invoice_number: str, payment_id: str, amount,
                     paid_on: date) -> Payment:
    """A client's payment (partial allowed). The same `payment_id` twice is a no-op."""
    with uow:
        receivable = uow.receivables.get(invoice_number)
        if receivable is None:  # no such invoice, or a credit note: nothing to pay
            raise InvoiceNotFound(invoice_number)
        invoice = load_invoice(uow, invoice_number)
        was_settled = receivable.is_settled
        payment = receivable.register_payment(payment_id, amount, paid_on)
        if payment is None:
            return next(p for p in receivable.payments if p.id == payment_id)
        uow.receivables.save(receivable)
        post(uow, payment_received(payment_id, receivable.client_id, invoice_number,
                                   payment.amount, paid_on))
        if receivable.is_settled and not was_settled:
            _repay_guarantee(uow, invoice, payment_id, paid_on)
            uow.publish(InvoicePaid(invoice.id, invoice.number, receivable.client_id,
                                    receivable.paid))
        uow.commit()
        return payment


def _repay_guarantee(uow: UnitOfWork, invoice: Invoice, causation_id: str,
                     paid_on: date) -> None:
    members = list(invoice.member_ids)
    entries = uow.entries.approved_uninvoiced(member_ids=members)
    units = open_work(uow.contracts.many({e.contract_id for e in entries}), entries).values()
    others = [i for i in uow.invoices.unsettled_for_members(members)
              if i.number != invoice.number]
    before = unpaid_work_by_member(units, [*others, invoice])
    after = unpaid_work_by_member(units, others)
    owed = {m: credit_normal(uow, payable_to(m)) for m in members}
    advanced = {m: credit_normal(uow, advanced_to(m)) for m in members}
    repaid = repayments(advanced, {m: before.get(m, 0) for m in members}, after, owed)
    post(uow, guarantee_repaid(causation_id, paid_on, repaid, invoice.number))

"""The postings each business fact makes. Every one balances by construction.

    hours approved       Dr unbilled_work (net)        Cr member_payables:m (member share)
                                                       Cr coop_fee_revenue, development_fund
    invoice issued       Dr client_receivables:c (gross) Cr unbilled_work (net), vat_payable
    payment received     Dr bank                       Cr client_receivables:c
    credit note issued   Dr member_payables:m, coop_fee_revenue, development_fund, vat_payable
                                                       Cr client_receivables:c (gross)
    payout               Dr member_payables:m          Cr solidarity_fund (deposit), bank
      + guarantee        Dr guarantee_fund             Cr guarantee_advances:m (advance)
    guarantee repaid     Dr guarantee_advances:m       Cr guarantee_fund
    benefit granted      Dr solidarity_fund            Cr member_payables:m
    fund contribution    Dr bank or coop_fee_revenue   Cr a fund
    development expense  Dr development_fund           Cr member_payables:m (reimbursed)
    refund to client     Dr client_receivables:c       Cr bank
    VAT paid             Dr vat_payable                Cr bank

Why the member's share is booked at *approval*: the guarantee promises payment
within 7 days of approval, before any invoice exists; from approval on, the coop
owes the member. Approvals book increments of the month's running total per
contract (`open_work.approval_increments`), so when the hours are invoiced, `unbilled_work`
for them returns to exactly zero — no cent is lost to rounding in between.
"""

from collections.abc import Mapping
from datetime import date
from decimal import Decimal

from services.billing.domain.accounts import (
    BANK,
    COOP_FEE_REVENUE,
    DEVELOPMENT_FUND,
    GUARANTEE_FUND,
    SOLIDARITY_FUND,
    UNBILLED_WORK,
    VAT_PAYABLE,
    advanced_to,
    payable_to,
    receivable_of,
)
from services.billing.domain.invoice import Invoice
from services.billing.domain.member_share import MemberShare
from services.billing.domain.money import ZERO
from services.billing.domain.posting import Posting, credit, debit, make_posting


def hours_approved(causation_id: str, booked_on: date,
                   increments: Mapping[str, MemberShare]) -> Posting | None:
    """`increments`: per member, the share of the hours this approval added."""
    entries = []
    for member_id, share in increments.items():
        entries += [debit(UNBILLED_WORK, share.net), credit(payable_to(member_id), share.member),
                    credit(COOP_FEE_REVENUE, share.coop_fee),
                    credit(DEVELOPMENT_FUND, share.development)]
    return make_posting(causation_id, "hours_approved", booked_on, "Approved hours", entries)


def invoice_issued(causation_id: str, invoice: Invoice) -> Posting:
    return make_posting(
        causation_id, "invoice_issued", invoice.issue_date,
        f"Invoice {invoice.number} to {invoice.customer.name}",
        [debit(receivable_of(invoice.customer.id), invoice.gross_total),
         credit(UNBILLED_WORK, invoice.net_total), credit(VAT_PAYABLE, invoice.vat_total)],
        reference=invoice.number,
    )


def credit_note_issued(causation_id: str, note: Invoice) -> Posting:
    entries = [credit(receivable_of(note.customer.id), note.gross_total),
               debit(VAT_PAYABLE, note.vat_total)]
    for member_id, share in note.shares_by_member().items():
        entries += [debit(payable_to(member_id), share.member),
                    debit(COOP_FEE_REVENUE, share.coop_fee),
                    debit(DEVELOPMENT_FUND, share.development)]
    return make_posting(causation_id, "credit_note_issued", note.issue_date,
                        f"Credit note {note.number} on invoice {note.credited_invoice}", entries,
                        reference=note.number)


def payment_received(causation_id: str, client_id: str, invoice_number: str, amount: Decimal,
                     paid_on: date) -> Posting:
    return make_posting(causation_id, "payment_received", paid_on,
                        f"Payment on invoice {invoice_number}",
                        [debit(BANK, amount), credit(receivable_of(client_id), amount)],
                        reference=invoice_number)


def payout(causation_id: str, booked_on: date, member_id: str, amount: Decimal,
           deposit: Decimal = ZERO, advance: Decimal = ZERO) -> Posting | None:
    """Pays `amount` to the member, takes the solidarity `deposit`, and moves `advance`
    of the guarantee fund to (or, when negative, back from) the member's advance."""
    return make_posting(
        causation_id, "payout", booked_on, "Payout",
        [debit(payable_to(member_id), amount + deposit), credit(BANK, amount),
         credit(SOLIDARITY_FUND, deposit),
         debit(GUARANTEE_FUND, advance), credit(advanced_to(member_id), advance)],
        reference=member_id,
    )


def guarantee_repaid(causation_id: str, booked_on: date, repaid: Mapping[str, Decimal],
                     invoice_number: str = "") -> Posting | None:
    """Client money came in on `invoice_number`: the advances to these members go back to
    the fund. (One bank transfer may pay several invoices: each repays its own.)"""
    entries = []
    for member_id, amount in repaid.items():
        entries += [debit(advanced_to(member_id), amount), credit(GUARANTEE_FUND, amount)]
    return make_posting(causation_id, "guarantee_repaid", booked_on,
                        "Guarantee advances repaid by client payment", entries,
                        reference=f"guarantee:{invoice_number}")


def benefit_granted(causation_id: str, booked_on: date, member_id: str, amount: Decimal,
                    claim_id: str) -> Posting | None:
    return make_posting(causation_id, "benefit_granted", booked_on,
                        f"Solidarity benefit, claim {claim_id}",
                        [debit(SOLIDARITY_FUND, amount), credit(payable_to(member_id), amount)],
                        reference=f"{claim_id}:{member_id}")


def fund_contribution(causation_id: str, booked_on: date, fund: str, amount: Decimal,
                      source: str = BANK, why: str = "Contribution") -> Posting | None:
    """Money into a fund: paid in (`source` bank) or allocated from the coop's fee revenue."""
    if fund not in (GUARANTEE_FUND, SOLIDARITY_FUND, DEVELOPMENT_FUND):
        raise ValueError(f"{fund} is not a fund")
    if source not in (BANK, COOP_FEE_REVENUE):
        raise ValueError(f"a fund is paid from the bank or the coop fee, not {source}")
    return make_posting(causation_id, "fund_contribution", booked_on, f"{why} to {fund}",
                        [debit(source, amount), credit(fund, amount)], reference=fund)


def development_expense(causation_id: str, booked_on: date, member_id: str, amount: Decimal,
                        title: str) -> Posting | None:
    """Learning approved a member's course or conference: the development fund pays it to
    the member, with the next payout batch."""
    return make_posting(causation_id, "development_expense", booked_on,
                        f"Development: {title}"[:200],
                        [debit(DEVELOPMENT_FUND, amount), credit(payable_to(member_id), amount)],
                        reference="development_expense")


def refund_paid(causation_id: str, booked_on: date, client_id: str, invoice_number: str,
                amount: Decimal) -> Posting | None:
    return make_posting(causation_id, "refund_paid", booked_on,
                        f"Refund on invoice {invoice_number}",
                        [debit(receivable_of(client_id), amount), credit(BANK, amount)],
                        reference=invoice_number)


def vat_paid(causation_id: str, booked_on: date, amount: Decimal, period: str) -> Posting | None:
    return make_posting(causation_id, "vat_paid", booked_on, f"VAT return {period}",
                        [debit(VAT_PAYABLE, amount), credit(BANK, amount)], reference=period)

"""What a client still owes on an invoice, and the invoice's status.

The invoice itself never changes; this tracks what happened to it since:
payments (partial payments allowed) and credit notes.

    open amount = gross total − payments − credit notes

Status, derived on the day it is asked for (so "overdue" needs no timer):
- `credited`: credit notes cover the whole invoice;
- `paid`: nothing is open and at least something was paid;
- `overdue`: something is open after the due date;
- `partially_paid`: something paid, something open, not yet due;
- `issued`: nothing paid, not yet due.

Rules: a payment is a positive cent amount (`AmountMustBePositive`); never on an
invoice credited in full (`CannotPayCreditedInvoice`); never more than the open
amount (`PaymentExceedsOpenAmount`). Decision: an overpayment is not kept as a
client credit balance: the operator registers the open amount and refunds the
rest, so a receivable never turns into a debt to the client without a document.
A credit note *after* payment may leave the open amount below zero: that is a
refund due to the client (`refund_due`). Registering the same payment id twice
changes nothing (idempotent).
"""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from services.billing.domain.errors import (
    AmountMustBePositive,
    CannotPayCreditedInvoice,
    PaymentExceedsOpenAmount,
)
from services.billing.domain.money import ZERO, parse_amount, total

ISSUED = "issued"
PARTIALLY_PAID = "partially_paid"
PAID = "paid"
OVERDUE = "overdue"
CREDITED = "credited"


@dataclass(frozen=True)
class Payment:
    id: str  # the bank transaction or command id: registering it twice is a no-op
    amount: Decimal
    paid_on: date


@dataclass
class Receivable:
    invoice_id: str
    invoice_number: str
    client_id: str
    gross_total: Decimal
    due_date: date
    payments: list[Payment] = field(default_factory=list)
    credit_notes: dict[str, Decimal] = field(default_factory=dict)  # number → gross

    @property
    def paid(self) -> Decimal:
        return total(p.amount for p in self.payments)

    @property
    def credited(self) -> Decimal:
        return total(self.credit_notes.values())

    @property
    def open_amount(self) -> Decimal:
        return self.gross_total - self.paid - self.credited

    @property
    def refund_due(self) -> Decimal:
        return max(ZERO, -self.open_amount)

    @property
    def is_settled(self) -> bool:
        """Nothing more will come from the client for this invoice."""
        return self.open_amount <= 0

    def status(self, today: date) -> str:
        if self.credited >= self.gross_total:
            return CREDITED
        if self.open_amount <= 0:
            return PAID
        if today > self.due_date:
            return OVERDUE
        return PARTIALLY_PAID if self.paid > 0 else ISSUED

    def register_payment(self, payment_id: str, amount, paid_on: date) -> Payment | None:
        """Records a payment; returns it, or None when this payment id was registered before."""
        if any(p.id == payment_id for p in self.payments):
            return None
        value = parse_amount(amount, "amount")
        if value <= 0:
            raise AmountMustBePositive("amount", value)
        if self.credited >= self.gross_total:
            raise CannotPayCreditedInvoice(self.invoice_number)
        if value > self.open_amount:
            raise PaymentExceedsOpenAmount(self.invoice_number, value, self.open_amount)
        payment = Payment(payment_id, value, paid_on)
        self.payments.append(payment)
        return payment

    def register_credit_note(self, number: str, gross_total: Decimal) -> None:
        self.credit_notes[number] = gross_total

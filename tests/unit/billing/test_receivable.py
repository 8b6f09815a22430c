from datetime import date
from decimal import Decimal

import pytest

from services.billing.domain.errors import (
    AmountMustBeCents,
    AmountMustBePositive,
    AmountMustNotBeNegative,
    CannotPayCreditedInvoice,
    PaymentExceedsOpenAmount,
)
from services.billing.domain.receivable import (
    CREDITED,
    ISSUED,
    OVERDUE,
    PAID,
    PARTIALLY_PAID,
    Receivable,
)

D = Decimal
DUE = date(2026, 5, 1)
BEFORE_DUE, AFTER_DUE = date(2026, 4, 20), date(2026, 5, 2)


def receivable() -> Receivable:
    return Receivable("inv-1", "2026-000001", "client-nl", D("1028.50"), DUE)


def test_a_new_invoice_is_issued_and_overdue_after_its_due_date():
    r = receivable()
    assert r.status(BEFORE_DUE) == ISSUED
    assert r.status(DUE) == ISSUED  # due *on* the due date
    assert r.status(AFTER_DUE) == OVERDUE


def test_partial_payments_add_up_to_paid():
    r = receivable()
    r.register_payment("bank-1", "500.00", BEFORE_DUE)
    assert (r.status(BEFORE_DUE), r.open_amount) == (PARTIALLY_PAID, D("528.50"))
    assert r.status(AFTER_DUE) == OVERDUE
    r.register_payment("bank-2", "528.50", AFTER_DUE)
    assert (r.status(AFTER_DUE), r.open_amount, r.is_settled) == (PAID, D("0.00"), True)


def test_the_same_payment_registered_twice_counts_once():
    r = receivable()
    assert r.register_payment("bank-1", "500.00", BEFORE_DUE) is not None
    assert r.register_payment("bank-1", "500.00", BEFORE_DUE) is None
    assert r.paid == D("500.00")


def test_an_overpayment_is_refused_with_the_open_amount():
    r = receivable()
    r.register_payment("bank-1", "1000.00", BEFORE_DUE)
    with pytest.raises(PaymentExceedsOpenAmount) as raised:
        r.register_payment("bank-2", "28.51", BEFORE_DUE)
    assert "€28.50 still open" in raised.value.detail
    assert r.paid == D("1000.00")


@pytest.mark.parametrize(("amount", "error"), [("0", AmountMustBePositive),
                                               ("-5.00", AmountMustNotBeNegative),
                                               ("10.001", AmountMustBeCents)])
def test_a_payment_is_a_positive_cent_amount(amount, error):
    with pytest.raises(error):
        receivable().register_payment("bank-1", amount, BEFORE_DUE)


def test_no_payment_on_a_credited_invoice():
    r = receivable()
    r.register_credit_note("2026-000002", D("1028.50"))
    assert r.status(AFTER_DUE) == CREDITED
    with pytest.raises(CannotPayCreditedInvoice):
        r.register_payment("bank-1", "10.00", BEFORE_DUE)


def test_a_partial_credit_lowers_what_is_open():
    # 1,028.50 − credit 206.50 = 822.00 open; paying that settles it
    r = receivable()
    r.register_credit_note("2026-000002", D("206.50"))
    assert r.open_amount == D("822.00")
    r.register_payment("bank-1", "822.00", BEFORE_DUE)
    assert r.status(AFTER_DUE) == PAID


def test_a_credit_note_after_payment_leaves_a_refund_due():
    r = receivable()
    r.register_payment("bank-1", "1028.50", BEFORE_DUE)
    r.register_credit_note("2026-000002", D("206.50"))
    assert (r.open_amount, r.refund_due) == (D("-206.50"), D("206.50"))

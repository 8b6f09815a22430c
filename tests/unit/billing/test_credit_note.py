from datetime import date
from decimal import Decimal

import pytest

from services.billing.domain.credit_note import credit_in_full, credit_partially, credited_hours
from services.billing.domain.errors import (
    CreditExceedsInvoicedHours,
    CreditNoteNeedsReason,
    OnlyInvoicesCanBeCredited,
    UnknownInvoiceLine,
)
from services.billing.domain.invoice import CREDIT_NOTE
from services.billing.domain.invoice_requirements import missing_mandatory_fields
from services.billing.domain.numbering import InvoiceNumber
from tests.unit.billing.builders import COOP, GERMAN_CLIENT, issued_invoice

D = Decimal
ORIGINAL = issued_invoice(lines=(("anouk", "85.00", "10"), ("bram", "85.33", "7.75")))


def issue(draft, number=2):
    return draft.issue(InvoiceNumber(2026, number), date(2026, 4, 15), COOP, 30)


def test_a_full_credit_note_mirrors_the_invoice_and_references_it():
    note = issue(credit_in_full(ORIGINAL, "Wrong project"))
    assert note.type_code == CREDIT_NOTE and note.is_credit_note
    assert (note.credited_invoice, note.credited_invoice_date) == ("2026-000001",
                                                                  date(2026, 4, 1))
    assert (note.net_total, note.vat_total, note.gross_total) == (
        ORIGINAL.net_total, ORIGINAL.vat_total, ORIGINAL.gross_total)
    assert [line.original_line for line in note.lines] == [1, 2]
    assert note.reason == "Wrong project"
    assert missing_mandatory_fields(note) == []


def test_a_partial_credit_note_credits_some_hours_at_the_line_rate():
    # 2 of bram's 7.75 hours: 2 × 85.33 = 170.66; VAT 21 % = 35.8386 → 35.84
    note = issue(credit_partially(ORIGINAL, {2: "2"}, "Two hours disputed"))
    (line,) = note.lines
    assert (line.member_id, line.quantity, line.net, line.original_line) == (
        "bram", D("2.00"), D("170.66"), 2)
    assert (note.vat_total, note.gross_total) == (D("35.84"), D("206.50"))


def test_credit_notes_together_never_credit_more_hours_than_invoiced():
    first = issue(credit_partially(ORIGINAL, {2: "7"}, "Disputed"))
    earlier = credited_hours([first])
    assert earlier == {2: D("7.00")}
    with pytest.raises(CreditExceedsInvoicedHours):
        credit_partially(ORIGINAL, {2: "1"}, "More", earlier)
    rest = issue(credit_in_full(ORIGINAL, "Cancel the rest", earlier), number=3)
    assert [(line.original_line, line.quantity) for line in rest.lines] == [
        (1, D("10.00")), (2, D("0.75"))]


def test_a_credit_note_needs_a_reason_and_an_existing_line():
    with pytest.raises(CreditNoteNeedsReason):
        credit_in_full(ORIGINAL, "")
    with pytest.raises(UnknownInvoiceLine):
        credit_partially(ORIGINAL, {3: "1"}, "No such line")


def test_a_credit_note_is_not_credited_again():
    note = issue(credit_in_full(ORIGINAL, "Wrong project"))
    with pytest.raises(OnlyInvoicesCanBeCredited):
        credit_in_full(note, "Again")


def test_a_reverse_charged_invoice_is_credited_reverse_charged():
    original = issued_invoice(client=GERMAN_CLIENT)
    note = issue(credit_in_full(original, "Cancelled"))
    assert note.vat_total == D("0.00")
    assert "DE136695976" in note.note

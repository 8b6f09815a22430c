from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest

from services.billing.domain.errors import (
    InvoiceLacksMandatoryFields,
    InvoiceNeedsLines,
    ReverseChargeNeedsClientVatId,
)
from services.billing.domain.invoice import INVOICE, draft_invoice
from services.billing.domain.invoice_requirements import missing_mandatory_fields
from services.billing.domain.numbering import InvoiceNumber
from services.billing.domain.parties import Address
from services.billing.domain.vat import REVERSE_CHARGE, STANDARD
from tests.unit.billing.builders import (
    COOP,
    DUTCH_CLIENT,
    GERMAN_CLIENT,
    GERMAN_CLIENT_WITHOUT_VAT_ID,
    MARCH,
    SETTINGS,
    approved,
    contract,
    issued_invoice,
)

D = Decimal
APRIL_1 = date(2026, 4, 1)


def test_an_invoice_has_a_line_per_member_with_hours_rate_and_net():
    # anouk 10 h × 85.00 = 850.00; bram 7.75 h × 85.33 = 661.3075 → 661.31
    invoice = issued_invoice(lines=(("anouk", "85.00", "10"), ("bram", "85.33", "7.75")))
    assert [(line.member_id, line.quantity, line.unit_price, line.net) for line in invoice.lines
            ] == [("anouk", D("10.00"), D("85.00"), D("850.00")),
                  ("bram", D("7.75"), D("85.33"), D("661.31"))]
    # VAT once on the 21 % total: 1,511.31 × 21 % = 317.3751 → 317.38
    assert invoice.net_total == D("1511.31")
    assert invoice.vat_total == D("317.38")
    assert invoice.gross_total == D("1828.69")
    assert invoice.type_code == INVOICE


def test_the_half_cent_of_vat_rounds_up():
    # 2.5 h × €5.00 = 12.50; 21 % = 2.625 → 2.63 (Python's default rounding says 2.62)
    invoice = issued_invoice(lines=(("anouk", "5.00", "2.5"),))
    assert invoice.vat_total == D("2.63")
    assert invoice.gross_total == D("15.13")


def test_many_small_lines_get_vat_on_their_total_not_per_line():
    # five members × 0.25 h × €2.02 = 0.505 → 0.51 net each, 2.55 together;
    # per line 21 % × 0.51 = 0.1071 → 0.11, summed 0.55; on the total 2.55 × 21 % = 0.5355 → 0.54
    members = ("anouk", "bram", "chris", "dewi", "emre")
    invoice = issued_invoice(lines=tuple((m, "2.02", "0.25") for m in members))
    assert all(line.net == D("0.51") for line in invoice.lines)
    assert invoice.vat_total == D("0.54")


def test_lines_at_9_percent_get_their_own_subtotal():
    # 9 %: 4 h × €12.50 = 50.00 → 4.50
    invoice = issued_invoice(lines=(("anouk", "12.50", "4"),), vat_rate="9")
    (subtotal,) = invoice.vat_subtotals
    assert (subtotal.category, subtotal.rate, subtotal.vat_amount) == (STANDARD, D("9"),
                                                                       D("4.50"))


def test_a_reverse_charged_invoice_has_no_vat_and_says_so_with_both_vat_ids():
    invoice = issued_invoice(client=GERMAN_CLIENT)
    assert invoice.vat_total == D("0.00") and invoice.gross_total == D("850.00")
    assert invoice.lines[0].vat_category == REVERSE_CHARGE
    assert invoice.note.startswith("Btw verlegd / VAT reverse charge")
    assert COOP.vat_id in invoice.note and GERMAN_CLIENT.vat_id in invoice.note


def test_no_invoice_for_a_reverse_charge_without_the_clients_vat_id():
    c = contract(client=GERMAN_CLIENT_WITHOUT_VAT_ID)
    with pytest.raises(ReverseChargeNeedsClientVatId):
        draft_invoice(GERMAN_CLIENT_WITHOUT_VAT_ID, "project-1", MARCH, {c.id: c},
                      [approved(c, date(2026, 3, 2), "8")])


def test_a_line_collects_all_days_of_the_month_and_names_the_member():
    c = contract()
    entries = [approved(c, date(2026, 3, day), "8") for day in (2, 3, 4)]
    draft = draft_invoice(DUTCH_CLIENT, "project-1", MARCH, {c.id: c}, entries,
                          member_names={"anouk": "Anouk de Vries"})
    (line,) = draft.lines
    assert line.quantity == D("24")
    assert line.description == "Software development, 2026-03 — Anouk de Vries"
    assert set(line.entry_ids) == {e.id for e in entries}
    assert (draft.period_start, draft.period_end) == (date(2026, 3, 1), date(2026, 3, 31))


def test_hours_of_another_month_or_not_approved_cannot_be_invoiced():
    c = contract()
    april = approved(c, date(2026, 4, 1), "8")
    with pytest.raises(ValueError):
        draft_invoice(DUTCH_CLIENT, "project-1", MARCH, {c.id: c}, [april])


def test_the_due_date_follows_the_payment_terms():
    invoice = issued_invoice(issue_date=APRIL_1)
    assert invoice.due_date == date(2026, 5, 1)  # 30 days
    assert invoice.number == "2026-000001"


def test_an_issued_invoice_cannot_be_changed():
    invoice = issued_invoice()
    with pytest.raises(AttributeError):
        invoice.net_total = D("1.00")
    with pytest.raises(AttributeError):
        invoice.lines[0].net = D("1.00")


def test_an_invoice_needs_lines():
    c = contract()
    draft = draft_invoice(DUTCH_CLIENT, "project-1", MARCH, {c.id: c}, [])
    with pytest.raises(InvoiceNeedsLines):
        draft.issue(InvoiceNumber(2026, 1), APRIL_1, COOP, 30)


def test_a_complete_invoice_lacks_no_mandatory_field():
    assert missing_mandatory_fields(issued_invoice()) == []
    assert missing_mandatory_fields(issued_invoice(client=GERMAN_CLIENT)) == []


def test_an_invoice_without_a_mandatory_field_is_not_issued():
    no_street = replace(DUTCH_CLIENT, address=Address("", "3521 AZ", "Utrecht", "NL"))
    c = contract()
    draft = draft_invoice(no_street, "project-1", MARCH, {c.id: c},
                          [approved(c, date(2026, 3, 2), "8")])
    no_kvk = replace(COOP, kvk_number="")
    with pytest.raises(InvoiceLacksMandatoryFields) as raised:
        draft.issue(InvoiceNumber(2026, 1), APRIL_1, no_kvk, SETTINGS.payment_terms_days)
    assert [e["field"] for e in raised.value.errors] == ["supplier.kvk_number",
                                                         "customer.address.street"]


def test_member_shares_split_each_line():
    # anouk 850.00: fee 5 % 42.50, development 1 % 8.50, member 799.00
    shares = issued_invoice().shares_by_member()
    assert shares["anouk"].coop_fee == D("42.50")
    assert shares["anouk"].development == D("8.50")
    assert shares["anouk"].member == D("799.00")

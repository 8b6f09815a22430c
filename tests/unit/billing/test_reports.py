from datetime import date
from decimal import Decimal

from services.billing.domain.credit_note import credit_partially
from services.billing.domain.journal import Journal
from services.billing.domain.member_share import MemberShare
from services.billing.domain.numbering import InvoiceNumber
from services.billing.domain.period import Quarter
from services.billing.domain.postings import benefit_granted, hours_approved, payout
from services.billing.domain.reports import member_annual_statement, vat_return
from tests.unit.billing.builders import COOP, GERMAN_CLIENT, US_CLIENT, issued_invoice

D = Decimal
Q2 = Quarter(2026, 2)


def documents():
    domestic = issued_invoice(lines=(("anouk", "85.00", "10"),), number=1)  # 850.00, VAT 178.50
    nine = issued_invoice(lines=(("bram", "12.50", "4"),), number=2, vat_rate="9")  # 50, 4.50
    german = issued_invoice(client=GERMAN_CLIENT, lines=(("chris", "100.00", "8"),), number=3)
    american = issued_invoice(client=US_CLIENT, lines=(("chris", "100.00", "2"),), number=4)
    # credit 2 of anouk's hours: 170.00, VAT 35.70
    note = credit_partially(domestic, {1: "2"}, "Disputed").issue(
        InvoiceNumber(2026, 5), date(2026, 4, 20), COOP, 30)
    old = issued_invoice(number=9, issue_date=date(2026, 3, 31))  # Q1: left out
    return [domestic, nine, german, american, note, old]


def test_the_vat_return_sums_the_quarter_per_box_with_credit_notes_negative():
    report = vat_return(documents(), Q2)
    # 1a: 850.00 − 170.00 = 680.00; VAT 178.50 − 35.70 = 142.80
    assert (report.box_1a.taxable, report.box_1a.vat) == (D("680.00"), D("142.80"))
    assert (report.box_1b.taxable, report.box_1b.vat) == (D("50.00"), D("4.50"))
    assert (report.box_1e.taxable, report.box_1e.vat) == (D("200.00"), D("0.00"))
    assert (report.box_3b.taxable, report.box_3b.vat) == (D("800.00"), D("0.00"))
    assert report.vat_due == D("147.30")


def test_reverse_charged_supplies_are_listed_per_client_vat_id_for_the_icp():
    assert vat_return(documents(), Q2).icp_listing == {"DE136695976": D("800.00")}


def test_a_members_annual_statement_adds_up():
    journal = Journal()
    share = MemberShare.of(D("850.00"), D("5"), D("1"))  # member 799.00
    journal.post(hours_approved("a1", date(2025, 12, 20), {"anouk": share}))  # opening
    journal.post(hours_approved("a2", date(2026, 3, 31), {"anouk": share}))
    journal.post(benefit_granted("b1", date(2026, 5, 10), "anouk", D("1000.00"), "claim-1"))
    journal.post(payout("p1", date(2026, 6, 1), "anouk", D("2548.00"), deposit=D("50.00")))
    statement = member_annual_statement("anouk", 2026, documents(), journal)
    assert statement.opening_balance == D("799.00")
    assert (statement.earned, statement.benefits) == (D("799.00"), D("1000.00"))
    assert (statement.deposits, statement.payouts) == (D("50.00"), D("2548.00"))
    # 799 + 799 + 1,000 − 50 − 2,548 = 0
    assert statement.closing_balance == D("0.00")
    # invoiced in 2026: invoices 1 and 9 (1 April, 31 March) 2 × 850.00 − credited 170.00
    assert statement.invoiced.net == D("850.00") * 2 - D("170.00")

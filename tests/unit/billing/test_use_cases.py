from datetime import date
from decimal import Decimal

import pytest
from lxml import etree

from services.billing.domain import use_cases
from services.billing.domain.accounts import (
    BANK,
    GUARANTEE_FUND,
    UNBILLED_WORK,
    VAT_PAYABLE,
    advanced_to,
    payable_to,
    receivable_of,
)
from services.billing.domain.errors import (
    CannotPayCreditedInvoice,
    DayOutsideAssignment,
    InvoiceNotFound,
    OnlyTheContractedClientApproves,
)
from services.billing.domain.journal import trial_balance
from services.billing.domain.numbering import InvoiceNumber, is_gapless
from services.billing.domain.sepa_export import pain001
from tests.unit.billing.builders import (
    COOP,
    DUTCH_CLIENT,
    GERMAN_CLIENT,
    GERMAN_CLIENT_WITHOUT_VAT_ID,
    SETTINGS,
    assignment,
)
from tests.unit.billing.story import MARCH, a_coop, command, contract_id, event, work

D = Decimal
APRIL_1 = date(2026, 4, 1)
SEPA = {"p": "urn:iso:std:iso:20022:tech:xsd:pain.001.001.03"}


def balance(uow, account):
    return uow.ledger.balance(account)


def owed(uow, member):
    return -balance(uow, payable_to(member))


def test_an_assignment_event_makes_a_contract_once():
    uow = a_coop()
    redelivered = event(assignment("anouk", DUTCH_CLIENT, "85.00", project="p2"))
    use_cases.record_assignment(uow, redelivered, SETTINGS)
    use_cases.record_assignment(uow, redelivered, SETTINGS)
    assert uow.contracts.get("c-anouk-client-nl-p2").hourly_rate == D("85.00")


def test_submitted_hours_are_published_and_approval_books_the_members_share():
    uow = a_coop()
    work(uow, "anouk", {2: "8", 3: "2"})
    # 10 h × 85.00 = 850.00: fee 42.50, development 8.50, member 799.00
    assert owed(uow, "anouk") == D("799.00")
    assert balance(uow, UNBILLED_WORK) == D("850.00")
    assert uow.published_types()[-3:] == ["timesheet_submitted", "development_fund_contributed",
                                          "timesheet_approved"]


def test_approval_by_another_client_changes_nothing():
    uow = a_coop()
    entries = work(uow, "anouk", {2: "8"}, approve=False)
    with pytest.raises(OnlyTheContractedClientApproves):
        use_cases.approve_hours(uow, GERMAN_CLIENT.id, [entries[0].id], command())
    assert uow.entries.get(entries[0].id).status == "submitted"
    assert balance(uow, UNBILLED_WORK) == 0


def test_approvals_in_parts_book_exactly_what_the_invoice_line_says():
    # bram: 3.25 h then 4.5 h at 85.33 → line 7.75 h = 661.31; approvals 277.32 + 383.99
    uow = a_coop()
    work(uow, "bram", {2: "3.25"})
    work(uow, "bram", {3: "4.5"})
    result = use_cases.run_monthly_invoicing(uow, MARCH, APRIL_1, command(), SETTINGS)
    (invoice,) = result.issued
    assert invoice.lines[0].net == D("661.31")
    assert balance(uow, UNBILLED_WORK) == D("0.00")
    assert owed(uow, "bram") == D("621.63")


def test_the_monthly_run_makes_one_invoice_per_client_and_project_and_is_idempotent():
    uow = a_coop()
    work(uow, "anouk", {2: "8"})
    work(uow, "bram", {2: "8"})
    work(uow, "chris", {2: "8"}, client=GERMAN_CLIENT)
    first = use_cases.run_monthly_invoicing(uow, MARCH, APRIL_1, command(), SETTINGS)
    assert [(i.number, i.customer.id, len(i.lines)) for i in first.issued] == [
        ("2026-000001", "client-de", 1), ("2026-000002", "client-nl", 2)]
    again = use_cases.run_monthly_invoicing(uow, MARCH, APRIL_1, command(), SETTINGS)
    assert again.issued == () and again.blocked == ()
    assert uow.published_types().count("invoice_issued") == 2


def test_hours_approved_after_the_run_go_on_the_next_invoice_with_the_next_number():
    uow = a_coop()
    work(uow, "anouk", {2: "8"})
    use_cases.run_monthly_invoicing(uow, MARCH, APRIL_1, command(), SETTINGS)
    work(uow, "anouk", {31: "4"})
    (late,) = use_cases.run_monthly_invoicing(uow, MARCH, APRIL_1, command(), SETTINGS).issued
    assert late.number == "2026-000002" and late.lines[0].quantity == D("4.00")


def test_a_client_without_its_vat_id_is_blocked_not_invoiced_and_takes_no_number():
    uow = a_coop()
    use_cases.record_client(uow, event(), GERMAN_CLIENT_WITHOUT_VAT_ID)
    use_cases.record_assignment(uow, event(assignment("chris", GERMAN_CLIENT_WITHOUT_VAT_ID,
                                                      "100.00")), SETTINGS)
    work(uow, "chris", {2: "8"}, client=GERMAN_CLIENT_WITHOUT_VAT_ID)
    work(uow, "anouk", {2: "8"})
    result = use_cases.run_monthly_invoicing(uow, MARCH, APRIL_1, command(), SETTINGS)
    assert [i.number for i in result.issued] == ["2026-000001"]
    (blocked,) = result.blocked
    assert (blocked.client_id, blocked.rule) == ("client-de2", "ReverseChargeNeedsClientVatId")
    assert blocked.errors[0]["field"] == "vat_id"
    assert len(uow.entries.approved_uninvoiced(MARCH)) == 1  # chris's hours wait


def test_invoice_payment_and_payout_file_agree_with_the_ledger_to_the_cent():
    uow = a_coop()
    work(uow, "anouk", {2: "8", 3: "2"})
    work(uow, "bram", {2: "7.75"})
    (invoice,) = use_cases.run_monthly_invoicing(uow, MARCH, APRIL_1, command(),
                                                 SETTINGS).issued
    # net 850.00 + 661.31 = 1,511.31; VAT 317.38; gross 1,828.69
    assert balance(uow, receivable_of("client-nl")) == D("1828.69")
    assert balance(uow, VAT_PAYABLE) == D("-317.38")
    use_cases.register_payment(uow, invoice.number, "bank-1", "1828.69", date(2026, 4, 20))
    assert balance(uow, receivable_of("client-nl")) == 0
    assert "invoice_paid" in uow.published_types()
    batch = use_cases.create_payout_batch(uow, "batch-2026-04-21", date(2026, 4, 21))
    assert {line.member_id: line.amount for line in batch.lines} == {
        "anouk": D("799.00"), "bram": D("621.63")}
    xml = etree.fromstring(pain001(batch, COOP))
    amounts = {node.findtext("p:Cdtr/p:Nm", namespaces=SEPA):
               D(node.findtext("p:Amt/p:InstdAmt", namespaces=SEPA))
               for node in xml.iterfind(".//p:CdtTrfTxInf", SEPA)}
    assert amounts == {"Anouk de Vries": D("799.00"), "Bram Jansen": D("621.63")}
    paid_out = [p for p in uow.ledger.postings() if p.kind == "payout"]
    bank_out = sum(e.credit for p in paid_out for e in p.entries if e.account == BANK)
    assert bank_out == sum(amounts.values()) == D(xml.findtext(".//p:GrpHdr/p:CtrlSum", None,
                                                               SEPA))
    assert owed(uow, "anouk") == owed(uow, "bram") == 0
    assert sum(trial_balance(uow.ledger.postings()).values()) == 0


def test_the_guarantee_pays_before_the_client_and_is_repaid_when_the_client_pays():
    uow = a_coop(guarantee_fund="1000.00")
    work(uow, "anouk", {2: "10"})  # member share 799.00
    batch = use_cases.create_payout_batch(uow, "b1", date(2026, 3, 6))
    assert batch.lines[0].amount == D("799.00")
    assert -balance(uow, GUARANTEE_FUND) == D("201.00")  # 1,000 − 799 advanced
    assert -balance(uow, advanced_to("anouk")) == D("799.00")
    (invoice,) = use_cases.run_monthly_invoicing(uow, MARCH, APRIL_1, command(),
                                                 SETTINGS).issued
    use_cases.register_payment(uow, invoice.number, "bank-1", "1028.50", date(2026, 4, 10))
    assert -balance(uow, GUARANTEE_FUND) == D("1000.00")
    assert balance(uow, advanced_to("anouk")) == 0


def test_when_the_guarantee_fund_is_short_the_payout_waits_with_the_reason():
    uow = a_coop(guarantee_fund="500.00")
    work(uow, "anouk", {2: "10"})  # needs an advance of 799.00
    batch = use_cases.create_payout_batch(uow, "b1", date(2026, 3, 6))
    assert batch.lines == ()
    (waiting,) = batch.waiting
    assert (waiting.member_id, waiting.amount, waiting.rule) == (
        "anouk", D("799.00"), "GuaranteeFundNeverNegative")
    assert "€500.00 available" in waiting.reason
    assert -balance(uow, GUARANTEE_FUND) == D("500.00")
    # the client pays: now the money is there and the next batch pays it
    (invoice,) = use_cases.run_monthly_invoicing(uow, MARCH, APRIL_1, command(),
                                                 SETTINGS).issued
    use_cases.register_payment(uow, invoice.number, "bank-1", "1028.50", date(2026, 4, 10))
    later = use_cases.create_payout_batch(uow, "b2", date(2026, 4, 11))
    assert later.lines[0].amount == D("799.00") and later.waiting == ()


def test_a_payout_batch_asked_twice_is_made_once():
    uow = a_coop()
    work(uow, "anouk", {2: "10"})
    first = use_cases.create_payout_batch(uow, "b1", date(2026, 3, 6))
    assert use_cases.create_payout_batch(uow, "b1", date(2026, 3, 6)) == first
    assert len([p for p in uow.ledger.postings() if p.kind == "payout"]) == 1


def test_a_full_credit_note_reverses_the_invoice_and_blocks_payment():
    uow = a_coop()
    work(uow, "anouk", {2: "10"})
    (invoice,) = use_cases.run_monthly_invoicing(uow, MARCH, APRIL_1, command(),
                                                 SETTINGS).issued
    note = use_cases.issue_credit_note(uow, invoice.number, "Wrong project", date(2026, 4, 2),
                                       command(), SETTINGS)
    assert note.number == "2026-000002" and note.credited_invoice == invoice.number
    assert balance(uow, receivable_of("client-nl")) == 0
    assert owed(uow, "anouk") == 0 and balance(uow, VAT_PAYABLE) == 0
    with pytest.raises(CannotPayCreditedInvoice):
        use_cases.register_payment(uow, invoice.number, "bank-1", "10.00", date(2026, 4, 3))
    with pytest.raises(InvoiceNotFound):  # a credit note is not paid
        use_cases.register_payment(uow, note.number, "bank-2", "10.00", date(2026, 4, 3))
    assert uow.published_types()[-1] == "credit_note_issued"
    numbers = [InvoiceNumber.parse(n) for n in uow.committed.invoices]
    assert is_gapless(numbers)


def test_a_payment_registered_twice_is_posted_once():
    uow = a_coop()
    work(uow, "anouk", {2: "10"})
    (invoice,) = use_cases.run_monthly_invoicing(uow, MARCH, APRIL_1, command(),
                                                 SETTINGS).issued
    use_cases.register_payment(uow, invoice.number, "bank-1", "500.00", date(2026, 4, 3))
    use_cases.register_payment(uow, invoice.number, "bank-1", "500.00", date(2026, 4, 3))
    assert balance(uow, receivable_of("client-nl")) == D("528.50")


def test_a_member_sees_their_own_statement():
    uow = a_coop()
    work(uow, "anouk", {2: "10"})
    lines = use_cases.get_member_statement(uow, "anouk")
    assert [(line.kind, line.balance) for line in lines] == [("hours_approved", D("799.00"))]
    assert sum(use_cases.get_trial_balance(uow).values()) == 0


def test_a_failing_use_case_leaves_nothing_behind():
    uow = a_coop()
    postings = len(uow.ledger.postings())
    with pytest.raises(DayOutsideAssignment):
        use_cases.submit_hours(uow, "anouk", contract_id("anouk"),
                               {date(2026, 3, 2): "8", date(2026, 7, 1): "8"})
    assert uow.entries.for_contract_day(contract_id("anouk"), date(2026, 3, 2)) is None
    assert len(uow.ledger.postings()) == postings


def test_one_bank_transfer_paying_two_invoices_repays_the_guarantee_of_both():
    uow = a_coop(guarantee_fund="2000.00")
    work(uow, "anouk", {2: "10"})  # member share 799.00
    work(uow, "chris", {2: "5"}, client=GERMAN_CLIENT)  # 500.00 net: member share 470.00
    use_cases.create_payout_batch(uow, "b1", date(2026, 3, 6))
    assert -balance(uow, GUARANTEE_FUND) == D("731.00")  # 2,000 − 799 − 470 advanced
    issued = use_cases.run_monthly_invoicing(uow, MARCH, APRIL_1, command(), SETTINGS).issued
    for invoice in issued:  # one transfer from a shared service centre pays both
        use_cases.register_payment(uow, invoice.number, "bank-77", invoice.gross_total,
                                   date(2026, 4, 10))
    assert -balance(uow, GUARANTEE_FUND) == D("2000.00")
    assert balance(uow, advanced_to("anouk")) == balance(uow, advanced_to("chris")) == 0

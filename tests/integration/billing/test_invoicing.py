"""The monthly run, the documents it issues, payments and credit notes, through the service."""

import uuid
from decimal import Decimal

import pytest
from lxml import etree
from sqlalchemy import delete, update
from sqlalchemy.exc import DBAPIError

from infra.errors import Conflict, Invalid, NotFound
from services.billing.models import invoices, ledger_entries, number_series, postings

UBL = {"cbc": "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2",
       "cac": "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"}


def invoiced_month(coop, billing, hours=None):
    """One client, two members' approved March hours, invoiced on 1 April."""
    client_id = coop.client()
    anouk = coop.contract(client_id, rate="85.00")
    bram = coop.contract(client_id, rate="85.33", project_id=anouk["project_id"])
    coop.approved_hours(anouk, hours or {2: "8", 3: "2"})
    coop.approved_hours(bram, {2: "7.75"})
    run = billing.run_monthly_invoicing({"month": f"{coop.year}-03",
                                         "issue_date": coop.issue_date()})
    return client_id, run


def test_the_monthly_run_issues_numbered_invoices_once(coop, billing, tap, written, count_rows):
    client_id, run = invoiced_month(coop, billing)
    (summary,) = run["issued"]
    assert run["blocked"] == []
    assert summary["number"] == f"{coop.year}-000001"
    # 10 h × 85.00 + 7.75 h × 85.33 = 850.00 + 661.31; VAT 21 % once on 1,511.31 = 317.38
    assert (summary["net_total"], summary["vat_total"], summary["gross_total"]) == (
        "1511.31", "317.38", "1828.69")
    (event,) = tap.wait_for("invoice_issued", client_id=client_id)
    assert (event["data"]["number"], event["data"]["gross_total"]) == (summary["number"],
                                                                        "1828.69")

    invoice = billing.get_invoice(summary["number"])
    assert (invoice["status"], invoice["open_amount"], invoice["due_date"]) == (
        "issued", "1828.69", f"{coop.year}-05-01")
    assert sorted((line["quantity"], line["unit_price"], line["net"])
                  for line in invoice["lines"]) == [("10.00", "85.00", "850.00"),
                                                    ("7.75", "85.33", "661.31")]
    assert invoice["vat_subtotals"] == [{"category": "S", "rate": "21",
                                         "taxable_amount": "1511.31", "vat_amount": "317.38"}]

    before = written()
    again = billing.run_monthly_invoicing({"month": f"{coop.year}-03",
                                           "issue_date": coop.issue_date()})
    assert (again["issued"], again["blocked"]) == ([], [])
    assert written() == before
    assert count_rows(number_series, number_series.c.year == coop.year,
                      number_series.c.last_used == 1) == 1


def test_the_invoice_exports_as_ubl_and_html_to_its_own_client_only(coop, billing):
    client_id, run = invoiced_month(coop, billing)
    number = run["issued"][0]["number"]
    ubl = billing.export_invoice_ubl(number, client_id=client_id)
    assert (ubl["filename"], ubl["content_type"]) == (f"{number}.xml", "application/xml")
    xml = etree.fromstring(ubl["content"].encode())
    assert xml.findtext("cbc:ID", namespaces=UBL) == number
    assert xml.findtext("cac:LegalMonetaryTotal/cbc:PayableAmount", namespaces=UBL) == "1828.69"
    assert "NL91ABNA0417164300" in ubl["content"]  # the coop's IBAN from its settings
    html = billing.export_invoice_html(number)
    assert number in html["content"] and "1828.69" in html["content"]
    other_client = str(uuid.uuid4())
    for call in (billing.get_invoice, billing.export_invoice_ubl):
        with pytest.raises(NotFound):
            call(number, client_id=other_client)
    with pytest.raises(NotFound):
        billing.get_invoice("2031-9999999")
    page = billing.list_invoices({"client_id": client_id})
    assert [(i["number"], i["status"]) for i in page["items"]] == [(number, "issued")]


def test_payments_settle_the_invoice_once_each(coop, billing, tap, written):
    client_id, run = invoiced_month(coop, billing)
    number = run["issued"][0]["number"]
    paid_on = coop.issue_date(day=20)
    first = billing.register_payment(number, {"payment_id": "bank-1", "amount": "1000.00",
                                              "paid_on": paid_on})
    assert (first["invoice"]["status"], first["invoice"]["open_amount"]) == ("partially_paid",
                                                                             "828.69")
    before = written()
    assert billing.register_payment(number, {"payment_id": "bank-1", "amount": "1000.00",
                                             "paid_on": paid_on})["amount"] == "1000.00"
    assert written() == before
    with pytest.raises(Conflict) as raised:
        billing.register_payment(number, {"payment_id": "bank-2", "amount": "900.00",
                                          "paid_on": paid_on})
    assert (raised.value.rule, raised.value.errors[0]["field"]) == (
        "PaymentExceedsOpenAmount", "amount")
    last = billing.register_payment(number, {"payment_id": "bank-3", "amount": "828.69",
                                             "paid_on": paid_on})
    assert last["invoice"]["status"] == "paid"
    (event,) = tap.wait_for("invoice_paid", client_id=client_id)
    assert (event["data"]["number"], event["data"]["paid"]) == (number, "1828.69")
    assert billing.get_trial_balance()["total"] == "0.00"


@pytest.mark.parametrize(("amount", "field", "rule"), [
    ("-10.00", "amount", None), ("10.005", "amount", None), ("0.00", "amount",
                                                             "AmountMustBePositive")])
def test_a_bad_amount_is_invalid_and_posts_nothing(coop, billing, written, amount, field, rule):
    _, run = invoiced_month(coop, billing)
    before = written()
    with pytest.raises(Invalid) as raised:
        billing.register_payment(run["issued"][0]["number"], {
            "payment_id": "bank-1", "amount": amount, "paid_on": coop.issue_date(day=2)})
    assert ([e["field"] for e in raised.value.errors], raised.value.rule) == ([field], rule)
    assert written() == before


def test_a_credit_note_corrects_the_invoice_and_blocks_its_payment(coop, billing, tap, written):
    client_id, run = invoiced_month(coop, billing)
    number = run["issued"][0]["number"]
    (anouks,) = [line["number"] for line in billing.get_invoice(number)["lines"]
                 if line["quantity"] == "10.00"]
    partial = billing.issue_credit_note(number, {"reason": "Two hours too many",
                                                 "issue_date": coop.issue_date(day=2),
                                                 "lines": [{"line": anouks, "hours": "2"}]})
    assert (partial["number"], partial["kind"], partial["credited_invoice"]) == (
        f"{coop.year}-000002", "credit_note", number)
    assert partial["gross_total"] == "205.70"  # 2 h × 85.00 = 170.00 + 21 % VAT 35.70
    rest = billing.issue_credit_note(number, {"reason": "Wrong project",
                                              "issue_date": coop.issue_date(day=3)})
    assert rest["number"] == f"{coop.year}-000003"
    events = tap.wait_for("credit_note_issued", count=2, client_id=client_id)
    assert {e["data"]["credited_invoice"] for e in events} == {number}
    assert billing.get_invoice(number)["status"] == "credited"

    before = written()
    with pytest.raises(Conflict) as raised:
        billing.register_payment(number, {"payment_id": "bank-1", "amount": "10.00",
                                          "paid_on": coop.issue_date(day=4)})
    assert (raised.value.rule, raised.value.errors[0]["field"]) == (
        "CannotPayCreditedInvoice", "invoice")
    with pytest.raises(Invalid) as raised:
        billing.issue_credit_note(number, {"reason": "Again", "lines": [{"line": 9,
                                                                         "hours": "1"}]})
    assert raised.value.rule == "UnknownInvoiceLine"
    assert written() == before
    assert billing.get_trial_balance()["total"] == "0.00"


def test_a_client_without_a_valid_vat_id_is_blocked_and_takes_no_number(coop, billing,
                                                                        count_rows):
    german = coop.client(country="DE", vat_id=None, kvk_number=None, name="Köln GmbH")
    contract = coop.contract(german)
    coop.approved_hours(contract, {2: "8"})
    run = billing.run_monthly_invoicing({"month": f"{coop.year}-03",
                                         "issue_date": coop.issue_date()})
    assert run["issued"] == []
    (blocked,) = run["blocked"]
    assert (blocked["client_id"], blocked["rule"]) == (german, "ReverseChargeNeedsClientVatId")
    assert blocked["errors"][0]["field"] == "vat_id"
    assert count_rows(invoices, invoices.c.client_id == german) == 0
    assert count_rows(number_series, number_series.c.year == coop.year,
                      number_series.c.last_used == 0) == 1
    assert Decimal(billing.get_trial_balance()["total"]) == 0


def test_issued_documents_and_postings_cannot_be_changed_in_the_database(coop, billing,
                                                                        billing_db):
    _, run = invoiced_month(coop, billing)
    number = run["issued"][0]["number"]
    for statement in (update(invoices).where(invoices.c.number == number)
                      .values(gross_total=Decimal("1.00")),
                      delete(invoices).where(invoices.c.number == number),
                      delete(ledger_entries), update(postings).values(kind="edited")):
        with pytest.raises(DBAPIError), billing_db.begin() as connection:
            connection.execute(statement)
    assert billing.get_invoice(number)["gross_total"] == "1828.69"

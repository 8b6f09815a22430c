"""Invoice lines name the member whose work they are, as billing knows them from members'
events; the JSON, the UBL file and the HTML page all show it."""

from dataclasses import replace
from datetime import date

from lxml import etree

from services.billing.domain import use_cases
from services.billing.domain.html_invoice import invoice_html
from services.billing.domain.parties import MemberName
from services.billing.domain.ubl_export import item_name, ubl_xml
from tests.unit.billing.builders import SETTINGS
from tests.unit.billing.story import MARCH, a_coop, command, event, work

APRIL_1 = date(2026, 4, 1)
UBL = {"cac": "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2",
       "cbc": "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2"}


def named(uow, member_id: str, name: str | None, version: int = 1) -> bool:
    return use_cases.record_member(uow, event(), MemberName(member_id, name, version))


def line_of(invoice, member_id: str):
    return next(line for line in invoice.lines if line.member_id == member_id)


def invoiced(uow):
    work(uow, "anouk", {2: "8"})
    work(uow, "bram", {2: "4"})
    (invoice,) = use_cases.run_monthly_invoicing(uow, MARCH, APRIL_1, command(),
                                                 SETTINGS).issued
    return invoice


def test_each_line_names_its_member_and_lines_are_in_name_order():
    uow = a_coop()
    named(uow, "anouk", "Anouk de Vries")
    named(uow, "bram", "Bram Jansen")
    invoice = invoiced(uow)
    assert [(line.member_id, line.member_name) for line in invoice.lines] == [
        ("anouk", "Anouk de Vries"), ("bram", "Bram Jansen")]
    assert invoice.lines[0].description == "Software development, 2026-03 — Anouk de Vries"


def test_a_member_billing_knows_no_name_of_is_invoiced_without_one():
    uow = a_coop()
    named(uow, "anouk", "Anouk de Vries")
    invoice = invoiced(uow)
    bram = line_of(invoice, "bram")
    assert (bram.member_name, bram.description) == (None, "Software development, 2026-03")


def test_a_newer_snapshot_wins_and_an_older_one_changes_nothing():
    uow = a_coop()
    assert named(uow, "anouk", "Anouk Jansen", version=2)
    assert not named(uow, "anouk", "Anouk de Vries", version=1)
    assert uow.members.names(["anouk"]) == {"anouk": "Anouk Jansen"}
    assert named(uow, "anouk", None, version=3)  # erased
    assert uow.members.names(["anouk"]) == {}


def test_the_ubl_item_and_the_html_page_show_who_did_the_work():
    uow = a_coop()
    named(uow, "anouk", "Anouk de Vries")
    invoice = invoiced(uow)
    document = etree.fromstring(ubl_xml(invoice))
    names = document.xpath("//cac:InvoiceLine/cac:Item/cbc:Name/text()", namespaces=UBL)
    assert "Software development, 2026-03 — Anouk de Vries" in names
    assert "Anouk de Vries" in invoice_html(invoice)


def test_a_credit_note_line_keeps_the_name_it_corrects():
    uow = a_coop()
    named(uow, "anouk", "Anouk de Vries")
    invoice = invoiced(uow)
    note = use_cases.issue_credit_note(uow, invoice.number, "Wrong rate", APRIL_1, command(),
                                       SETTINGS, {line_of(invoice, "anouk").number: "1"})
    assert note.lines[0].member_name == "Anouk de Vries"
    assert note.lines[0].description.endswith("— Anouk de Vries")


def test_a_long_description_is_cut_in_the_item_name_but_never_the_member():
    uow = a_coop()
    named(uow, "anouk", "Anouk de Vries")
    line = line_of(invoiced(uow), "anouk")
    long = replace(line, description="Software development " * 10 + "— Anouk de Vries")
    short = item_name(long)
    assert len(short) == 100 and short.endswith("… — Anouk de Vries")
    assert item_name(line) == line.description

from dataclasses import replace

from services.billing.domain.html_invoice import invoice_html
from tests.unit.billing.builders import COOP, DUTCH_CLIENT, GERMAN_CLIENT, issued_invoice


def test_the_page_shows_every_mandatory_field():
    invoice = issued_invoice(lines=(("anouk", "85.00", "10"), ("bram", "85.33", "7.75")))
    page = invoice_html(invoice)
    for shown in ("Factuur / Invoice 2026-000001", COOP.name, COOP.vat_id, COOP.kvk_number,
                  "Oudegracht 100", DUTCH_CLIENT.name, "Stadsplateau 1", "2026-04-01",
                  "2026-05-01", "2026-03-01", "2026-03-31", "7.75", "€ 85.33", "21%",
                  "€ 1511.31", "€ 317.38", "€ 1828.69", COOP.iban):
        assert shown in page, shown


def test_the_reverse_charge_note_and_client_vat_id_are_on_the_page():
    page = invoice_html(issued_invoice(client=GERMAN_CLIENT))
    assert "Btw verlegd / VAT reverse charge" in page
    assert "DE136695976" in page and "Reverse charge" in page


def test_every_value_is_escaped():
    sneaky = replace(DUTCH_CLIENT, name="<script>alert('x')</script> & Co")
    page = invoice_html(issued_invoice(client=sneaky))
    assert "<script>" not in page
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; Co" in page

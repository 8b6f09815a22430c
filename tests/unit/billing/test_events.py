import json

from services.billing.domain.events import InvoiceIssued
from tests.unit.billing.builders import issued_invoice


def test_event_data_is_plain_json_with_amounts_as_strings():
    event = InvoiceIssued(issued_invoice())
    data = json.loads(json.dumps(event.data))
    assert event.type == "invoice_issued"
    assert (data["number"], data["gross_total"], data["member_ids"]) == (
        "2026-000001", "1028.50", ["anouk"])

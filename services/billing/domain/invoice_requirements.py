"""What a Dutch invoice must show (art. 35a Wet OB 1968; art. 20 Handelsregisterbesluit).

Checked on every invoice and credit note before it gets a number, so a document
that lacks one is never issued (`InvoiceLacksMandatoryFields` names each field):

- number (unique, sequential) and issue date;
- supplier: name, address, BTW id (VAT id) and KvK number;
- customer: name and address; its VAT id when the VAT is reverse-charged;
- supply period (the date or period of the service);
- per line: description (nature of the service), quantity, unit price excl. VAT,
  VAT rate;
- per rate: the taxable amount and the VAT; the totals;
- the legal note when no Dutch VAT is charged ("btw verlegd", or outside scope);
- a credit note names the invoice it corrects.
"""

from services.billing.domain.errors import InvoiceLacksMandatoryFields

MANDATORY_SUPPLIER = ("name", "vat_id", "kvk_number")


def missing_mandatory_fields(invoice) -> list[str]:
    """The names of the mandatory fields `invoice` lacks (empty when it is complete)."""
    missing = []

    def need(name: str, value) -> None:
        if value is None or (isinstance(value, str) and not value.strip()):
            missing.append(name)

    need("number", invoice.number)
    need("issue_date", invoice.issue_date)
    need("period_start", invoice.period_start)
    need("period_end", invoice.period_end)
    for name in MANDATORY_SUPPLIER:
        need(f"supplier.{name}", getattr(invoice.supplier, name))
    _need_address("supplier", invoice.supplier.address, need)
    need("customer.name", invoice.customer.name)
    _need_address("customer", invoice.customer.address, need)
    if invoice.treatment.shows_client_vat_id:
        need("customer.vat_id", invoice.customer.vat_id)
    if invoice.treatment.note:
        need("note", invoice.note)
    for line in invoice.lines:
        need(f"lines[{line.number}].description", line.description)
        need(f"lines[{line.number}].quantity", line.quantity)
        need(f"lines[{line.number}].unit_price", line.unit_price)
        need(f"lines[{line.number}].vat_rate", line.vat_rate)
    if not invoice.vat_subtotals:
        missing.append("vat_subtotals")
    if invoice.is_credit_note:
        need("credited_invoice", invoice.credited_invoice)
    return missing


def check_mandatory_fields(invoice) -> None:
    missing = missing_mandatory_fields(invoice)
    if missing:
        raise InvoiceLacksMandatoryFields(missing)


def _need_address(party: str, address, need) -> None:
    need(f"{party}.address.street", address.street)
    need(f"{party}.address.postal_code", address.postal_code)
    need(f"{party}.address.city", address.city)
    need(f"{party}.address.country", address.country)

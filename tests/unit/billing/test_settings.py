"""The coop's party and rules come from COOP_* settings, checked at start-up."""

from decimal import Decimal

import pytest

from services.billing.settings import SettingsError, load_settings


def test_the_demo_defaults_are_valid_numbers():
    settings = load_settings({}, environ={})
    assert (settings.coop.vat_id, settings.coop.iban, settings.coop.bic) == (
        "NL004495445B01", "NL91ABNA0417164300", "ABNANL2A")
    assert settings.rules.fee_percent == Decimal("5")


def test_the_nameko_config_wins_over_the_environment():
    settings = load_settings({"COOP_NAME": "Coop from config"},
                             environ={"COOP_NAME": "Coop from env", "COOP_FEE_PERCENT": "4.5"})
    assert settings.coop.name == "Coop from config"
    assert settings.rules.fee_percent == Decimal("4.5")


@pytest.mark.parametrize(("name", "value"), [("COOP_BTW_ID", "NL004495446B01"),
                                             ("COOP_IBAN", "NL00ABNA0417164300"),
                                             ("COOP_KVK", "1234"),
                                             ("COOP_FEE_PERCENT", "120"),
                                             ("COOP_GUARANTEE_DAYS", "a week")])
def test_a_wrong_number_stops_the_service_naming_the_variable(name, value):
    with pytest.raises(SettingsError, match=name):
        load_settings({name: value}, environ={})

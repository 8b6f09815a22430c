from datetime import date
from decimal import Decimal

import pytest

from services.billing.domain.contract import Contract
from services.billing.domain.coop_settings import CoopSettings
from services.billing.domain.errors import (
    AmountMustBeCents,
    AmountMustNotBeNegative,
    ContractDatesOutOfOrder,
    HourlyRateMustBePositive,
    UnknownVatRate,
)
from tests.unit.billing.builders import SETTINGS, assignment


def test_a_contract_is_made_from_a_confirmed_assignment():
    contract = Contract.from_assignment(assignment(rate="85.33"), SETTINGS)
    assert contract.id == "c-anouk-client-nl-project-1"
    assert (contract.member_id, contract.client_id, contract.project_id) == (
        "anouk", "client-nl", "project-1")
    assert contract.hourly_rate == Decimal("85.33")
    assert (contract.starts_on, contract.ends_on) == (date(2026, 3, 1), date(2026, 6, 30))
    assert contract.vat_rate == Decimal("21")


def test_a_contract_keeps_the_fee_percentages_in_force_when_confirmed():
    generous = CoopSettings(fee_percent=Decimal("4"), development_percent=Decimal("0.5"))
    contract = Contract.from_assignment(assignment(), generous)
    assert (contract.fee_percent, contract.development_percent) == (Decimal("4"),
                                                                    Decimal("0.5"))


def test_the_vat_rate_defaults_to_21_and_may_be_9_or_0():
    data = assignment()
    del data["vat_rate"]
    assert Contract.from_assignment(data, SETTINGS).vat_rate == Decimal("21")
    assert Contract.from_assignment(assignment(vat_rate="9"), SETTINGS).vat_rate == Decimal("9")
    assert Contract.from_assignment(assignment(vat_rate=None), SETTINGS).vat_rate == Decimal("21")
    assert Contract.from_assignment(assignment(vat_rate=0), SETTINGS).vat_rate == Decimal("0")
    with pytest.raises(UnknownVatRate):
        Contract.from_assignment(assignment(vat_rate="19"), SETTINGS)


@pytest.mark.parametrize(("rate", "error"), [("85.001", AmountMustBeCents),
                                             ("0", HourlyRateMustBePositive),
                                             ("-85.00", AmountMustNotBeNegative)])
def test_the_rate_is_a_positive_cent_amount(rate, error):
    with pytest.raises(error):
        Contract.from_assignment(assignment(rate=rate), SETTINGS)


def test_a_contract_cannot_end_before_it_starts():
    with pytest.raises(ContractDatesOutOfOrder):
        Contract.from_assignment(assignment(starts="2026-06-01", ends="2026-05-31"), SETTINGS)


def test_a_contract_covers_its_first_and_last_day():
    contract = Contract.from_assignment(assignment(), SETTINGS)
    assert contract.covers(date(2026, 3, 1)) and contract.covers(date(2026, 6, 30))
    assert not contract.covers(date(2026, 2, 28)) and not contract.covers(date(2026, 7, 1))

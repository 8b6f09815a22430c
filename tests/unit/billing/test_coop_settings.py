from decimal import Decimal

import pytest

from services.billing.domain.coop_settings import CoopSettings
from services.billing.domain.errors import PercentageOutOfRange


def test_the_defaults_are_documented_ones():
    settings = CoopSettings()
    assert (settings.fee_percent, settings.development_percent) == (Decimal("5"), Decimal("1"))
    assert (settings.payment_terms_days, settings.guarantee_days) == (30, 7)
    assert (settings.benefit_waiting_months, settings.benefit_max_months) == (1, 24)


@pytest.mark.parametrize(("fee", "development"), [("-1", "1"), ("101", "0"), ("60", "40")])
def test_percentages_stay_sensible(fee, development):
    with pytest.raises(PercentageOutOfRange):
        CoopSettings(fee_percent=Decimal(fee), development_percent=Decimal(development))

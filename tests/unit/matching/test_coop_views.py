"""The coop's views: the fairness horizon's rules."""

import pytest

from services.matching.domain import use_cases
from services.matching.domain.errors import FairnessHorizonOutOfRange
from services.matching.domain.proposals import IsoWeek
from tests.unit.matching.fakes import FakeUnitOfWork


@pytest.mark.parametrize(("first", "last"), [("2027-W10", "2027-W09"), ("2027-W01", "2030-W10")])
def test_a_fairness_horizon_runs_forwards_for_at_most_three_years(first, last):
    with pytest.raises(FairnessHorizonOutOfRange) as refused:
        use_cases.fairness(FakeUnitOfWork(), IsoWeek.parse(first), IsoWeek.parse(last))
    assert refused.value.errors[0]["field"] == "to_week"


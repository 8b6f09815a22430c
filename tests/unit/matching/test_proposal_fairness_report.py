from decimal import Decimal

import pytest

from services.matching.domain.proposals.fairness_report import (
    Workload,
    fairness_report,
    gini,
    top_share,
)


def test_gini_by_hand():
    assert gini([1, 1, 1, 1]) == 0
    # Σ|xi − xj| over ordered pairs = 2 × (1 + 2 + 1) = 8; 2 n² mean = 2 × 9 × 2 = 36
    assert gini([1, 2, 3]) == pytest.approx(2 / 9)
    assert gini([0, 0, 0, 10]) == pytest.approx(3 / 4)  # one has everything: (n − 1) / n
    # [2, 4, 6, 8]: Σ|xi − xj| = 2 × (2+4+6+2+4+2) = 40; 2 n² mean = 2 × 16 × 5 = 160
    assert gini([8, 2, 6, 4]) == pytest.approx(0.25)
    assert gini([]) == 0 and gini([0, 0]) == 0


def test_the_top_ten_percent_is_rounded_up():
    assert top_share([10] + [1] * 9) == pytest.approx(10 / 19)  # 1 of 10 members
    assert top_share([5, 4, 1] + [0] * 8) == pytest.approx(9 / 10)  # 2 of 11 members
    assert top_share([0, 0]) == 0


def test_the_report_per_member_and_over_the_coop():
    report = fairness_report({
        "a": Workload(Decimal(300), Decimal(400)),
        "b": Workload(Decimal(100), Decimal(400)),
        "c": Workload(Decimal(0), Decimal(200)),
        "d": Workload(Decimal(0), Decimal(0)),  # no capacity: no utilisation
    })
    assert report.utilisation == {"a": 0.75, "b": 0.25, "c": 0.0, "d": None}
    assert report.gini_utilisation == pytest.approx(gini([0.75, 0.25, 0.0]))
    assert report.gini_hours == pytest.approx(gini([300, 100, 0, 0]))
    assert report.top_10_percent_share == 0.75
    assert report.members == 4

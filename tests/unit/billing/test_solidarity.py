from datetime import date
from decimal import Decimal

import pytest

from services.billing.domain import use_cases
from services.billing.domain.accounts import SOLIDARITY_FUND, payable_to
from services.billing.domain.coop_settings import DEFAULT_SOLIDARITY_TIERS, CoopSettings
from services.billing.domain.errors import (
    ClaimAlreadyOpen,
    ClaimNeedsATier,
    RecoveryBeforeSickness,
    UnknownSolidarityTier,
)
from services.billing.domain.solidarity import SolidarityClaim, pro_rate_benefits
from tests.unit.billing.story import a_coop, command

D = Decimal
SETTINGS = CoopSettings()
TIER_1000 = SETTINGS.tier("1000.00")


def claim(sick_since=date(2026, 3, 10)) -> SolidarityClaim:
    return SolidarityClaim.file("anouk", TIER_1000, sick_since, sick_since, open_claims=0)


def test_the_tiers_deposit_five_percent_of_their_benefit():
    assert [(t.monthly_benefit, t.monthly_deposit) for t in DEFAULT_SOLIDARITY_TIERS] == [
        (D("750.00"), D("37.50")), (D("1000.00"), D("50.00")), (D("1500.00"), D("75.00")),
        (D("2000.00"), D("100.00")), (D("2500.00"), D("125.00"))]


def test_an_unknown_tier_is_refused():
    with pytest.raises(UnknownSolidarityTier) as raised:
        SETTINGS.tier("1200.00")
    assert raised.value.errors[0]["field"] == "monthly_benefit"


def test_the_benefit_starts_after_a_waiting_month():
    c = claim(date(2026, 3, 10))
    assert c.benefit_starts_on(SETTINGS) == date(2026, 4, 10)
    assert c.months_due(date(2026, 5, 9), SETTINGS) == []  # month 1 ends before 10 May
    (first,) = c.months_due(date(2026, 5, 10), SETTINGS)
    assert (first.index, first.starts_on, first.ends_before, first.amount) == (
        1, date(2026, 4, 10), date(2026, 5, 10), D("1000.00"))


def test_recovery_in_the_waiting_month_gives_no_benefit():
    c = claim(date(2026, 3, 10))
    c.recover(date(2026, 4, 1))
    assert c.months_due(date(2026, 12, 31), SETTINGS) == []


def test_the_month_of_recovery_is_paid_pro_rata_by_day():
    # benefit month 2 runs 10 May – 9 June (31 days); well again on 20 May: 10 sick days
    # 1,000.00 × 10 / 31 = 322.580… → 322.58
    c = claim(date(2026, 3, 10))
    c.record_paid(c.months_due(date(2026, 5, 10), SETTINGS))
    c.recover(date(2026, 5, 20))
    (last,) = c.months_due(date(2026, 5, 20), SETTINGS)
    assert (last.index, last.amount) == (2, D("322.58"))
    c.record_paid([last])
    assert c.months_due(date(2027, 1, 1), SETTINGS) == []


def test_the_benefit_stops_after_24_months():
    c = claim(date(2026, 3, 10))
    months = c.months_due(date(2030, 1, 1), SETTINGS)
    assert len(months) == 24
    assert months[-1].ends_before == date(2028, 4, 10)  # 10 Apr 2026 + 24 months
    c.record_paid(months)
    assert c.months_due(date(2031, 1, 1), SETTINGS) == []
    assert not c.is_open(SETTINGS)


def test_one_open_claim_at_a_time_and_recovery_not_before_sickness():
    with pytest.raises(ClaimAlreadyOpen):
        SolidarityClaim.file("anouk", TIER_1000, date(2026, 3, 10), date(2026, 3, 10), 1)
    with pytest.raises(RecoveryBeforeSickness):
        claim(date(2026, 3, 10)).recover(date(2026, 3, 9))


def test_when_the_fund_is_short_every_benefit_is_pro_rated_the_same():
    # due 1,000 + 2,000 = 3,000; fund 1,500 → 50 %: 500.00 and 1,000.00
    a = claim().months_due(date(2026, 5, 10), SETTINGS)[0]
    b = SolidarityClaim.file("bram", SETTINGS.tier("2000.00"), date(2026, 3, 10),
                             date(2026, 3, 10), 0).months_due(date(2026, 5, 10), SETTINGS)[0]
    payments = pro_rate_benefits([a, b], D("1500.00"))
    assert [p.paid for p in payments] == [D("500.00"), D("1000.00")]
    assert "50.0%" in payments[0].message and "€1500.00" in payments[0].message


def test_the_fund_never_pays_more_than_it_holds_to_the_cent():
    # 3 × 750 due, fund 1,000.00: 333.33 + 333.33 + 333.34 (one cent to a largest remainder)
    months = [SolidarityClaim.file(m, SETTINGS.tier("750.00"), date(2026, 3, 10),
                                   date(2026, 3, 10), 0).months_due(date(2026, 5, 10),
                                                                    SETTINGS)[0]
              for m in ("a", "b", "c")]
    paid = [p.paid for p in pro_rate_benefits(months, D("1000.00"))]
    assert sum(paid) == D("1000.00") and sorted(paid) == [D("333.33"), D("333.33"),
                                                          D("333.34")]


def test_claims_through_the_use_cases_pay_benefits_into_the_members_account():
    uow = a_coop(solidarity_fund="5000.00")
    with pytest.raises(ClaimNeedsATier):
        use_cases.file_claim(uow, "anouk", date(2026, 3, 10), date(2026, 3, 11), SETTINGS)
    use_cases.join_solidarity_fund(uow, "anouk", "1000.00", date(2026, 1, 1), SETTINGS)
    use_cases.file_claim(uow, "anouk", date(2026, 3, 10), date(2026, 3, 11), SETTINGS)
    assert uow.published_types()[-1] == "fund_claim_granted"
    run = use_cases.pay_benefits(uow, date(2026, 5, 10), command(), SETTINGS)
    assert [p.paid for p in run.payments] == [D("1000.00")]
    assert -uow.ledger.balance(payable_to("anouk")) == D("1000.00")
    assert -uow.ledger.balance(SOLIDARITY_FUND) == D("4000.00")
    again = use_cases.pay_benefits(uow, date(2026, 5, 10), command(), SETTINGS)
    assert again.payments == ()


def test_an_empty_fund_pays_nothing_and_never_goes_below_zero():
    uow = a_coop(solidarity_fund="0.00")
    use_cases.join_solidarity_fund(uow, "anouk", "1000.00", date(2026, 1, 1), SETTINGS)
    use_cases.file_claim(uow, "anouk", date(2026, 3, 10), date(2026, 3, 11), SETTINGS)
    run = use_cases.pay_benefits(uow, date(2026, 5, 10), command(), SETTINGS)
    assert [p.paid for p in run.payments] == [D("0.00")]
    assert "holds €0.00" in run.payments[0].message
    assert uow.ledger.balance(SOLIDARITY_FUND) == 0


def test_the_monthly_deposit_is_taken_from_the_payout_once_a_month():
    from tests.unit.billing.story import work

    uow = a_coop()
    use_cases.join_solidarity_fund(uow, "anouk", "1000.00", date(2026, 1, 1), SETTINGS)
    work(uow, "anouk", {2: "10"})  # owed 799.00
    first = use_cases.create_payout_batch(uow, "b1", date(2026, 3, 6))
    assert (first.lines[0].amount, first.lines[0].deposit) == (D("749.00"), D("50.00"))
    work(uow, "anouk", {9: "10"})
    second = use_cases.create_payout_batch(uow, "b2", date(2026, 3, 13))
    assert (second.lines[0].amount, second.lines[0].deposit) == (D("799.00"), D("0.00"))
    assert -uow.ledger.balance(SOLIDARITY_FUND) == D("50.00")

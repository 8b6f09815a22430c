from datetime import date
from decimal import Decimal

from services.billing.domain.member_share import MemberShare, net_for_hours
from services.billing.domain.open_work import approval_increments, open_work
from tests.unit.billing.builders import approved, contract

D = Decimal
BRAM = contract(member="bram", rate="85.33")


def test_the_member_share_is_rounded_in_a_fixed_order():
    # 7.75 h × 85.33 = 661.3075 → 661.31; fee 5 % 33.0655 → 33.07; development 1 % 6.6131
    # → 6.61; member 661.31 − 33.07 − 6.61 = 621.63
    share = MemberShare.of(net_for_hours(D("7.75"), D("85.33")), D("5"), D("1"))
    assert share == MemberShare(D("661.31"), D("33.07"), D("6.61"), D("621.63"))


def test_approvals_book_increments_of_the_running_total():
    first = [approved(BRAM, date(2026, 3, 2), "3.25")]
    after_first = open_work({BRAM.id: BRAM}, first)
    increment = approval_increments({}, after_first)["bram"]
    # 3.25 × 85.33 = 277.3225 → 277.32; fee 13.866 → 13.87; dev 2.7732 → 2.77; 260.68
    assert increment == MemberShare(D("277.32"), D("13.87"), D("2.77"), D("260.68"))
    both = [*first, approved(BRAM, date(2026, 3, 3), "4.5")]
    second = approval_increments(after_first, open_work({BRAM.id: BRAM}, both))["bram"]
    # 661.31 − 277.32 = 383.99; 33.07 − 13.87 = 19.20; 6.61 − 2.77 = 3.84; 360.95
    assert second == MemberShare(D("383.99"), D("19.20"), D("3.84"), D("360.95"))
    assert (increment + second).net == D("661.31")  # = the invoice line


def test_invoiced_and_unapproved_hours_are_not_open():
    invoiced = approved(BRAM, date(2026, 3, 2), "8")
    invoiced.mark_invoiced("2026-000001")
    assert open_work({BRAM.id: BRAM}, [invoiced]) == {}

"""Insurance driven through the use cases on an in-memory coop: events, leaving, and
premiums in payout batches (deducted once, carried over, posted so the ledger balances)."""

from datetime import date
from decimal import Decimal

import pytest
from lxml import etree

from services.billing.domain import use_cases
from services.billing.domain.accounts import INSURANCE_PAYABLE, payable_to
from services.billing.domain.errors import MemberNotFound
from services.billing.domain.insurance_enrolments import (
    EnrolmentBackdated,
    EnrolmentNotFound,
    EnrolmentPolicyNotFound,
    EnrolmentsOverlap,
)
from services.billing.domain.insurance_membership import (
    CoopMembership,
    EnrolmentBeforeRejoining,
    MemberHasLeft,
    MembershipSnapshot,
)
from services.billing.domain.journal import trial_balance
from services.billing.domain.parties import MemberName
from services.billing.domain.sepa_export import pain001
from services.billing.domain.use_cases import insurance
from tests.unit.billing.builders import COOP, SETTINGS
from tests.unit.billing.story import a_coop, event, work

D = Decimal
SEPA = {"p": "urn:iso:std:iso:20022:tech:xsd:pain.001.001.03"}


def a_policy(uow, premium="20.00", kind="professional_liability"):
    return insurance.define_policy(uow, {
        "name": "AVB collectief", "kind": kind, "insurer": "Verzekeraar N.V.",
        "coverage": "Schade aan derden", "insured_amount": D("1000000.00"),
        "monthly_premium": D(premium), "conditions": "Eigen risico €250", "active": True})


def enrol(uow, member, policy_id, starts_on, ends_on=None, today=date(2026, 1, 1),
          by_operator=False):
    return insurance.enrol(uow, member, policy_id, starts_on, ends_on, today=today,
                           by_operator=by_operator)


def end(uow, member, enrolment_id, ends_on, today=date(2026, 1, 1), by_operator=False):
    return insurance.end_enrolment(uow, member, enrolment_id, ends_on, today=today,
                                   by_operator=by_operator)


def insurance_payable(uow) -> Decimal:
    return -uow.ledger.balance(INSURANCE_PAYABLE)


def owed(uow, member) -> Decimal:
    return -uow.ledger.balance(payable_to(member))


def balanced(uow) -> bool:
    return sum(trial_balance(uow.ledger.postings()).values()) == 0


def snapshot(member, version, status, left_on=None, joined_on=date(2025, 1, 1),
             told_on=None) -> MembershipSnapshot:
    """What members' snapshot says of the membership, told on `told_on` (default: the
    leave date, else 1 January 2026)."""
    return MembershipSnapshot(member, version, status, joined_on, left_on,
                              told_on or left_on or date(2026, 1, 1))


def leaves(uow, member, left_on, version=2, the_event=None, status="left"):
    """members' `member_left` (or `member_erased`) with this leave date."""
    return insurance.end_enrolments_of_leaver(uow, the_event or event(),
                                              snapshot(member, version, status, left_on))


def rejoins(uow, member, joined_on, version=3, told_on=None, status="active",
            the_event=None):
    """members' `member_updated`: active again, with this joining date."""
    return insurance.follow_membership(uow, the_event or event(), snapshot(
        member, version, status, joined_on=joined_on, told_on=told_on or joined_on))


def test_enrolling_and_opting_out_publish_events_with_ids_and_dates_only():
    uow = a_coop()
    p = a_policy(uow)
    e = enrol(uow, "anouk", p.id, date(2026, 3, 1))
    end(uow, "anouk", e.id, date(2026, 6, 30))
    enrolled, ended = uow.published[-2:]
    assert (enrolled.type, enrolled.data) == ("insurance_enrolled", {
        "enrolment_id": e.id, "member_id": "anouk", "policy_id": p.id,
        "kind": "professional_liability", "starts_on": "2026-03-01"})
    assert (ended.type, ended.data["ends_on"]) == ("insurance_ended", "2026-06-30")
    # the same end again changes nothing and announces nothing
    end(uow, "anouk", e.id, date(2026, 6, 30))
    assert uow.published[-1] is ended


def test_overlap_unknown_policy_and_another_members_enrolment_are_refused():
    uow = a_coop()
    p = a_policy(uow)
    e = enrol(uow, "anouk", p.id, date(2026, 3, 1))
    before = len(uow.published)
    with pytest.raises(EnrolmentsOverlap):
        enrol(uow, "anouk", p.id, date(2026, 5, 1))
    with pytest.raises(EnrolmentPolicyNotFound) as error:
        enrol(uow, "anouk", "no-such-policy", date(2026, 5, 1))
    assert error.value.rule == "PolicyNotFound"
    with pytest.raises(EnrolmentNotFound):
        end(uow, "bram", e.id, date(2026, 5, 1))
    assert len(uow.published) == before
    assert len(uow.insurance.enrolments_of("anouk")) == 1


def test_a_member_who_leaves_has_every_enrolment_ended_once_per_event():
    uow = a_coop()
    p, q = a_policy(uow), a_policy(uow, kind="legal_expenses")
    enrol(uow, "anouk", p.id, date(2026, 1, 1))
    enrol(uow, "anouk", q.id, date(2026, 9, 1))
    left = event()
    ended = leaves(uow, "anouk", date(2026, 6, 30), the_event=left)
    assert sorted(e.ends_on for e in ended) == [date(2026, 6, 30), date(2026, 8, 31)]
    assert leaves(uow, "anouk", date(2026, 6, 30), the_event=left) == []
    assert uow.published_types().count("insurance_ended") == 2
    assert insurance.coverage(uow, ["anouk"], date(2026, 7, 1)) == {"anouk": []}


def test_coverage_lists_the_kinds_in_force_per_member():
    uow = a_coop()
    p = a_policy(uow)
    enrol(uow, "anouk", p.id, date(2026, 3, 1))
    assert insurance.coverage(uow, ["anouk", "bram"], date(2026, 3, 1)) == {
        "anouk": ["professional_liability"], "bram": []}
    assert insurance.coverage(uow, ["anouk"], date(2026, 2, 28)) == {"anouk": []}


def test_the_certificate_names_the_member_and_only_policies_in_force():
    uow = a_coop()
    p, q = a_policy(uow), a_policy(uow, kind="legal_expenses")
    enrol(uow, "anouk", p.id, date(2026, 3, 1))
    enrol(uow, "anouk", q.id, date(2026, 1, 1), date(2026, 2, 28))
    use_cases.record_member(uow, event(), MemberName("anouk", "Anouk de Vries", 1))
    certificate = insurance.certificate(uow, "anouk", date(2026, 3, 15), date(2026, 3, 16))
    assert certificate.member_name == "Anouk de Vries"
    assert certificate.coop_name == COOP.name
    assert [c.policy.id for c in certificate.covered] == [p.id]
    use_cases.record_member(uow, event(), MemberName("bram", "Bram Jansen", 1))
    assert insurance.certificate(uow, "bram", date(2026, 3, 15), date(2026, 3, 16)).covered == ()
    with pytest.raises(MemberNotFound):
        insurance.certificate(uow, "nobody", date(2026, 3, 15), date(2026, 3, 16))


def test_a_payout_deducts_every_month_due_once_and_the_ledger_balances():
    uow = a_coop()
    work(uow, "anouk", {2: "10"})  # member share 799.00
    p = a_policy(uow, "20.00")
    enrol(uow, "anouk", p.id, date(2026, 1, 31))  # January counts in full
    batch = use_cases.create_payout_batch(uow, "b1", date(2026, 3, 6))
    (line,) = batch.lines
    assert (line.premium, line.amount) == (D("60.00"), D("739.00"))  # Jan, Feb, Mar
    assert insurance_payable(uow) == D("60.00")
    assert owed(uow, "anouk") == 0
    assert balanced(uow)
    xml = etree.fromstring(pain001(batch, COOP))
    assert D(xml.findtext(".//p:CdtTrfTxInf/p:Amt/p:InstdAmt", namespaces=SEPA)) == D("739.00")
    # the same batch again is the first one; a new batch in March charges nothing again
    assert use_cases.create_payout_batch(uow, "b1", date(2026, 3, 6)) == batch
    work(uow, "anouk", {3: "1"})
    again = use_cases.create_payout_batch(uow, "b2", date(2026, 3, 20))
    assert [line.premium for line in again.lines] == [D("0.00")]
    assert insurance_payable(uow) == D("60.00")
    # April is charged by the first batch in April
    work(uow, "anouk", {4: "1"})
    april = use_cases.create_payout_batch(uow, "b3", date(2026, 4, 3))
    assert [line.premium for line in april.lines] == [D("20.00")]
    assert insurance_payable(uow) == D("80.00") and balanced(uow)


def test_what_the_payout_cannot_carry_waits_for_the_next_batch():
    uow = a_coop()
    work(uow, "anouk", {2: "0.5"})  # member share 39.94
    p = a_policy(uow, "20.00")
    enrol(uow, "anouk", p.id, date(2026, 1, 1))
    batch = use_cases.create_payout_batch(uow, "b1", date(2026, 3, 6))
    (line,) = batch.lines
    assert (line.premium, line.amount) == (D("39.94"), D("0.00"))
    (waiting,) = batch.waiting
    assert (waiting.rule, waiting.amount) == ("PremiumCarriedOver", D("20.06"))
    assert not batch.transfers  # nothing goes to the bank
    work(uow, "anouk", {3: "10"})  # 799.00 more
    later = use_cases.create_payout_batch(uow, "b2", date(2026, 3, 20))
    assert (later.lines[0].premium, later.lines[0].amount) == (D("20.06"), D("778.94"))
    assert later.waiting == ()
    assert insurance_payable(uow) == D("60.00") and owed(uow, "anouk") == 0
    assert balanced(uow)


def test_premiums_come_after_the_solidarity_deposit():
    uow = a_coop()
    work(uow, "anouk", {2: "1"})  # member share 79.90
    use_cases.join_solidarity_fund(uow, "anouk", "750.00", date(2026, 3, 1), SETTINGS)
    p = a_policy(uow, "50.00")
    enrol(uow, "anouk", p.id, date(2026, 3, 1))
    batch = use_cases.create_payout_batch(uow, "b1", date(2026, 3, 6))
    (line,) = batch.lines
    assert line.deposit + line.premium + line.amount == D("79.90")
    assert line.premium == min(D("50.00"), D("79.90") - line.deposit)
    assert balanced(uow)


def test_a_member_without_earnings_is_charged_but_pays_nothing_yet():
    uow = a_coop()
    p = a_policy(uow, "20.00")
    enrol(uow, "bram", p.id, date(2026, 3, 1))
    batch = use_cases.create_payout_batch(uow, "b1", date(2026, 3, 6))
    assert batch.lines == () and insurance_payable(uow) == 0
    (charge,) = uow.insurance.charges([e.id for e in uow.insurance.enrolments_of("bram")])
    assert (charge.premium, charge.outstanding) == (D("20.00"), D("20.00"))


# --- fixes: backdating, kinds, leavers, and months charged only when covered ---------------

def test_a_member_cannot_backdate_an_operator_only_to_the_first_of_the_month():
    uow = a_coop()
    p = a_policy(uow)
    today = date(2026, 3, 10)
    with pytest.raises(EnrolmentBackdated) as error:
        enrol(uow, "anouk", p.id, date(2026, 3, 9), today=today)
    assert error.value.errors[0]["field"] == "starts_on"
    with pytest.raises(EnrolmentBackdated):
        enrol(uow, "anouk", p.id, date(2026, 2, 28), today=today, by_operator=True)
    e = enrol(uow, "anouk", p.id, date(2026, 3, 1), today=today, by_operator=True)
    with pytest.raises(EnrolmentBackdated) as error:
        end(uow, "anouk", e.id, date(2026, 3, 9), today=today)
    assert error.value.errors[0]["field"] == "ends_on"
    assert end(uow, "anouk", e.id, date(2026, 3, 10), today=today).ends_on == date(2026, 3, 10)
    assert end(uow, "anouk", e.id, date(2026, 3, 5), today=today,
               by_operator=True).ends_on == date(2026, 3, 5)
    assert uow.published_types().count("insurance_ended") == 2


def test_two_policies_of_one_kind_are_not_held_at_once():
    uow = a_coop()
    p, q = a_policy(uow), a_policy(uow)
    enrol(uow, "anouk", p.id, date(2026, 3, 1))
    with pytest.raises(EnrolmentsOverlap):
        enrol(uow, "anouk", q.id, date(2026, 4, 1))
    assert enrol(uow, "anouk", a_policy(uow, kind="legal_expenses").id, date(2026, 4, 1))


def test_after_leaving_no_cover_starts_later_and_none_runs_past_the_leave_date():
    uow = a_coop()
    p = a_policy(uow)
    leaves(uow, "anouk", date(2026, 6, 30))
    with pytest.raises(MemberHasLeft) as error:
        enrol(uow, "anouk", p.id, date(2026, 7, 1))
    assert error.value.rule == "MemberHasLeft"
    capped = enrol(uow, "anouk", p.id, date(2026, 6, 1))
    assert capped.ends_on == date(2026, 6, 30)
    assert uow.published[-1].type == "insurance_ended"
    # erased later: the snapshot keeps the leave date (or has none): it holds
    leaves(uow, "anouk", None, version=3, status="erased")
    assert uow.insurance.membership("anouk").left_on == date(2026, 6, 30)
    # an older snapshot told late changes nothing
    leaves(uow, "anouk", date(2026, 9, 15), version=2)
    assert uow.insurance.membership("anouk") == CoopMembership(
        "anouk", left_on=date(2026, 6, 30), version=3)


def test_a_run_does_not_charge_a_month_whose_cover_starts_after_its_execution_date():
    uow = a_coop()
    work(uow, "anouk", {2: "10"})  # member share 799.00
    p = a_policy(uow, "20.00")
    e = enrol(uow, "anouk", p.id, date(2026, 3, 20), today=date(2026, 3, 2))
    batch = use_cases.create_payout_batch(uow, "b1", date(2026, 3, 6))
    assert [line.premium for line in batch.lines] == [D("0.00")]
    assert uow.insurance.charges([e.id]) == []
    # cancelled before it starts: never charged
    end(uow, "anouk", e.id, date(2026, 3, 19), today=date(2026, 3, 7))
    work(uow, "anouk", {3: "1"})
    later = use_cases.create_payout_batch(uow, "b2", date(2026, 3, 27))
    assert [line.premium for line in later.lines] == [D("0.00")]
    assert insurance_payable(uow) == 0 and balanced(uow)


def test_a_month_is_charged_by_the_first_run_once_the_cover_is_in_force():
    uow = a_coop()
    work(uow, "anouk", {2: "10"})
    p = a_policy(uow, "20.00")
    enrol(uow, "anouk", p.id, date(2026, 3, 20), today=date(2026, 3, 2))
    use_cases.create_payout_batch(uow, "b1", date(2026, 3, 6))
    work(uow, "anouk", {3: "1"})
    batch = use_cases.create_payout_batch(uow, "b2", date(2026, 3, 20))
    assert [line.premium for line in batch.lines] == [D("20.00")]
    assert insurance_payable(uow) == D("20.00") and balanced(uow)


def test_an_open_month_no_longer_covered_is_released_and_covered_ones_stay_owed():
    uow = a_coop()
    p = a_policy(uow, "20.00")
    e = enrol(uow, "bram", p.id, date(2026, 1, 1))
    use_cases.create_payout_batch(uow, "b1", date(2026, 3, 6))  # bram earns nothing yet
    assert sorted(str(c.month) for c in uow.insurance.charges([e.id])) == [
        "2026-01", "2026-02", "2026-03"]
    # members says bram left on 31 January: February and March are no longer covered
    leaves(uow, "bram", date(2026, 1, 31))
    work(uow, "bram", {4: "10"})  # 799.00 to pay out
    batch = use_cases.create_payout_batch(uow, "b2", date(2026, 3, 20))
    (line,) = batch.lines
    assert line.premium == D("20.00")  # January: covered, so still owed
    assert batch.waiting == ()
    assert insurance_payable(uow) == D("20.00") and owed(uow, "bram") == 0
    assert balanced(uow)


def test_opting_out_leaves_the_months_that_were_covered_owed():
    uow = a_coop()
    p = a_policy(uow, "20.00")
    e = enrol(uow, "bram", p.id, date(2026, 2, 1))
    use_cases.create_payout_batch(uow, "b1", date(2026, 3, 6))  # Feb, Mar charged, open
    end(uow, "bram", e.id, date(2026, 3, 10), today=date(2026, 3, 10))
    work(uow, "bram", {4: "10"})
    batch = use_cases.create_payout_batch(uow, "b2", date(2026, 4, 3))
    assert [line.premium for line in batch.lines] == [D("40.00")]
    assert insurance_payable(uow) == D("40.00") and balanced(uow)


# --- members who leave and rejoin ---------------------------------------------------------

def test_a_member_who_rejoins_can_enrol_again_from_the_rejoin_date_on():
    uow = a_coop()
    p = a_policy(uow)
    first = enrol(uow, "anouk", p.id, date(2026, 1, 1))
    leaves(uow, "anouk", date(2026, 3, 31))  # cover ends with the membership
    rejoins(uow, "anouk", date(2026, 6, 15))
    assert uow.insurance.membership("anouk") == CoopMembership(
        "anouk", left_on=None, rejoined_on=date(2026, 6, 15), version=3)
    # the cover that ended because she left stays ended
    assert uow.insurance.get_enrolment(first.id).ends_on == date(2026, 3, 31)
    # not for the months she was away, not even by an operator within the month
    with pytest.raises(EnrolmentBeforeRejoining) as away:
        enrol(uow, "anouk", p.id, date(2026, 6, 1), today=date(2026, 6, 20), by_operator=True)
    assert (away.value.rule, away.value.errors[0]["field"]) == ("EnrolmentBeforeRejoining",
                                                                 "starts_on")
    again = enrol(uow, "anouk", p.id, date(2026, 6, 15), today=date(2026, 6, 15))
    assert (again.starts_on, again.ends_on) == (date(2026, 6, 15), None)  # open-ended
    assert insurance.coverage(uow, ["anouk"], date(2026, 5, 1)) == {"anouk": []}
    assert insurance.coverage(uow, ["anouk"], date(2026, 7, 1)) == {
        "anouk": ["professional_liability"]}


def test_leaving_again_ends_the_new_cover_on_the_new_leave_date():
    uow = a_coop()
    p = a_policy(uow)
    first = enrol(uow, "anouk", p.id, date(2026, 1, 1))
    leaves(uow, "anouk", date(2026, 3, 31), version=2)
    rejoins(uow, "anouk", date(2026, 6, 15), version=3)
    again = enrol(uow, "anouk", p.id, date(2026, 6, 15), today=date(2026, 6, 15))
    (ended,) = leaves(uow, "anouk", date(2026, 10, 31), version=4)
    assert (ended.id, ended.ends_on) == (again.id, date(2026, 10, 31))
    assert uow.insurance.get_enrolment(first.id).ends_on == date(2026, 3, 31)
    with pytest.raises(MemberHasLeft):
        enrol(uow, "anouk", p.id, date(2026, 11, 1), today=date(2026, 10, 1))


def test_a_late_leave_ends_only_the_cover_of_the_membership_it_closed():
    """members' `member_left` (version 2) parked and replayed after she rejoined (3)."""
    uow = a_coop()
    p, q = a_policy(uow), a_policy(uow, kind="legal_expenses")
    first = enrol(uow, "anouk", p.id, date(2026, 1, 1))
    rejoins(uow, "anouk", date(2026, 6, 15), version=3)  # billing never heard she left
    later = enrol(uow, "anouk", q.id, date(2026, 6, 15), today=date(2026, 6, 15))
    (ended,) = leaves(uow, "anouk", date(2026, 3, 31), version=2)
    assert (ended.id, ended.ends_on) == (first.id, date(2026, 3, 31))
    assert uow.insurance.get_enrolment(later.id).ends_on is None
    assert uow.insurance.membership("anouk").left_on is None  # still a member


def test_a_rejoin_billing_hears_of_once_and_other_snapshots_change_nothing():
    uow = a_coop()
    leaves(uow, "anouk", date(2026, 3, 31), version=2)
    told = event()
    rejoins(uow, "anouk", date(2026, 6, 15), version=5, the_event=told)
    # an older active snapshot, an applicant, the same event again: nothing changes
    rejoins(uow, "anouk", date(2026, 7, 1), version=4)
    rejoins(uow, "anouk", date(2026, 7, 1), version=6, status="applicant")
    rejoins(uow, "anouk", date(2026, 7, 1), version=5, the_event=told)
    assert uow.insurance.membership("anouk") == CoopMembership(
        "anouk", left_on=None, rejoined_on=date(2026, 6, 15), version=5)
    assert uow.published_types().count("insurance_ended") == 0

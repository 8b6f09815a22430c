"""Coop A pays the partner coops whose members worked for its clients; coop B notices when a
partner reports another hourly rate than it lent the member at."""

import uuid
from datetime import date
from decimal import Decimal

import pytest

from infra.errors import Conflict, Invalid
from services.billing.domain import use_cases
from services.billing.domain.accounts import BANK, partner_coop_payable
from services.billing.domain.external_work import lent_contract_id
from services.billing.domain.partner_parties import PartnerCoop
from services.billing.domain.partner_payments import PartnerBalance
from services.billing.domain.period import Month, Quarter
from services.billing.domain.use_cases import inter_coop
from services.billing.domain.use_cases._support import today
from services.billing.domain.use_cases.partner_payments import pay_partner_coop
from tests.unit.billing.builders import SETTINGS
from tests.unit.billing.story import MARCH, command, event
from tests.unit.billing.test_inter_coop import (
    COOP_A,
    COOP_B,
    PLACEMENT,
    balance,
    coop_a,
    coop_b,
    external_hours,
    hours_from,
)

TODAY = date(2026, 4, 10)


def pay(uow, amount, partner_id=COOP_B, paid_on=date(2026, 4, 5), reference="B-2026-000001"):
    return pay_partner_coop(uow, partner_id, amount, paid_on, reference, command(), TODAY)


def owed_coop_b():
    """Coop A owes coop B 561.36 (8 h × 70.17) for approved external hours."""
    uow = coop_a()
    external_hours(uow, {2: "8"})
    return uow


def assert_ledger_balances(uow):
    with uow:
        postings = uow.ledger.postings()
    assert all(p.debits == p.credits for p in postings)
    assert sum(e.debit - e.credit for p in postings for e in p.entries) == 0


def test_a_payment_to_the_partner_debits_its_payable_and_credits_the_bank():
    uow = owed_coop_b()
    with uow:
        bank_before = uow.ledger.balance(BANK)  # debit-normal: what the coop has
    payment = pay(uow, "500.00")
    assert balance(uow, partner_coop_payable(COOP_B)) == Decimal("61.36")
    with uow:
        assert bank_before - uow.ledger.balance(BANK) == Decimal("500.00")
    with uow:
        (posting,) = [p for p in uow.ledger.postings() if p.kind == "partner_paid"]
    assert posting.id == payment.posting_id and posting.booked_on == date(2026, 4, 5)
    assert {(e.account, e.debit, e.credit) for e in posting.entries} == {
        (partner_coop_payable(COOP_B), Decimal("500.00"), Decimal("0")),
        (BANK, Decimal("0"), Decimal("500.00"))}
    assert "B-2026-000001" in posting.description
    assert [p.reference for p in uow.committed.partner_payments] == ["B-2026-000001"]
    assert_ledger_balances(uow)


def test_a_dutch_partners_invoice_is_paid_with_its_vat_which_is_deducted_as_input_vat():
    uow = owed_coop_b()
    registered(uow, "NL", "NL004495445B01")
    vat_before = balance(uow, "vat_payable")
    with uow:
        bank_before = uow.ledger.balance(BANK)
    pay_partner_coop(uow, COOP_B, "561.36", date(2026, 4, 5), "B-2026-000002", command(),
                     TODAY, vat="117.89")  # 21 % of 561.36
    assert balance(uow, partner_coop_payable(COOP_B)) == Decimal("0.00")  # the net settles
    assert vat_before - balance(uow, "vat_payable") == Decimal("117.89")
    with uow:
        assert bank_before - uow.ledger.balance(BANK) == Decimal("679.25")
    assert uow.committed.partner_payments[0].vat == Decimal("117.89")
    assert_ledger_balances(uow)


def test_paying_exactly_what_is_open_in_parts_settles_the_partner():
    uow = owed_coop_b()
    pay(uow, "300.00")
    pay(uow, "261.36")
    assert balance(uow, partner_coop_payable(COOP_B)) == Decimal("0.00")
    assert len(uow.committed.partner_payments) == 2


def test_paying_more_than_we_owe_the_partner_is_refused_and_books_nothing():
    uow = owed_coop_b()
    pay(uow, "500.00")
    postings_before = len(uow.committed.postings)
    with pytest.raises(Conflict) as raised:
        pay(uow, "61.37")
    assert raised.value.rule == "PaymentExceedsPartnerPayable"
    assert raised.value.errors[0]["field"] == "amount" and "61.36" in raised.value.detail
    assert len(uow.committed.postings) == postings_before
    assert len(uow.committed.partner_payments) == 1
    assert_ledger_balances(uow)


def test_a_partner_we_owe_nothing_cannot_be_paid():
    uow = coop_a()
    with pytest.raises(Conflict) as raised:
        pay(uow, "1.00", partner_id=str(uuid.UUID(int=0xD)))
    assert raised.value.rule == "PaymentExceedsPartnerPayable"


@pytest.mark.parametrize("amount, paid_on, reference, rule, field", [
    ("0.00", date(2026, 4, 5), "B-1", "AmountMustBePositive", "amount"),
    ("1.00", date(2026, 4, 11), "B-1", "PaymentDateInTheFuture", "paid_on"),
    ("1.00", date(2026, 4, 5), "   ", "PaymentNeedsReference", "reference"),
    ("1.00", date(2026, 4, 5), "B-1", "AmountMustNotBeNegative", "vat"),
])
def test_a_payment_that_can_never_be_right_is_invalid_by_name(amount, paid_on, reference,
                                                              rule, field):
    uow = owed_coop_b()
    vat = "-0.01" if field == "vat" else "0.00"
    with pytest.raises(Invalid) as raised:
        pay_partner_coop(uow, COOP_B, amount, paid_on, reference, command(), TODAY, vat=vat)
    assert (raised.value.rule, raised.value.errors[0]["field"]) == (rule, field)
    assert uow.committed.partner_payments == []


@pytest.mark.parametrize("country, vat_id, says", [
    ("DE", "DE136695976", "established in DE"),  # reverse charge: its VAT is in box 4b
    ("US", None, "established in US"),  # likewise, box 4a
    (None, None, "no billing details"),  # billing cannot tell
])
def test_only_a_dutch_partners_invoice_carries_vat_to_pay(country, vat_id, says):
    uow = owed_coop_b()
    if country:
        registered(uow, country, vat_id)
    postings_before = len(uow.committed.postings)
    with pytest.raises(Invalid) as raised:
        pay_partner_coop(uow, COOP_B, "561.36", date(2026, 4, 5), "B-1", command(), TODAY,
                         vat="117.89")
    assert (raised.value.rule, raised.value.errors[0]["field"]) == (
        "VatOnlyOnADutchPartnersInvoice", "vat")
    assert says in raised.value.detail
    assert len(uow.committed.postings) == postings_before
    assert uow.committed.partner_payments == []
    assert pay(uow, "561.36").vat == Decimal("0.00")  # without VAT it is paid


def test_a_payment_today_is_fine():
    uow = owed_coop_b()
    assert pay(uow, "1.00", paid_on=TODAY).amount == Decimal("1.00")


def test_the_vat_return_deducts_input_vat_paid_to_a_dutch_partner_as_the_ledger_books_it():
    uow = owed_coop_b()  # 8 h at 85.33 for a Dutch client; 561.36 owed to coop B
    registered(uow, "NL", "NL004495445B01")
    use_cases.run_monthly_invoicing(uow, MARCH, date(2026, 4, 1), command(), SETTINGS)
    pay_partner_coop(uow, COOP_B, "561.36", date(2026, 4, 5), "B-2026-000002", command(),
                     TODAY, vat="117.89")
    report = use_cases.get_vat_return(uow, Quarter(2026, 2))
    assert (report.box_1a.vat, report.input_vat) == (Decimal("143.35"), Decimal("117.89"))
    assert report.vat_due == Decimal("25.46")  # 143.35 output − 117.89 input
    with uow:
        moved = sum((e.credit - e.debit for p in uow.ledger.postings("vat_payable")
                     if Quarter(2026, 2).contains(p.booked_on)
                     for e in p.entries if e.account == "vat_payable"), Decimal(0))
    assert moved == report.vat_due  # the return and the ledger agree
    assert use_cases.get_vat_return(uow, Quarter(2026, 3)).input_vat == Decimal("0.00")


def test_the_partner_balance_is_approved_cost_minus_paid():
    owed = PartnerBalance(COOP_B, "Coop B", Decimal("561.36"), Decimal("500.00"))
    assert owed.open_payable == Decimal("61.36")


# --- coop B: the partner reports another hourly rate ------------------------------------


def test_hours_reported_at_another_rate_are_invoiced_at_ours_and_the_mismatch_is_kept():
    uow = coop_b()  # lent at 70.17
    outcome = hours_from_at_rate(uow, "75.00")
    assert outcome.entry_id is not None and outcome.rule == "PartnerRateDiffers"
    mismatch = uow.committed.rate_mismatches[lent_contract_id(COOP_A, PLACEMENT)]
    assert (mismatch.reported_rate, mismatch.agreed_rate) == (Decimal("75.00"),
                                                              Decimal("70.17"))
    assert "75.00" in mismatch.reason and "70.17" in mismatch.reason
    assert uow.committed.entries[outcome.entry_id].status == "approved"
    # booked at our rate: 8 × 70.17 = 561.36; fee 5 % 28.07, development 1 % 5.61
    assert balance(uow, "member_payables:anouk") == Decimal("527.68")


def test_hours_at_our_rate_record_no_mismatch():
    uow = coop_b()
    assert hours_from(uow).rule is None
    assert uow.committed.rate_mismatches == {}


def hours_from_at_rate(uow, rate):
    the_day = date(2026, 3, 2)
    data = {"placement_id": PLACEMENT, "candidate_id": str(uuid.UUID(int=0x2)),
            "timesheet_id": str(uuid.uuid4()), "period_start": the_day, "period_end": the_day,
            "hours": Decimal("8"), "hourly_rate": Decimal(rate), "currency": "EUR"}
    return inter_coop.record_partner_hours(uow, event(), str(uuid.UUID(int=0xA)), data)



# --- the VAT return: what we bought from partner coops (boxes 4a, 4b) -------------------


def registered(uow, country: str, vat_id: str | None):
    """Coop B in the partner registry, established in `country`."""
    billing = {"legal_name": "Coop B", "country": country, "vat_id": vat_id,
               "address": {"street": "Hauptstraße 1", "postal_code": "10115",
                           "city": "Berlin", "country": country}}
    inter_coop.record_partner_coop(uow, event(), PartnerCoop.from_event({
        "partner_id": COOP_B, "coop_uri": "https://b.example/", "name": "Coop B",
        "version": 1, "billing": billing}))


def this_quarter() -> Quarter:
    return Month.of(today()).quarter  # approvals are booked on the day they are made


def test_hours_bought_from_a_partner_in_another_eu_country_are_box_4b_and_deducted():
    uow = owed_coop_b()  # 8 h approved today: 561.36 owed to coop B
    registered(uow, "DE", "DE136695976")
    report = use_cases.get_vat_return(uow, this_quarter())
    # 21 % of 561.36 = 117.8856 → 117.89, owed (4b) and deducted (5b) alike
    assert (report.box_4b.taxable, report.box_4b.vat) == (Decimal("561.36"),
                                                          Decimal("117.89"))
    assert report.input_vat == Decimal("117.89")
    assert report.vat_due == report.box_1a.vat + report.box_1b.vat  # nets to nothing
    assert report.box_4a.taxable == Decimal("0") and report.purchases_without_country == {}
    # paying the partner (no VAT: reverse charge) changes neither box
    pay(uow, "561.36", paid_on=TODAY)
    assert use_cases.get_vat_return(uow, this_quarter()).box_4b.vat == Decimal("117.89")
    assert use_cases.get_vat_return(uow, Quarter(2026, 2)).box_4b.taxable == Decimal("0")


def test_hours_bought_from_a_dutch_partner_are_in_no_box_4():
    uow = owed_coop_b()
    registered(uow, "NL", "NL004495445B01")
    report = use_cases.get_vat_return(uow, this_quarter())
    assert (report.box_4a.taxable, report.box_4b.taxable) == (Decimal("0"), Decimal("0"))
    assert report.input_vat == Decimal("0")


def test_hours_bought_from_a_partner_outside_the_eu_are_box_4a():
    uow = owed_coop_b()
    registered(uow, "CH", None)
    report = use_cases.get_vat_return(uow, this_quarter())
    assert (report.box_4a.taxable, report.box_4a.vat) == (Decimal("561.36"),
                                                          Decimal("117.89"))
    assert report.input_vat == Decimal("117.89")


def test_hours_bought_from_a_partner_without_billing_details_are_listed_apart():
    uow = owed_coop_b()  # coop B never registered
    report = use_cases.get_vat_return(uow, this_quarter())
    assert report.purchases_without_country == {COOP_B: Decimal("561.36")}
    assert report.box_4b.taxable == Decimal("0") and report.input_vat == Decimal("0")

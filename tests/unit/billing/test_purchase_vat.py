"""Boxes 4a and 4b: services bought from partner coops abroad are reverse-charged to us —
the base and the Dutch VAT we owe on it, deducted again as input VAT in 5b."""

from datetime import date
from decimal import Decimal

import pytest

from services.billing.domain.accounts import BANK, partner_coop_payable
from services.billing.domain.external_work import ExternalShare, external_hours_approved
from services.billing.domain.partner_payments import PartnerPayment, partner_paid
from services.billing.domain.period import Quarter
from services.billing.domain.purchase_vat import (
    FROM_OUTSIDE_THE_EU,
    FROM_THE_EU,
    FROM_THE_NETHERLANDS,
    PartnerPurchase,
    purchase_origin,
    purchases_from_partners,
    reverse_charged_purchases,
)
from services.billing.domain.reports import VatBox, vat_return
from tests.unit.billing.test_reports import documents

D = Decimal
Q2 = Quarter(2026, 2)
DUTCH, GERMAN, BELGIAN, SWISS = "p-nl", "p-de", "p-be", "p-ch"
COUNTRIES = {DUTCH: "NL", GERMAN: "DE", BELGIAN: "BE", SWISS: "CH"}


def bought(partner_id: str, taxable: str, booked_on=date(2026, 4, 15)) -> PartnerPurchase:
    return PartnerPurchase(partner_id, booked_on, D(taxable))


@pytest.mark.parametrize("country, origin", [
    ("NL", FROM_THE_NETHERLANDS), ("DE", FROM_THE_EU), ("BE", FROM_THE_EU),
    ("GR", FROM_THE_EU), ("CH", FROM_OUTSIDE_THE_EU), ("GB", FROM_OUTSIDE_THE_EU),
    ("US", FROM_OUTSIDE_THE_EU),
])
def test_where_the_partner_is_established_decides_who_pays_the_dutch_vat(country, origin):
    assert purchase_origin(country) == origin


def test_a_dutch_partner_is_in_no_box_4_its_vat_is_on_its_invoice():
    report = vat_return([], Q2, purchases=[bought(DUTCH, "561.36")],
                        partner_countries=COUNTRIES)
    assert (report.box_4a.taxable, report.box_4b.taxable) == (D("0"), D("0"))
    assert report.input_vat == D("0") and report.vat_due == D("0")


def test_an_eu_partner_reverse_charged_is_box_4b_and_the_same_vat_is_deducted_in_5b():
    report = vat_return([], Q2, purchases=[bought(GERMAN, "561.36")],
                        partner_countries=COUNTRIES)
    # 21 % of 561.36 = 117.8856 → 117.89
    assert (report.box_4b.taxable, report.box_4b.vat) == (D("561.36"), D("117.89"))
    assert report.input_vat == D("117.89")
    assert report.vat_due == D("0.00")  # owed and deducted in the same return
    assert (report.box_4a.taxable, report.box_4a.vat) == (D("0"), D("0"))


def test_a_partner_outside_the_eu_is_box_4a():
    report = vat_return([], Q2, purchases=[bought(SWISS, "1000.00")],
                        partner_countries=COUNTRIES)
    assert (report.box_4a.taxable, report.box_4a.vat) == (D("1000.00"), D("210.00"))
    assert report.box_4b.taxable == D("0") and report.input_vat == D("210.00")


def test_4b_comes_on_top_of_the_output_vat_and_the_vat_paid_to_dutch_partners():
    paid = PartnerPayment(DUTCH, D("80.00"), date(2026, 5, 2), "NL-1", vat=D("16.80"))
    report = vat_return(documents(), Q2, [paid],
                        [bought(GERMAN, "561.36"), bought(DUTCH, "80.00")], COUNTRIES)
    assert report.box_1a.vat == D("142.80") and report.box_1b.vat == D("4.50")
    assert report.box_4b == VatBox(D("561.36"), D("117.89"))
    assert report.input_vat == D("16.80") + D("117.89")
    assert report.vat_due == D("142.80") + D("4.50") - D("16.80")  # 4b nets to nothing


def test_the_vat_is_rounded_half_up_once_per_partner_on_its_quarters_total():
    # 21 % of 0.50 = 0.105: half-up 0.11 (Python's default half-even would give 0.10)
    one = vat_return([], Q2, purchases=[bought(GERMAN, "0.50")], partner_countries=COUNTRIES)
    assert one.box_4b.vat == D("0.11")
    # one partner's purchases are added up first: 21 % of 1.00 = 0.21, not 0.11 + 0.11
    same = vat_return([], Q2, purchases=[bought(GERMAN, "0.50"), bought(GERMAN, "0.50")],
                      partner_countries=COUNTRIES)
    assert (same.box_4b.taxable, same.box_4b.vat) == (D("1.00"), D("0.21"))
    # two partners: each one's VAT is rounded, the box adds them up
    two = vat_return([], Q2, purchases=[bought(GERMAN, "0.50"), bought(BELGIAN, "0.50")],
                     partner_countries=COUNTRIES)
    assert (two.box_4b.taxable, two.box_4b.vat) == (D("1.00"), D("0.22"))
    assert two.input_vat == D("0.22") and two.vat_due == D("0.00")


def test_a_reversal_counts_negative_in_the_quarter_it_is_booked():
    report = vat_return([], Q2, purchases=[bought(GERMAN, "100.00"), bought(GERMAN, "-40.00")],
                        partner_countries=COUNTRIES)
    assert (report.box_4b.taxable, report.box_4b.vat) == (D("60.00"), D("12.60"))


@pytest.mark.parametrize("booked_on, quarter", [
    (date(2026, 3, 31), Quarter(2026, 1)), (date(2026, 4, 1), Quarter(2026, 2)),
    (date(2026, 6, 30), Quarter(2026, 2)), (date(2026, 7, 1), Quarter(2026, 3)),
    (date(2026, 12, 31), Quarter(2026, 4)), (date(2027, 1, 1), Quarter(2027, 1)),
])
def test_a_purchase_is_in_the_quarter_of_the_day_it_is_booked_and_no_other(booked_on, quarter):
    purchases = [bought(GERMAN, "100.00", booked_on)]
    for other in (Quarter(2026, 1), Quarter(2026, 2), Quarter(2026, 3), Quarter(2026, 4),
                  Quarter(2027, 1)):
        report = vat_return([], other, purchases=purchases, partner_countries=COUNTRIES)
        expected = (D("100.00"), D("21.00")) if other == quarter else (D("0"), D("0"))
        assert (report.box_4b.taxable, report.box_4b.vat) == expected, other


def test_a_partner_without_billing_details_is_listed_apart_and_in_no_box():
    report = vat_return([], Q2, purchases=[bought("p-unknown", "250.00"),
                                           bought(GERMAN, "100.00")],
                        partner_countries={**COUNTRIES, "p-unknown": None})
    assert report.purchases_without_country == {"p-unknown": D("250.00")}
    assert report.box_4b.taxable == D("100.00") and report.box_4a.taxable == D("0")


def test_purchases_are_what_approvals_owe_partners_not_what_is_paid_to_them():
    approved = external_hours_approved("approval-1", date(2026, 4, 2), {
        GERMAN: ExternalShare.of(D("8"), D("85.33"), D("70.17")),  # partner 561.36
        SWISS: ExternalShare.of(D("2"), D("90.00"), D("75.00"))})  # partner 150.00
    payment = partner_paid("pay-1", PartnerPayment(GERMAN, D("500.00"), date(2026, 4, 20),
                                                   "DE-1"))
    reversal = approved.reversal("fix-1", date(2026, 7, 2), "booked twice")
    purchases = purchases_from_partners([approved, payment, reversal])
    assert purchases == [PartnerPurchase(GERMAN, date(2026, 4, 2), D("561.36")),
                         PartnerPurchase(SWISS, date(2026, 4, 2), D("150.00")),
                         PartnerPurchase(GERMAN, date(2026, 7, 2), D("-561.36")),
                         PartnerPurchase(SWISS, date(2026, 7, 2), D("-150.00"))]
    assert {e.account for e in payment.entries} == {partner_coop_payable(GERMAN), BANK}


def test_only_partners_abroad_with_a_base_are_reverse_charged():
    charged, unknown = reverse_charged_purchases(
        [bought(GERMAN, "10.00"), bought(GERMAN, "-10.00"), bought(DUTCH, "5.00"),
         bought(SWISS, "1.00")], Q2, COUNTRIES)
    assert [(c.partner_id, c.country, c.box, c.taxable, c.vat) for c in charged] == [
        (SWISS, "CH", FROM_OUTSIDE_THE_EU, D("1.00"), D("0.21"))]
    assert unknown == []

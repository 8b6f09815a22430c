"""Inter-coop billing as examples: coop A buys a partner's member's hours and invoices its
client; coop B lends a member and invoices the partner coop (VAT by the partner's country).
"""

import uuid
from datetime import date
from decimal import Decimal

import pytest
from lxml import etree

from infra.errors import Conflict, Invalid, ServiceError
from services.billing.domain import use_cases
from services.billing.domain.accounts import is_known, partner_coop_payable, payable_to
from services.billing.domain.errors import LentPlacementNotKnownYet
from services.billing.domain.external_work import (
    ExternalShare,
    lent_contract_id,
    lent_entry_id,
)
from services.billing.domain.parties import MemberName
from services.billing.domain.partner_parties import PartnerCoop
from services.billing.domain.ubl_export import ubl_xml
from services.billing.domain.use_cases import inter_coop
from services.billing.domain.vat_treatment import REVERSE_CHARGE_NOTE
from services.billing.schemas.inter_coop import INTER_COOP_EVENT_SCHEMAS
from tests.unit.billing.builders import DUTCH_CLIENT, SETTINGS
from tests.unit.billing.story import MARCH, a_coop, command, event

COOP_B = str(uuid.UUID(int=0xB))
COOP_A = str(uuid.UUID(int=0xA))
PLACEMENT = str(uuid.UUID(int=0x1))
CANDIDATE = str(uuid.UUID(int=0x2))
APRIL_1 = date(2026, 4, 1)


def balance(uow, account):
    with uow:
        return -uow.ledger.balance(account)  # credit-normal, as people read a payable


# --- coop A: external work ----------------------------------------------------------------


def placed(client_rate="85.33", partner_rate="70.17", **changes) -> dict:
    return {"placement_id": PLACEMENT, "offer_id": str(uuid.uuid4()), "partner_id": COOP_B,
            "partner_name": "Coop B", "candidate_id": CANDIDATE, "project_id": "project-1",
            "client_id": DUTCH_CLIENT.id, "seat_id": "s", "role_id": "r", "skill": "python",
            "hours_per_week": 16, "starts_on": date(2026, 3, 1), "ends_on": date(2026, 6, 30),
            "client_hourly_rate": client_rate, "partner_hourly_rate": partner_rate,
            "currency": "EUR", "description": "Backend", **changes}


def coop_a(**rates):
    uow = a_coop()
    inter_coop.open_external_contract(uow, event(placed(**rates)))
    return uow


def external_hours(uow, days: dict[int, str], approve=True):
    """The operator writes the lent member's hours (as the contract's worker); the client
    approves them."""
    entries = use_cases.submit_hours(uow, CANDIDATE, PLACEMENT,
                                     {date(2026, 3, d): h for d, h in days.items()})
    if approve:
        use_cases.approve_hours(uow, DUTCH_CLIENT.id, [e.id for e in entries], command())
    return entries


def test_margin_is_client_net_minus_partner_cost_each_rounded_half_up():
    share = ExternalShare.of(Decimal("7.75"), Decimal("85.33"), Decimal("70.17"))
    assert share == ExternalShare(Decimal("661.31"), Decimal("543.82"), Decimal("117.49"))
    assert share.net == share.partner + share.margin


def test_a_partner_rate_above_the_client_rate_is_refused():
    with pytest.raises(Invalid) as raised:
        coop_a(client_rate="60.00", partner_rate="70.00")
    assert raised.value.rule == "PartnerRateAboveClientRate"


def test_approved_external_hours_are_owed_to_the_partner_coop_never_to_a_member():
    uow = coop_a()
    external_hours(uow, {2: "3.25"})
    external_hours(uow, {3: "4.5"})  # running total 7.75 h: increments add up exactly
    assert balance(uow, partner_coop_payable(COOP_B)) == Decimal("543.82")
    assert balance(uow, "unbilled_work") == Decimal("-661.31")  # debit-normal: 661.31 open
    assert balance(uow, payable_to(CANDIDATE)) == Decimal("0.00")
    assert is_known(partner_coop_payable(COOP_B)) and not is_known("partner_coop_payables")


def test_each_approved_day_is_published_for_the_lending_coop():
    uow = coop_a()
    entries = external_hours(uow, {2: "8", 3: "2.5"})
    published = [e for e in uow.published if e.type == "external_hours_approved"]
    assert [e.data for e in published] == [
        {"placement_id": PLACEMENT, "partner_id": COOP_B, "candidate_id": CANDIDATE,
         "timesheet_id": entry.id, "period_start": f"2026-03-0{d}", "period_end": f"2026-03-0{d}",
         "hours": hours, "hourly_rate": "70.17", "currency": "EUR"}
        for entry, d, hours in zip(entries, (2, 3), ("8.00", "2.50"), strict=True)]
    schema = INTER_COOP_EVENT_SCHEMAS["external_hours_approved"]
    assert all(schema.dump(e) == e.data for e in published)
    assert all(e.subject == PLACEMENT for e in published)


def test_the_client_is_invoiced_at_the_client_rate_naming_skill_and_partner_not_a_person():
    uow = coop_a()
    external_hours(uow, {2: "3.25", 3: "4.5"})
    (invoice,) = use_cases.run_monthly_invoicing(uow, MARCH, APRIL_1, command(), SETTINGS).issued
    (line,) = invoice.lines
    assert line.unit_price == Decimal("85.33") and line.net == Decimal("661.31")
    assert line.description == "python — via Coop B, 2026-03" and line.member_name is None
    assert invoice.vat_total == Decimal("138.88")  # 21 % of 661.31, as for any Dutch client
    assert balance(uow, "unbilled_work") == Decimal("0.00")
    assert balance(uow, "coop_fee_revenue") == Decimal("117.49")


def test_the_ledger_balances_and_payout_runs_skip_external_contracts():
    uow = coop_a()
    use_cases.submit_hours(uow, "anouk", "c-anouk-client-nl-project-1", {date(2026, 3, 2): "8"})
    external_hours(uow, {2: "8"})
    anouk = [e for e in uow.committed.entries.values() if e.member_id == "anouk"]
    use_cases.approve_hours(uow, DUTCH_CLIENT.id, [e.id for e in anouk], command())
    use_cases.run_monthly_invoicing(uow, MARCH, APRIL_1, command(), SETTINGS)
    batch = use_cases.create_payout_batch(uow, "batch-1", date(2026, 4, 2))
    assert {line.member_id for line in batch.lines} == {"anouk"}
    assert CANDIDATE not in {w.member_id for w in batch.waiting}
    assert balance(uow, partner_coop_payable(COOP_B)) == Decimal("561.36")  # 8 × 70.17
    with uow:
        postings = uow.ledger.postings()
    assert all(p.debits == p.credits for p in postings)
    assert sum(e.debit - e.credit for p in postings for e in p.entries) == 0


def test_a_credit_note_on_external_work_is_borne_by_the_coop_not_the_partner():
    uow = coop_a()
    external_hours(uow, {2: "8"})  # net 682.64 (8 × 85.33), partner 561.36, margin 121.28
    (invoice,) = use_cases.run_monthly_invoicing(uow, MARCH, APRIL_1, command(), SETTINGS).issued
    use_cases.issue_credit_note(uow, invoice.number, "Two hours too many", date(2026, 4, 3),
                                command(), SETTINGS, {1: "2"})  # net 170.66
    assert balance(uow, partner_coop_payable(COOP_B)) == Decimal("561.36")
    assert balance(uow, "coop_fee_revenue") == Decimal("121.28") - Decimal("170.66")
    assert balance(uow, payable_to(CANDIDATE)) == Decimal("0.00")


def test_an_external_placement_is_recorded_once():
    uow = coop_a()
    again = inter_coop.open_external_contract(uow, event(placed()))
    assert again.id == PLACEMENT and len(uow.committed.partner_placements) == 1


# --- coop B: lent members, partner coops as customers -----------------------------------

BELGIAN = {"legal_name": "Coop A SC", "country": "BE", "vat_id": "BE0428759497",
           "address": {"street": "Rue Haute 1", "postal_code": "1000", "city": "Bruxelles",
                       "country": "BE"}}
DUTCH = {"legal_name": "Coop A U.A.", "country": "NL", "vat_id": "NL004495445B01",
         "address": {"street": "Oudegracht 1", "postal_code": "3511 AA", "city": "Utrecht",
                     "country": "NL"}}


def partner(billing, version=1, partner_id=COOP_A) -> PartnerCoop:
    return PartnerCoop.from_event({"partner_id": partner_id, "coop_uri": "https://a.example/",
                                   "name": "Coop A", "version": version, "billing": billing})


def lent_data(**changes) -> dict:
    return {"placement_id": PLACEMENT, "partner_id": COOP_A, "offer_id": str(uuid.uuid4()),
            "candidate_id": CANDIDATE, "member_id": "anouk", "skill": "python",
            "starts_on": date(2026, 3, 1), "ends_on": date(2026, 6, 30), "hours_per_week": 16,
            "hourly_rate": "70.17", "currency": "EUR", **changes}


def coop_b(billing=DUTCH):
    uow = a_coop()
    inter_coop.record_partner_coop(uow, event(), partner(billing))
    inter_coop.open_lent_contract(uow, event(lent_data()), SETTINGS)
    return uow


def hours_from(uow, sender=COOP_A, placement=PLACEMENT, day=2, hours="8",
               timesheet_id=None, event_id=None):
    the_day = date(2026, 3, day)
    data = {"placement_id": placement, "candidate_id": CANDIDATE,
            "timesheet_id": timesheet_id or str(uuid.uuid4()), "period_start": the_day,
            "period_end": the_day, "hours": Decimal(hours), "hourly_rate": "70.17",
            "currency": "EUR"}
    return inter_coop.record_partner_hours(
        uow, {"id": event_id or str(uuid.uuid4()), "data": {}}, sender, data)


def run(uow):
    return use_cases.run_monthly_invoicing(uow, MARCH, APRIL_1, command(), SETTINGS)


def test_partner_hours_are_approved_hours_booked_to_the_lent_member():
    uow = coop_b()
    recorded = hours_from(uow, hours="8")
    assert recorded.rule is None
    entry = uow.committed.entries[recorded.entry_id]
    assert (entry.status, entry.member_id, entry.client_id, entry.hours) == (
        "approved", "anouk", COOP_A, Decimal("8"))
    # 8 × 70.17 = 561.36; fee 5 % 28.07, development 1 % 5.61 → member 527.68
    assert balance(uow, payable_to("anouk")) == Decimal("527.68")


def test_partner_hours_are_recorded_once_per_timesheet():
    uow = coop_b()
    first = hours_from(uow, timesheet_id=str(uuid.UUID(int=7)))
    again = hours_from(uow, timesheet_id=str(uuid.UUID(int=7)))  # another delivery
    assert again.entry_id == first.entry_id == lent_entry_id(COOP_A, str(uuid.UUID(int=7)))
    assert len(uow.committed.entries) == 1
    assert balance(uow, payable_to("anouk")) == Decimal("527.68")


def test_a_partners_placement_id_is_not_our_contract_id_and_two_partners_may_not_share_one():
    uow = coop_b()
    [lent] = uow.committed.partner_placements.values()
    assert lent.placement_id == PLACEMENT and lent.contract_id == lent_contract_id(COOP_A,
                                                                                PLACEMENT)
    assert lent.contract_id != PLACEMENT and lent_contract_id(COOP_B, PLACEMENT) != \
        lent.contract_id
    again = inter_coop.open_lent_contract(uow, event(lent_data()), SETTINGS)  # redelivered
    assert again.id == lent.contract_id and len(uow.committed.contracts) == len(
        a_coop().committed.contracts) + 1
    with pytest.raises(Invalid) as raised:  # another partner, the same placement id
        inter_coop.open_lent_contract(uow, event(lent_data(partner_id=COOP_B)), SETTINGS)
    assert raised.value.rule == "PlacementIdUsedByAnotherPartner"
    assert len(uow.committed.partner_placements) == 1


def test_nobody_writes_hours_on_a_lent_contract_the_partner_reports_them():
    uow = coop_b()
    with pytest.raises(Conflict) as raised:  # the member (or an operator for them)
        use_cases.submit_hours(uow, "anouk", lent_contract_id(COOP_A, PLACEMENT),
                               {date(2026, 3, 2): "8"})
    assert raised.value.rule == "LentHoursComeFromThePartner"
    assert uow.committed.entries == {}
    assert hours_from(uow, day=2).entry_id in uow.committed.entries  # the partner's: fine


def test_hours_before_the_placement_is_known_are_retried_and_not_marked_handled():
    uow = a_coop()
    inter_coop.record_partner_coop(uow, event(), partner(DUTCH))
    said = str(uuid.uuid4())
    with pytest.raises(LentPlacementNotKnownYet):  # member_lent is still on its way
        hours_from(uow, event_id=said)
    assert not isinstance(LentPlacementNotKnownYet("p", "s"), ServiceError)  # retried
    assert said not in uow.committed.handled and uow.committed.entries == {}
    inter_coop.open_lent_contract(uow, event(lent_data()), SETTINGS)
    recorded = hours_from(uow, event_id=said)  # the retry
    assert recorded.entry_id in uow.committed.entries and said in uow.committed.handled


@pytest.mark.parametrize("sender, day, hours, rule", [
    (str(uuid.UUID(int=0xC)), 2, "8", "PlacementLentToAnotherPartner"),
    (COOP_A, 28, "8", None),  # within the contract (March to June): fine
    (COOP_A, 2, "8.1", "HoursMustBeQuarterHours"),
    (COOP_A, 2, "24.25", "DayHasAtMost24Hours"),
])
def test_refused_partner_hours_are_invalid_by_name_and_nothing_is_applied(sender, day, hours,
                                                                         rule):
    uow = coop_b()
    said = str(uuid.uuid4())
    if rule is None:
        assert hours_from(uow, sender=sender, day=day, hours=hours, event_id=said).entry_id
        return
    with pytest.raises(Invalid) as raised:  # parked at once by infra.handlers
        hours_from(uow, sender=sender, day=day, hours=hours, event_id=said)
    assert raised.value.rule == rule
    assert uow.committed.entries == {} and said not in uow.committed.handled
    assert balance(uow, payable_to("anouk")) == Decimal("0.00")


def test_a_day_outside_the_lent_contract_is_refused():
    uow = a_coop()
    inter_coop.open_lent_contract(uow, event(lent_data(starts_on=date(2026, 3, 3))), SETTINGS)
    with pytest.raises(Invalid) as raised:
        hours_from(uow, day=2)
    assert raised.value.rule == "DayOutsideAssignment"


def test_a_second_timesheet_for_a_recorded_day_is_refused():
    uow = coop_b()
    hours_from(uow, day=2)
    with pytest.raises(Invalid) as raised:
        hours_from(uow, day=2)
    assert raised.value.rule == "HoursForDayAlreadyRecorded"
    assert len(uow.committed.entries) == 1


def test_an_external_placement_of_ours_takes_no_partner_hours():
    uow = coop_a()  # at coop A, PLACEMENT is external, not lent: never known as lent
    with pytest.raises(LentPlacementNotKnownYet):
        hours_from(uow, sender=COOP_B)
    assert len(uow.committed.entries) == 0


def test_a_partner_in_the_netherlands_pays_21_percent_and_learns_no_members_name():
    uow = coop_b(DUTCH)
    use_cases.record_member(uow, event(), MemberName("anouk", "Anouk de Vries", 1))
    hours_from(uow, hours="8")
    (invoice,) = run(uow).issued
    assert invoice.customer.id == COOP_A and invoice.customer.name == "Coop A U.A."
    assert invoice.treatment.rule == "DutchClientPaysDutchVat"
    assert (invoice.net_total, invoice.vat_total) == (Decimal("561.36"), Decimal("117.89"))
    assert invoice.lines[0].description == f"python — placement {PLACEMENT}, 2026-03"
    assert invoice.lines[0].member_name is None


def test_a_partner_in_belgium_with_a_vat_id_is_reverse_charged_with_the_legal_note():
    uow = coop_b(BELGIAN)
    hours_from(uow, hours="8")
    (invoice,) = run(uow).issued
    assert invoice.treatment.rule == "EuBusinessClientReverseCharge"
    assert invoice.vat_total == Decimal("0.00") and invoice.lines[0].vat_category == "AE"
    assert REVERSE_CHARGE_NOTE in invoice.note and "BE0428759497" in invoice.note
    xml = etree.fromstring(ubl_xml(invoice))
    ns = {"cbc": "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2"}
    assert REVERSE_CHARGE_NOTE in xml.findtext("cbc:Note", namespaces=ns)
    assert "VATEX-EU-AE" in [e.text for e in xml.iterfind(".//cbc:TaxExemptionReasonCode", ns)]


def test_a_partner_in_belgium_without_vat_id_is_blocked_and_the_others_are_invoiced():
    uow = coop_b({**BELGIAN, "vat_id": None})
    hours_from(uow, hours="8")
    use_cases.submit_hours(uow, "bram", "c-bram-client-nl-project-1", {date(2026, 3, 2): "8"})
    bram = [e for e in uow.committed.entries.values() if e.member_id == "bram"]
    use_cases.approve_hours(uow, DUTCH_CLIENT.id, [e.id for e in bram], command())
    result = run(uow)
    assert [i.customer.id for i in result.issued] == [DUTCH_CLIENT.id]
    assert [(b.client_id, b.rule) for b in result.blocked] == [
        (COOP_A, "ReverseChargeNeedsClientVatId")]


def test_a_partner_outside_the_eu_is_outside_dutch_vat():
    swiss = {**BELGIAN, "country": "CH", "vat_id": "CHE-123.456.788 MWST",
             "address": {**BELGIAN["address"], "country": "CH"}}
    uow = coop_b(swiss)
    hours_from(uow)
    (invoice,) = run(uow).issued
    assert invoice.treatment.rule == "BusinessClientOutsideEuIsOutsideDutchVat"
    assert invoice.vat_total == Decimal("0.00")


def test_a_partner_without_billing_details_cannot_be_invoiced_and_says_why():
    uow = coop_b(None)
    hours_from(uow)
    result = run(uow)
    assert result.issued == () and [b.rule for b in result.blocked] == [
        "PartnerHasNoBillingDetails"]
    assert "billing details" in result.blocked[0].message
    inter_coop.record_partner_coop(uow, event(), partner(DUTCH, version=2))  # given later
    assert len(run(uow).issued) == 1


def test_an_older_partner_announcement_never_replaces_a_newer_one():
    uow = coop_b(DUTCH)
    inter_coop.record_partner_coop(uow, event(), partner(None, version=3))
    inter_coop.record_partner_coop(uow, event(), partner(BELGIAN, version=2))
    assert uow.committed.partner_coops[COOP_A].billing is None


def test_the_lent_member_is_paid_by_the_payout_run_as_for_any_contract():
    uow = coop_b()
    hours_from(uow, hours="8")
    run(uow)
    batch = use_cases.create_payout_batch(uow, "batch-1", date(2026, 4, 2))
    assert {(line.member_id, line.amount) for line in batch.lines} == {
        ("anouk", Decimal("527.68"))}


def test_a_lending_ended_early_takes_no_partner_hours_after_its_new_end():
    uow = coop_b()
    inter_coop.end_lent_contract(uow, event(), COOP_A, PLACEMENT, date(2026, 3, 10))
    assert hours_from(uow, day=10).rule is None
    with pytest.raises(Invalid) as raised:
        hours_from(uow, day=11)
    assert raised.value.rule == "DayOutsideAssignment"


def test_a_placement_the_partner_ended_early_takes_no_hours_after_its_new_end():
    uow = coop_a()
    inter_coop.end_external_contract(uow, event(), PLACEMENT, date(2026, 3, 10))
    assert external_hours(uow, {10: "8"})
    with pytest.raises(Invalid) as raised:
        external_hours(uow, {11: "8"})
    assert raised.value.rule == "DayOutsideAssignment"

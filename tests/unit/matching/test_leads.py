"""A lead's rules and lifecycle, without storage: every legal and every illegal step."""

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest

from services.matching.domain.lead_errors import (
    ContactNotYetTaken,
    ConversionNeedsPeriod,
    ConversionNeedsRoles,
    IntakeBeforeContact,
    LeadBudgetReversed,
    LeadFinderMissing,
    LeadFinderOnlyForMemberLeads,
    LeadPeriodReversed,
    LeadTransitionNotAllowed,
)
from services.matching.domain.leads import Lead

NOW = datetime(2026, 11, 24, 9, tzinfo=UTC)
TODAY = date(2026, 11, 24)
ADA = "7b1e7a43-7a4c-4bd9-9d3f-2d1c7e0f4a11"


def details(**overrides) -> dict:
    return {"organisation": "Gemeente Utrecht",
            "contact": {"name": "Eva Smit", "email": "eva@utrecht.example", "phone": None},
            "description": "A new booking system for sports halls.\nWith payments.",
            "roles": [{"skill": "python", "minimum_level": 3, "hours_per_week": Decimal(24),
                       "seats": 2}],
            "starts_on": date(2027, 1, 4), "ends_on": date(2027, 6, 25),
            "budget_min": Decimal("40000.00"), "budget_max": Decimal("60000.00"),
            "source": "website", **overrides}


def lead_in(status: str) -> Lead:
    lead = Lead.receive(details(), NOW)
    if status == "closed":
        lead.close("No budget after all.", NOW)
    if status in ("qualified", "intake_planned", "converted"):
        lead.qualify(date(2026, 11, 20), ADA, "Called Eva: they need two developers.", NOW,
                     TODAY)
    if status in ("intake_planned", "converted"):
        lead.plan_intake(date(2026, 12, 1), NOW)
    if status == "converted":
        lead.convert("client-1", "project-1", NOW)
    assert lead.status == status
    return lead


ACTIONS = {
    "qualify": lambda lead: lead.qualify(date(2026, 11, 23), None, "Spoke on the phone.", NOW,
                                         TODAY),
    "plan_intake": lambda lead: lead.plan_intake(date(2026, 12, 3), NOW),
    "convert": lambda lead: lead.convert("client-1", "project-1", NOW),
    "close": lambda lead: lead.close("Went elsewhere.", NOW),
    "assign": lambda lead: lead.assign(ADA, NOW),
}

# (status, action) → the status it leads to; every pair not here is illegal
LEGAL = {
    ("received", "qualify"): "qualified",
    ("received", "close"): "closed",
    ("received", "assign"): "received",
    ("qualified", "plan_intake"): "intake_planned",
    ("qualified", "close"): "closed",
    ("qualified", "assign"): "qualified",
    ("intake_planned", "plan_intake"): "intake_planned",
    ("intake_planned", "convert"): "converted",
    ("intake_planned", "close"): "closed",
    ("intake_planned", "assign"): "intake_planned",
}
STATUSES = ("received", "qualified", "intake_planned", "converted", "closed")
ILLEGAL = [(status, action) for status in STATUSES for action in ACTIONS
           if (status, action) not in LEGAL]


@pytest.mark.parametrize(("status", "action"), sorted(LEGAL))
def test_every_legal_step_moves_the_lead_and_raises_its_version(status, action):
    lead = lead_in(status)
    version = lead.version
    ACTIONS[action](lead)
    assert lead.status == LEGAL[(status, action)]
    assert lead.version == version + 1


@pytest.mark.parametrize(("status", "action"), ILLEGAL)
def test_every_illegal_step_is_a_conflict_naming_the_rule_and_changes_nothing(status, action):
    lead = lead_in(status)
    before = (lead.status, lead.version, lead.qualification, lead.intake_on, lead.project_id)
    with pytest.raises(LeadTransitionNotAllowed) as raised:
        ACTIONS[action](lead)
    assert raised.value.rule == "LeadTransitionNotAllowed"
    assert status in raised.value.detail
    assert (lead.status, lead.version, lead.qualification, lead.intake_on,
            lead.project_id) == before


def test_a_new_lead_is_received_with_its_wishes():
    lead = Lead.receive(details(), NOW)
    assert (lead.status, lead.source, lead.version) == ("received", "website", 1)
    assert lead.skills == ["python"] and lead.roles[0].seats == 2
    assert lead.assignee_member_id is None


def test_a_lead_a_member_found_is_assigned_to_that_member():
    lead = Lead.receive(details(source="member", found_by_member_id=ADA), NOW)
    assert lead.found_by_member_id == lead.assignee_member_id == ADA


def test_a_lead_may_be_just_a_description():
    lead = Lead.receive(details(roles=[], starts_on=None, ends_on=None, budget_min=None,
                                budget_max=None), NOW)
    assert lead.roles == () and lead.starts_on is None


@pytest.mark.parametrize(("change", "rule", "field"), [
    ({"ends_on": date(2026, 12, 1)}, LeadPeriodReversed, "ends_on"),
    ({"budget_max": Decimal("1000.00")}, LeadBudgetReversed, "budget_max"),
    ({"source": "member"}, LeadFinderMissing, "found_by_member_id"),
    ({"found_by_member_id": ADA}, LeadFinderOnlyForMemberLeads, "found_by_member_id"),
])
def test_a_lead_that_breaks_a_rule_is_refused_naming_the_field(change, rule, field):
    with pytest.raises(rule) as raised:
        Lead.receive(details(**change), NOW)
    assert raised.value.errors[0]["field"] == field


def test_qualifying_records_who_took_contact_and_gives_them_an_unassigned_lead():
    lead = lead_in("qualified")
    assert lead.qualification.by == "member"
    assert lead.qualification.member_id == lead.assignee_member_id == ADA
    by_operator = Lead.receive(details(), NOW)
    by_operator.qualify(TODAY, None, "Spoke to Eva.", NOW, TODAY)
    assert by_operator.qualification.by == "operator"
    assert by_operator.assignee_member_id is None


def test_contact_cannot_be_taken_tomorrow():
    lead = lead_in("received")
    with pytest.raises(ContactNotYetTaken):
        lead.qualify(date(2026, 11, 25), None, "Will call.", NOW, TODAY)
    assert lead.status == "received"


def test_the_intake_is_not_before_the_contact_and_can_be_moved():
    lead = lead_in("qualified")
    with pytest.raises(IntakeBeforeContact) as raised:
        lead.plan_intake(date(2026, 11, 19), NOW)
    assert raised.value.errors[0]["field"] == "intake_on"
    lead.plan_intake(date(2026, 12, 1), NOW)
    lead.plan_intake(date(2026, 12, 8), NOW)
    assert (lead.status, lead.intake_on) == ("intake_planned", date(2026, 12, 8))


def test_closing_keeps_the_reason_and_where_it_was_closed():
    lead = lead_in("intake_planned")
    lead.close("Budget went to another supplier.", NOW)
    assert (lead.status, lead.closed_from, lead.closed_reason) == (
        "closed", "intake_planned", "Budget went to another supplier.")


def test_the_project_is_prefilled_from_the_lead_and_given_details_win():
    lead = lead_in("intake_planned")
    project = lead.project_details({})
    assert project["title"] == "Gemeente Utrecht: A new booking system for sports halls."
    assert (project["starts_on"], project["ends_on"]) == (date(2027, 1, 4), date(2027, 6, 25))
    assert project["budget"] == Decimal("60000.00")
    assert project["roles"] == [{"skill": "python", "minimum_level": 3,
                                 "hours_per_week": Decimal(24), "seats": 2}]
    changed = lead.project_details({"title": "Sports halls", "budget": None})
    assert (changed["title"], changed["budget"]) == ("Sports halls", None)


def test_a_lead_without_period_or_roles_needs_them_given_at_conversion():
    lead = Lead.receive(details(roles=[], starts_on=None, ends_on=None), NOW)
    with pytest.raises(ConversionNeedsPeriod) as raised:
        lead.project_details({})
    assert [e["field"] for e in raised.value.errors] == ["project.starts_on", "project.ends_on"]
    with pytest.raises(ConversionNeedsRoles):
        lead.project_details({"starts_on": date(2027, 1, 4), "ends_on": date(2027, 2, 26)})


def test_a_new_client_takes_the_leads_name_and_contact_person_unless_given():
    lead = lead_in("intake_planned")
    client = lead.client_details({"country": "NL"})
    assert client["name"] == "Gemeente Utrecht"
    assert client["contact"]["email"] == "eva@utrecht.example"
    assert lead.client_details({"name": "Utrecht"})["name"] == "Utrecht"


def test_a_long_description_makes_a_title_of_at_most_200_characters():
    lead = Lead.receive(details(description="x" * 500), NOW)
    assert len(lead.default_title()) == 200 and lead.default_title().endswith("…")


def test_contact_about_a_lead_is_the_contact_day_and_a_held_intake():
    lead = lead_in("intake_planned")
    assert lead.contact_days(date(2026, 11, 30)) == [date(2026, 11, 20)]
    assert lead.contact_days(date(2026, 12, 1)) == [date(2026, 11, 20), date(2026, 12, 1)]


@pytest.mark.parametrize("status", ["received", "qualified", "intake_planned"])
def test_erasing_an_open_leads_contact_closes_it_and_forgets_person_and_notes(status):
    lead = lead_in(status)
    later = NOW + timedelta(hours=1)
    assert lead.erase_contact(later) is True
    assert (lead.status, lead.closed_from) == ("closed", status)
    assert lead.closed_reason == "The contact person asked for their details to be erased."
    assert lead.contact is None and lead.contact_erased_at == later
    if lead.qualification is not None:
        assert lead.qualification.notes == ""
        assert lead.qualification.contacted_on == date(2026, 11, 20)
    assert lead.organisation == "Gemeente Utrecht" and lead.skills == ["python"]


@pytest.mark.parametrize("status", ["converted", "closed"])
def test_erasing_a_final_leads_contact_keeps_its_status_and_reason(status):
    lead = lead_in(status)
    reason, version = lead.closed_reason, lead.version
    assert lead.erase_contact(NOW) is True
    assert (lead.status, lead.closed_reason, lead.version) == (status, reason, version + 1)
    assert lead.contact is None


def test_erasing_twice_changes_nothing_the_second_time():
    lead = lead_in("closed")
    lead.erase_contact(NOW)
    version = lead.version
    assert lead.erase_contact(NOW + timedelta(days=1)) is False
    assert (lead.version, lead.contact_erased_at) == (version, NOW)


@pytest.mark.parametrize(("status", "age", "erased", "outlived"), [
    ("closed", timedelta(days=365), False, True),
    ("converted", timedelta(days=800), False, False),  # part of a client relationship
    ("closed", timedelta(days=364, hours=23), False, False),
    ("received", timedelta(days=800), False, False),
    ("intake_planned", timedelta(days=800), False, False),
    ("closed", timedelta(days=800), True, False),
])
def test_a_contact_outlives_its_retention_only_when_the_lead_is_final_and_old_enough(
        status, age, erased, outlived):
    lead = lead_in(status)
    if erased:
        lead.erase_contact(NOW)
    assert lead.contact_outlived(timedelta(days=365), lead.updated_at + age) is outlived

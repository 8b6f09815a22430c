"""The "Hire a Multitalent" form: what it accepts, how it names errors, the lead it becomes."""

from datetime import date

import pytest
from marshmallow import ValidationError

from gateway.website.form import (
    BUDGETS,
    MESSAGES,
    HireFormSchema,
    form_errors,
    lead_details,
    lead_errors,
)


def posted(**overrides) -> dict:
    return {"organisation": "  Gemeente Zeist ", "contact_name": "Eva Smit",
            "contact_email": "Eva@Zeist.nl", "contact_phone": "", "description": "Booking.",
            "roles": "", "starts_on": "", "ends_on": "", "budget": "",
            "csrf_token": "t", "website": "", **overrides}


def errors_of(**overrides) -> dict:
    with pytest.raises(ValidationError) as raised:
        HireFormSchema().load(posted(**overrides))
    return {error.field: error.message for error in form_errors(raised.value.messages)}


def test_empty_optional_fields_are_left_out_and_text_is_trimmed():
    form = HireFormSchema().load(posted())
    assert form == {"organisation": "Gemeente Zeist", "contact_name": "Eva Smit",
                    "contact_email": "Eva@Zeist.nl", "description": "Booking."}


def test_missing_fields_are_named_in_the_order_of_the_form():
    with pytest.raises(ValidationError) as raised:
        HireFormSchema().load(posted(organisation=" ", contact_name="", description="",
                                     contact_email="nope"))
    assert [(e.field, e.message) for e in form_errors(raised.value.messages)] == [
        ("organisation", MESSAGES["organisation"]),
        ("contact_name", MESSAGES["contact_name"]),
        ("contact_email", MESSAGES["contact_email"]),
        ("description", MESSAGES["description"]),
    ]


def test_oversized_fields_are_field_errors():
    assert errors_of(organisation="x" * 201) == {"organisation": "Use at most 200 characters."}
    assert errors_of(description="x" * 3001) == {"description": MESSAGES["description_long"]}
    assert errors_of(roles="x" * 1501) == {"roles": MESSAGES["roles_long"]}


def test_dates_phone_budget_and_control_characters_are_checked():
    assert errors_of(starts_on="1 maart") == {"starts_on": MESSAGES["date"]}
    assert errors_of(starts_on="2027-03-01", ends_on="2027-02-01") == {
        "ends_on": MESSAGES["period"]}
    assert errors_of(contact_phone="call me") == {"contact_phone": MESSAGES["contact_phone"]}
    assert errors_of(budget="a million") == {"budget": MESSAGES["budget"]}
    assert errors_of(description="nul\x00byte") == {"description": MESSAGES["control"]}
    assert HireFormSchema().load(posted(description="two\nlines\ttabbed"))["description"] == (
        "two\nlines\ttabbed")


def test_a_valid_form_becomes_a_website_lead_with_period_budget_and_roles():
    form = HireFormSchema().load(posted(
        roles="a designer", starts_on="2027-03-01", ends_on="2027-06-30", budget="10k-50k",
        contact_phone="+31 30 123 4567"))
    assert form["starts_on"] == date(2027, 3, 1)
    lead = lead_details(form, "nl")
    assert lead["source"] == "website"
    assert lead["contact"] == {"name": "Eva Smit", "email": "Eva@Zeist.nl",
                               "phone": "+31 30 123 4567"}
    assert lead["description"].startswith("Booking.")
    assert "a designer" in lead["description"]
    assert (lead["starts_on"], lead["ends_on"]) == ("2027-03-01", "2027-06-30")
    assert (lead["budget_min"], lead["budget_max"]) == ("10000", "50000")
    assert len(lead["description"]) <= 5000  # matching's limit, for the longest form
    longest = lead_details({**form, "description": "x" * 3000, "roles": "y" * 1500}, "en")
    assert len(longest["description"]) <= 5000


def test_open_ended_and_unknown_budgets():
    assert BUDGETS["over-250k"][1:] == (250000, None)
    lead = lead_details(HireFormSchema().load(posted()), "en")
    assert (lead["budget_min"], lead["budget_max"], lead["starts_on"]) == (None, None, None)


def test_matchings_refusal_names_the_forms_fields():
    refused = lead_errors([{"field": "contact.email", "message": "bad"},
                           {"field": "budget_max", "message": "reversed"},
                           {"field": "something.else", "message": "?"}])
    assert [error.field for error in refused] == ["contact_email", "description", "budget"]
    assert [error.field for error in lead_errors(None)] == ["description"]

"""The "Hire a Multitalent" form: what it accepts, the errors it names, the lead it becomes.

Every error message is a message id of the catalogues (English text), translated when the
form is shown again. A submitted form becomes a lead in matching (`receive_lead`, source
`website`): the free-text roles join the description (a lead's structured roles are for
operators to fill in), the period and the budget range become the lead's.
"""

import re
from dataclasses import dataclass
from decimal import Decimal

from marshmallow import (
    EXCLUDE,
    Schema,
    ValidationError,
    fields,
    pre_load,
    validate,
    validates_schema,
)

from gateway.website.i18n import N_

FIELDS = ("organisation", "contact_name", "contact_email", "contact_phone", "description",
          "roles", "starts_on", "ends_on", "budget")
HONEYPOT = "website"
MAX_FORM_BYTES = 32 * 1024

# key → (label msgid, budget_min, budget_max) in EUR
BUDGETS = {
    "up-to-10k": (N_("Up to € 10,000"), None, Decimal("10000")),
    "10k-50k": (N_("€ 10,000 to € 50,000"), Decimal("10000"), Decimal("50000")),
    "50k-100k": (N_("€ 50,000 to € 100,000"), Decimal("50000"), Decimal("100000")),
    "100k-250k": (N_("€ 100,000 to € 250,000"), Decimal("100000"), Decimal("250000")),
    "over-250k": (N_("More than € 250,000"), Decimal("250000"), None),
    "unknown": (N_("We don't know yet"), None, None),
}
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_PHONE = re.compile(r"^\+?[0-9 ()./-]{6,40}$")

TOO_LONG_200 = N_("Use at most 200 characters.")
MESSAGES = {  # every message id the form can show, for the catalogue check
    "organisation": N_("Enter the name of your organisation."),
    "contact_name": N_("Enter the name of the person we can contact."),
    "contact_email": N_("Enter an e-mail address, like name@example.nl."),
    "contact_phone": N_("Enter a phone number with digits, like +31 6 1234 5678."),
    "description": N_("Describe the project in a few sentences."),
    "description_long": N_("Use at most 3,000 characters."),
    "roles_long": N_("Use at most 1,500 characters."),
    "date": N_("Enter a date, like 2027-03-01."),
    "period": N_("The end date cannot be before the start date."),
    "budget": N_("Choose one of the budget ranges."),
    "control": N_("Remove the special characters from this field."),
    "lead": N_("Check this field."),
}


def _required(message: str) -> dict:
    return {"required": message, "null": message, "invalid": message}


class HireFormSchema(Schema):
    """The form's fields, as posted (strings); empty optional fields are left out."""

    class Meta:
        unknown = EXCLUDE

    organisation = fields.String(required=True, error_messages=_required(
        MESSAGES["organisation"]), validate=validate.Length(max=200, error=TOO_LONG_200))
    contact_name = fields.String(required=True, error_messages=_required(
        MESSAGES["contact_name"]), validate=validate.Length(max=200, error=TOO_LONG_200))
    contact_email = fields.Email(required=True, error_messages=_required(
        MESSAGES["contact_email"]), validate=validate.Length(max=254,
                                                             error=MESSAGES["contact_email"]))
    contact_phone = fields.String(error_messages=_required(MESSAGES["contact_phone"]),
                                  validate=validate.Regexp(_PHONE,
                                                           error=MESSAGES["contact_phone"]))
    description = fields.String(required=True, error_messages=_required(
        MESSAGES["description"]), validate=validate.Length(
            max=3000, error=MESSAGES["description_long"]))
    roles = fields.String(validate=validate.Length(max=1500, error=MESSAGES["roles_long"]))
    starts_on = fields.Date(error_messages=_required(MESSAGES["date"]))
    ends_on = fields.Date(error_messages=_required(MESSAGES["date"]))
    budget = fields.String(validate=validate.OneOf(tuple(BUDGETS), error=MESSAGES["budget"]))

    @pre_load
    def trimmed(self, data, **kwargs):
        """Strings without surrounding whitespace; empty fields count as not given."""
        given = {}
        for name in FIELDS:
            value = data.get(name)
            if not isinstance(value, str):
                continue
            value = value.strip()
            if value:
                given[name] = value
        return given

    @validates_schema(skip_on_field_errors=False)
    def sane(self, data, **kwargs):
        errors = {name: [MESSAGES["control"]] for name, value in data.items()
                  if isinstance(value, str) and _CONTROL.search(value)}
        starts_on, ends_on = data.get("starts_on"), data.get("ends_on")
        if starts_on and ends_on and ends_on < starts_on:
            errors["ends_on"] = [MESSAGES["period"]]
        if errors:
            raise ValidationError(errors)


@dataclass(frozen=True)
class FieldError:
    field: str
    message: str  # a message id


def form_errors(messages: dict) -> list[FieldError]:
    """marshmallow's messages as one error per field, in the order of the form."""
    errors = []
    for name in FIELDS:
        given = messages.get(name)
        if given:
            errors.append(FieldError(name, given[0] if isinstance(given, list) else str(given)))
    return errors


# matching's field names (`Invalid.errors[].field`) → the form's
_LEAD_FIELDS = {"organisation": "organisation", "contact.name": "contact_name",
                "contact.email": "contact_email", "contact.phone": "contact_phone",
                "description": "description", "starts_on": "starts_on", "ends_on": "ends_on",
                "budget_min": "budget", "budget_max": "budget"}


def lead_errors(errors: list[dict] | None) -> list[FieldError]:
    """matching's refusal of a lead, named by the form's fields (fallback: the description)."""
    found = {}
    for error in errors or ():
        field = _LEAD_FIELDS.get(str(error.get("field")), "description")
        found.setdefault(field, FieldError(field, MESSAGES["lead"]))
    return [found[name] for name in FIELDS if name in found] or [
        FieldError("description", MESSAGES["lead"])]


def lead_details(form: dict, lang: str) -> dict:
    """The lead a valid form becomes (matching's `receive_lead` payload)."""
    description = form["description"]
    if form.get("roles"):
        description += "\n\nRoles / Rollen:\n" + form["roles"]
    description += f"\n\n(website, {lang})"
    _, budget_min, budget_max = BUDGETS.get(form.get("budget") or "unknown")
    return {
        "organisation": form["organisation"],
        "contact": {"name": form["contact_name"], "email": form["contact_email"],
                    "phone": form.get("contact_phone")},
        "description": description,
        "starts_on": _iso(form.get("starts_on")),
        "ends_on": _iso(form.get("ends_on")),
        "budget_min": None if budget_min is None else str(budget_min),
        "budget_max": None if budget_max is None else str(budget_max),
        "source": "website",
    }


def _iso(value) -> str | None:
    return None if value is None else value.isoformat()

"""The client contract as the gateway sees it: what is accepted, how it is normalised."""

import ast
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pycountry  # schwifty's dependency: the reference the shipped country list is checked against
import pytest
from marshmallow import ValidationError

from services.matching.domain.client import Client
from services.matching.domain.events import ClientUpdated
from services.matching.schemas import (
    COUNTRY_CODES,
    ClientDetailsSchema,
    ClientEventSchema,
    ClientSchema,
    client_changes_schema,
)

ROOT = Path(__file__).resolve().parents[3]


def details(**overrides) -> dict:
    return {
        "name": " Gemeente Utrecht ",
        "country": "nl",
        "address": {"street": "Stadsplateau 1", "postal_code": "3521 AZ", "city": "Utrecht"},
        "contact": {"name": "Eva Smit", "email": "Eva@Utrecht.example"},
        **overrides,
    }


def errors(schema, data) -> dict:
    with pytest.raises(ValidationError) as raised:
        schema.load(data)
    return raised.value.messages


def test_details_are_normalised_and_is_business_defaults_to_true():
    loaded = ClientDetailsSchema().load(details(vat_id="nl 0044.95.445.b01",
                                                kvk_number="3028 0353"))
    assert loaded["name"] == "Gemeente Utrecht"
    assert loaded["country"] == "NL"
    assert loaded["vat_id"] == "NL004495445B01"
    assert loaded["kvk_number"] == "30280353"
    assert loaded["is_business"] is True
    assert loaded["contact"] == {"name": "Eva Smit", "email": "eva@utrecht.example"}


def test_the_country_list_is_exactly_iso_3166_1():
    assert sorted(COUNTRY_CODES) == sorted(country.alpha_2 for country in pycountry.countries)
    assert len(set(COUNTRY_CODES)) == len(COUNTRY_CODES)


@pytest.mark.parametrize("country", ["XX", "EL", "UK", "NLD", "", 31])
def test_an_unknown_country_is_invalid(country):
    assert "country" in errors(ClientDetailsSchema(), details(country=country))


@pytest.mark.parametrize(("given", "stored"), [
    ("DE 136 695 976", "DE136695976"),
    ("GR094259216", "EL094259216"),
    ("EL094259216", "EL094259216"),
    ("XI 980 7806 84", "XI980780684"),
])
def test_eu_vat_ids_are_stored_compact_with_their_prefix(given, stored):
    assert ClientDetailsSchema().load(details(vat_id=given))["vat_id"] == stored


@pytest.mark.parametrize("vat_id", [
    "NL004495446B01",  # wrong check digit
    "004495445B01",  # no country prefix
    "US123456789",  # not an EU member state
    "EU372022452",  # an OSS registration, not a business's VAT id
    "GB980780684",  # the UK left: only Northern Ireland's XI ids count
    "NL" + "1" * 100,
])
def test_an_invalid_or_non_eu_vat_id_is_rejected(vat_id):
    messages = errors(ClientDetailsSchema(), details(vat_id=vat_id))
    assert list(messages) == ["vat_id"]


def test_missing_and_unknown_fields_are_named_also_inside_nested_objects():
    data = details(address={"street": "", "city": "Utrecht", "floor": 3}, shoe_size=44)
    del data["contact"]
    messages = errors(ClientDetailsSchema(), data)
    assert set(messages) == {"address", "contact", "shoe_size"}
    assert set(messages["address"]) == {"street", "postal_code", "floor"}


@pytest.mark.parametrize("value", ["yes", "true", 1, 0, None])
def test_is_business_is_json_true_or_false(value):
    assert "is_business" in errors(ClientDetailsSchema(), details(is_business=value))


def test_is_business_false_is_kept():
    assert ClientDetailsSchema().load(details(is_business=False))["is_business"] is False


def test_a_change_gives_only_what_changes_but_at_least_one_field():
    assert client_changes_schema.load({"name": "Utrecht"}) == {"name": "Utrecht"}
    assert client_changes_schema.load({"vat_id": None}) == {"vat_id": None}
    assert errors(client_changes_schema, {}) == {"_schema": ["Give at least one field to change."]}
    assert "name" in errors(client_changes_schema, {"name": None})


def test_a_changed_address_or_contact_is_given_complete():
    messages = errors(client_changes_schema, {"address": {"city": "Ede"}})
    assert set(messages["address"]) == {"street", "postal_code"}


def test_output_and_event_data_name_every_field_and_events_leave_the_contact_out():
    client = Client.register(
        {**ClientDetailsSchema().load(details(billing_email="facturen@utrecht.example")),
         "contact": {"name": "Eva Smit", "email": "eva@utrecht.example", "phone": "030 123"}},
        now=datetime(2026, 1, 5, tzinfo=UTC),
    )
    dumped = ClientSchema().dump(client)
    assert set(dumped) == {"id", "name", "country", "vat_id", "kvk_number", "is_business",
                           "address", "billing_email", "contact", "version", "created_at",
                           "updated_at"}
    assert dumped["created_at"] == "2026-01-05T00:00:00+00:00"
    assert dumped["contact"] == {"name": "Eva Smit", "email": "eva@utrecht.example",
                                 "phone": "030 123"}

    data = ClientEventSchema().dump(ClientUpdated(client))
    assert set(data) == {"client_id", "version", "name", "country", "vat_id", "kvk_number",
                         "is_business", "address", "billing_email"}
    assert data["address"] == {"street": "Stadsplateau 1", "postal_code": "3521 AZ",
                               "city": "Utrecht"}


def test_the_schemas_import_nothing_else_of_the_service():
    """The gateway imports them to document the API; the domain must not come along."""
    code = ("import sys, services.matching.schemas; "
            "print(sorted(m for m in sys.modules if m.startswith('services')))")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                            text=True, check=True)
    loaded = ast.literal_eval(result.stdout.split("\n")[0])
    assert loaded[:3] == ["services", "services.matching", "services.matching.schemas"]
    assert all(name.startswith("services.matching.schemas.") for name in loaded[3:]), loaded

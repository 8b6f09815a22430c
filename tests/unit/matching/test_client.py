from datetime import UTC, datetime

import pytest

from services.matching.domain.client import Address, Client, ContactPerson, vat_country
from services.matching.domain.errors import KvkNumberOnlyForDutchClients, VatIdMustMatchCountry

NOW = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
LATER = datetime(2026, 1, 6, 9, 0, tzinfo=UTC)


def details(**overrides) -> dict:
    return {
        "name": "Gemeente Utrecht",
        "country": "NL",
        "vat_id": "NL004495445B01",
        "kvk_number": "30280353",
        "address": {"street": "Stadsplateau 1", "postal_code": "3521 AZ", "city": "Utrecht"},
        "contact": {"name": "Eva Smit", "email": "eva@utrecht.example"},
        **overrides,
    }


def test_registration_gives_an_id_version_and_timestamps():
    client = Client.register(details(), now=NOW)
    assert len(client.id) == 36
    assert client.version == 1
    assert client.created_at == client.updated_at == NOW
    assert client.is_business is True


def test_address_and_contact_become_value_objects():
    client = Client.register(details(), now=NOW)
    assert client.address == Address("Stadsplateau 1", "3521 AZ", "Utrecht")
    assert client.contact == ContactPerson("Eva Smit", "eva@utrecht.example", None)


def test_only_client_details_can_be_given_or_changed():
    with pytest.raises(ValueError, match="version"):
        Client.register(details(version=3), now=NOW)
    with pytest.raises(ValueError, match="id"):
        Client.register(details(), now=NOW).change({"id": "other"}, now=LATER)


@pytest.mark.parametrize(("vat_id", "country"), [
    ("NL004495445B01", "NL"), ("DE136695976", "DE"), ("EL094259216", "GR"), ("XI925901271", "GB"),
])
def test_a_vat_id_belongs_to_the_country_of_its_prefix(vat_id, country):
    assert vat_country(vat_id) == country


def test_a_vat_id_must_belong_to_the_clients_country():
    with pytest.raises(VatIdMustMatchCountry) as raised:
        Client.register(details(country="BE", kvk_number=None), now=NOW)
    assert raised.value.rule == "VatIdMustMatchCountry"
    assert [e["field"] for e in raised.value.errors] == ["vat_id"]
    assert "belongs to NL, not to BE" in raised.value.errors[0]["message"]


def test_a_greek_client_has_an_el_vat_id():
    client = Client.register(
        details(country="GR", vat_id="EL094259216", kvk_number=None), now=NOW
    )
    assert client.vat_id == "EL094259216"


def test_only_a_dutch_client_has_a_kvk_number():
    with pytest.raises(KvkNumberOnlyForDutchClients) as raised:
        Client.register(details(country="DE", vat_id="DE136695976"), now=NOW)
    assert [e["field"] for e in raised.value.errors] == ["kvk_number"]


def test_a_client_without_vat_id_or_kvk_number_may_be_anywhere():
    client = Client.register(details(country="US", vat_id=None, kvk_number=None), now=NOW)
    assert client.country == "US"


def test_change_reports_whether_anything_changed():
    client = Client.register(details(), now=NOW)
    assert client.change({"name": "Gemeente Utrecht"}, now=LATER) is False
    assert client.change({"address": dict(details()["address"])}, now=LATER) is False
    assert (client.version, client.updated_at) == (1, NOW)
    assert client.change({"name": "Gemeente Utrecht (ICT)"}, now=LATER) is True
    assert (client.name, client.version, client.updated_at) == ("Gemeente Utrecht (ICT)", 2, LATER)


def test_the_contact_person_is_replaced_as_a_whole():
    client = Client.register(
        details(contact={"name": "Eva Smit", "email": "eva@utrecht.example", "phone": "030 1"}),
        now=NOW,
    )
    client.change({"contact": {"name": "Ali Kaya", "email": "ali@utrecht.example"}}, now=LATER)
    assert client.contact == ContactPerson("Ali Kaya", "ali@utrecht.example", None)


def test_a_partial_change_keeps_the_rules_and_changes_nothing_when_it_breaks_one():
    client = Client.register(details(), now=NOW)
    with pytest.raises(VatIdMustMatchCountry):
        client.change({"country": "BE", "kvk_number": None}, now=LATER)
    with pytest.raises(KvkNumberOnlyForDutchClients):
        client.change({"country": "BE", "vat_id": None}, now=LATER)
    assert (client.country, client.vat_id, client.kvk_number, client.version) == (
        "NL", "NL004495445B01", "30280353", 1)


def test_moving_abroad_takes_vat_id_and_kvk_number_along_in_one_change():
    client = Client.register(details(), now=NOW)
    assert client.change(
        {"country": "BE", "vat_id": "BE0428759497", "kvk_number": None}, now=LATER
    )
    assert (client.country, client.vat_id, client.kvk_number) == ("BE", "BE0428759497", None)

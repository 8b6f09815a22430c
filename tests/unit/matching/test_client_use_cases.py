import pytest

from services.matching.domain import use_cases
from services.matching.domain.errors import ClientNotFound, VatIdMustMatchCountry
from tests.unit.matching.fakes import FakeUnitOfWork

UNKNOWN = "4dcd248c-606c-499c-b70f-979a8f067ef3"


def details(**overrides) -> dict:
    return {
        "name": "Gemeente Utrecht",
        "country": "NL",
        "vat_id": "NL004495445B01",
        "is_business": True,
        "address": {"street": "Stadsplateau 1", "postal_code": "3521 AZ", "city": "Utrecht"},
        "billing_email": "facturen@utrecht.example",
        "contact": {"name": "Eva Smit", "email": "eva@utrecht.example", "phone": None},
        **overrides,
    }


def test_a_registered_client_is_stored_and_announced():
    uow = FakeUnitOfWork()
    client = use_cases.create_client(uow, details())
    assert use_cases.get_client(uow, client.id) is client
    assert [event.type for event in uow.published] == ["client_registered"]
    assert uow.published[0].subject == client.id


def test_a_client_whose_vat_id_is_from_another_country_is_not_registered():
    uow = FakeUnitOfWork()
    with pytest.raises(VatIdMustMatchCountry):
        use_cases.create_client(uow, details(country="DE"))
    assert uow.clients.rows == []
    assert uow.published == []
    assert uow.commits == 0


def test_a_change_bumps_the_version_and_is_announced():
    uow = FakeUnitOfWork()
    client = use_cases.create_client(uow, details())
    changed = use_cases.update_client(uow, client.id, {"billing_email": None})
    assert (changed.billing_email, changed.version) == (None, 2)
    assert [event.type for event in uow.published] == ["client_registered", "client_updated"]
    assert uow.published[1].client.version == 2


def test_a_change_that_changes_nothing_is_not_announced():
    uow = FakeUnitOfWork()
    client = use_cases.create_client(uow, details())
    unchanged = use_cases.update_client(uow, client.id, {"name": "Gemeente Utrecht",
                                                         "is_business": True})
    assert unchanged.version == 1
    assert len(uow.published) == 1
    assert uow.commits == 1


def test_a_change_that_breaks_a_rule_is_not_announced():
    uow = FakeUnitOfWork()
    client = use_cases.create_client(uow, details())
    with pytest.raises(VatIdMustMatchCountry):
        use_cases.update_client(uow, client.id, {"country": "FR"})
    assert use_cases.get_client(uow, client.id).country == "NL"
    assert len(uow.published) == 1


def test_unknown_clients_are_not_found():
    uow = FakeUnitOfWork()
    with pytest.raises(ClientNotFound) as raised:
        use_cases.get_client(uow, UNKNOWN)
    assert raised.value.rule == "ClientNotFound"
    with pytest.raises(ClientNotFound):
        use_cases.update_client(uow, UNKNOWN, {"name": "Someone"})


def test_clients_are_listed_in_registration_order_page_by_page():
    uow = FakeUnitOfWork()
    created = [use_cases.create_client(uow, details(name=f"Client {i}")) for i in range(5)]
    first = use_cases.list_clients(uow, 2, None)
    second = use_cases.list_clients(uow, 2, first.next_cursor)
    third = use_cases.list_clients(uow, 2, second.next_cursor)
    seen = [c.id for page in (first, second, third) for c in page.items]
    assert seen == [c.id for c in created]
    assert third.next_cursor is None

"""The partner registry's rules, as examples."""

import pytest

from infra.errors import Conflict, Invalid, NotFound
from services.federation.domain import use_cases
from services.federation.domain.keys import KeyPair
from services.federation.domain.partner import Address
from tests.unit.federation.builders import COOP_A, COOP_B, SEAT_OFFERED
from tests.unit.federation.fakes import FakeUnitOfWork


def details(**changes) -> dict:
    return {"coop_uri": COOP_A, "name": "Coop A",
            "public_keys": [KeyPair.generate().public.base64],
            "address": {"uri": "amqps://coop-b:s3cret@broker.coop-a.example:5671/coop",
                        "exchange": "federation.inbound"},
            "accepted_types": [SEAT_OFFERED], "shared_types": [], **changes}


def test_a_partner_is_registered_once_per_coop_uri():
    uow = FakeUnitOfWork()
    partner = use_cases.add_partner(uow, details(), our_coop=COOP_B)
    assert use_cases.get_partner(uow, partner.id) == partner
    with pytest.raises(Conflict) as raised:
        use_cases.add_partner(uow, details(), our_coop=COOP_B)
    assert raised.value.rule == "PartnerAlreadyRegistered"


def test_we_are_not_our_own_partner():
    with pytest.raises(Invalid) as raised:
        use_cases.add_partner(FakeUnitOfWork(), details(), our_coop=COOP_A)
    assert raised.value.rule == "CannotPartnerWithOurselves"


def test_only_catalogued_event_types_can_be_exchanged():
    with pytest.raises(Invalid) as raised:
        use_cases.add_partner(FakeUnitOfWork(), details(shared_types=["coop.x.v1"]), COOP_B)
    assert raised.value.rule == "UnknownEventType"
    assert raised.value.errors[0]["field"] == "shared_types"


def test_the_same_key_twice_is_refused():
    key = KeyPair.generate().public.base64
    with pytest.raises(Conflict) as raised:
        use_cases.add_partner(FakeUnitOfWork(), details(public_keys=[key, key]), COOP_B)
    assert raised.value.errors[0]["field"] == "public_keys[1]"


def test_a_key_is_rotated_by_adding_the_new_one_and_retiring_the_old_one():
    uow = FakeUnitOfWork()
    partner = use_cases.add_partner(uow, details(), COOP_B)
    old = partner.keys[0].key_id
    new = KeyPair.generate().public
    partner = use_cases.add_partner_key(uow, partner.id, new.base64)
    assert [k.is_active for k in partner.keys] == [True, True]
    partner = use_cases.retire_partner_key(uow, partner.id, old)
    assert {k.key_id: k.is_active for k in partner.keys} == {old: False, new.key_id: True}
    assert partner.version == 3
    with pytest.raises(Conflict) as raised:
        use_cases.retire_partner_key(uow, partner.id, old)
    assert raised.value.rule == "KeyAlreadyRetired"
    with pytest.raises(Conflict):
        use_cases.add_partner_key(uow, partner.id, new.base64)
    with pytest.raises(NotFound):
        use_cases.retire_partner_key(uow, partner.id, "no-such-key")


def test_changing_a_partner_changes_only_what_is_given():
    uow = FakeUnitOfWork()
    partner = use_cases.add_partner(uow, details(), COOP_B)
    changed = use_cases.update_partner(uow, partner.id, {"shared_types": [SEAT_OFFERED]})
    assert changed.shared_types == {SEAT_OFFERED}
    assert (changed.name, changed.address, changed.accepted_types) == (
        partner.name, partner.address, partner.accepted_types)
    with pytest.raises(NotFound):
        use_cases.update_partner(uow, "nobody", {"name": "x"})


def test_the_password_of_a_partners_address_is_never_shown():
    address = Address("amqps://coop-b:s3cret@broker.example:5671/coop", "federation.inbound")
    assert address.redacted_uri == "amqps://coop-b:***@broker.example:5671/coop"
    assert Address("amqp://broker.example/", "x").redacted_uri == "amqp://broker.example/"


def test_partners_are_listed_in_pages():
    uow = FakeUnitOfWork()
    for number in range(3):
        use_cases.add_partner(uow, details(coop_uri=f"https://coop-{number}.example/"), COOP_B)
    first = use_cases.list_partners(uow, 2, None)
    second = use_cases.list_partners(uow, 2, first.next_cursor)
    assert len(first.items) == 2 and len(second.items) == 1 and second.next_cursor is None

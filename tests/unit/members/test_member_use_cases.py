"""Registering applicants, reading and changing who a member is."""

from decimal import Decimal

import pytest

from services.members.domain import use_cases
from services.members.domain.errors import (
    EmailAlreadyRegistered,
    IntroducerMustBeActive,
    MemberNotFound,
    UnknownIntroducer,
)
from tests.unit.members.builders import applicant, details, founded_coop
from tests.unit.members.fakes import FakeUnitOfWork


def test_a_new_member_is_an_applicant_and_announced():
    uow = FakeUnitOfWork()
    member = use_cases.create_member(uow, details())
    assert member.status == "applicant"
    assert member.version == 1
    assert uow.event_types() == ["member_created", "member_applied"]
    assert all(event.subject == member.id for event in uow.published)
    assert uow.published[1].self_registered is False


def test_someone_can_apply_themself_with_a_motivation_and_fiscal_details_later():
    uow = FakeUnitOfWork()
    introducer = founded_coop(uow, 2)[0]
    member = use_cases.register_applicant(uow, {
        "name": "Noor", "email": "noor@example.nl", "motivation": "I want to share risks.",
        "introduced_by": introducer.id, "languages": ["nl", "ar"],
    })
    assert (member.status, member.introduced_by, member.languages) == (
        "applicant", introducer.id, ("nl", "ar"))
    assert member.kvk_number is None
    assert uow.published[-1].type == "member_applied"
    assert uow.published[-1].self_registered is True


def test_the_introducer_must_exist_and_be_active():
    uow = FakeUnitOfWork()
    other_applicant = applicant(uow, 1)
    with pytest.raises(UnknownIntroducer) as raised:
        applicant(uow, 2, introduced_by="4dcd248c-606c-499c-b70f-979a8f067ef3")
    assert raised.value.errors[0]["field"] == "introduced_by"
    with pytest.raises(IntroducerMustBeActive) as raised:
        applicant(uow, 3, introduced_by=other_applicant.id)
    assert raised.value.rule == "IntroducerMustBeActive"
    assert uow.stored_count() == 1


def test_an_email_can_be_registered_only_once():
    uow = FakeUnitOfWork()
    use_cases.create_member(uow, details())
    with pytest.raises(EmailAlreadyRegistered) as raised:
        use_cases.create_member(uow, details(name="Someone else"))
    assert raised.value.errors == [
        {"field": "email", "message": "This e-mail address is already registered."}
    ]
    assert raised.value.rule == "EmailAlreadyRegistered"
    assert len(uow.published) == 2
    assert uow.stored_count() == 1


def test_a_change_bumps_the_version_and_is_announced_with_the_changed_fields():
    uow = FakeUnitOfWork()
    member = use_cases.create_member(uow, details())
    changed = use_cases.update_member(uow, member.id, {"city": "Utrecht",
                                                       "iban": "NL02ABNA0123456789"})
    assert changed.city == "Utrecht"
    assert changed.version == 2
    assert uow.event_types() == ["member_created", "member_applied", "member_updated"]
    assert uow.published[-1].changed_fields == ("city", "iban")


def test_a_change_that_changes_nothing_is_not_announced():
    uow = FakeUnitOfWork()
    member = use_cases.create_member(uow, details(city="Utrecht"))
    unchanged = use_cases.update_member(uow, member.id, {"city": "Utrecht"})
    assert unchanged.version == 1
    assert len(uow.published) == 2


def test_languages_are_part_of_the_profile():
    uow = FakeUnitOfWork()
    member = use_cases.create_member(uow, details(languages=["nl"]))
    changed = use_cases.update_member(uow, member.id, {"languages": ["nl", "en"]})
    assert changed.languages == ("nl", "en")
    assert use_cases.update_member(uow, member.id, {"languages": ["nl", "en"]}).version == 2


def test_changing_to_another_members_email_conflicts():
    uow = FakeUnitOfWork()
    use_cases.create_member(uow, details())
    other = use_cases.create_member(uow, details(email="mehmet@example.nl"))
    with pytest.raises(EmailAlreadyRegistered):
        use_cases.update_member(uow, other.id, {"email": "member0@example.nl"})
    assert uow.stored(other.id).email == "mehmet@example.nl"


def test_keeping_ones_own_email_is_fine():
    uow = FakeUnitOfWork()
    member = use_cases.create_member(uow, details())
    changed = use_cases.update_member(uow, member.id, {"email": "member0@example.nl",
                                                       "city": "Ede"})
    assert changed.city == "Ede"


def test_unknown_members_are_not_found():
    uow = FakeUnitOfWork()
    with pytest.raises(MemberNotFound):
        use_cases.get_member(uow, "4dcd248c-606c-499c-b70f-979a8f067ef3")
    with pytest.raises(MemberNotFound):
        use_cases.update_member(uow, "4dcd248c-606c-499c-b70f-979a8f067ef3", {"city": "Ede"})


def test_members_are_listed_in_registration_order_page_by_page():
    uow = FakeUnitOfWork()
    created = [use_cases.create_member(uow, details(i)) for i in range(5)]
    first = use_cases.list_members(uow, 2, None)
    second = use_cases.list_members(uow, 2, first.next_cursor)
    third = use_cases.list_members(uow, 2, second.next_cursor)
    seen = [m.id for page in (first, second, third) for m in page.items]
    assert seen == [m.id for m in created]
    assert third.next_cursor is None


def test_members_can_be_listed_by_status_ids_and_skill():
    uow = FakeUnitOfWork()
    founders = founded_coop(uow, 2)
    waiting = applicant(uow, 3)
    use_cases.set_skills(uow, founders[1].id, [{"skill": "sql", "level": 3}])
    active = use_cases.list_members(uow, 10, None, status="active").items
    assert [m.id for m in active] == [f.id for f in founders]
    chosen = use_cases.list_members(uow, 10, None, member_ids=[waiting.id]).items
    assert [m.id for m in chosen] == [waiting.id]
    with_sql = use_cases.list_members(uow, 10, None, skill="sql").items
    assert [m.id for m in with_sql] == [founders[1].id]


def test_the_hourly_rate_stays_a_decimal():
    uow = FakeUnitOfWork()
    member = use_cases.create_member(uow, details(hourly_rate=Decimal("82.50")))
    assert use_cases.get_member(uow, member.id).hourly_rate == Decimal("82.50")


def test_an_application_with_a_registered_address_stores_and_tells_nothing():
    uow = FakeUnitOfWork()
    first = use_cases.apply_to_join(uow, {"name": "Noor", "email": "noor@example.nl",
                                         "motivation": "I want to share risks."})
    published = list(uow.published)
    again = use_cases.apply_to_join(uow, {"name": "Not Noor", "email": "noor@example.nl",
                                         "motivation": "Who is a member here?"})
    assert first.status == "applicant" and again is None
    assert uow.published == published
    assert [member.name for _, member in uow.members.rows] == ["Noor"]


def test_billing_gets_the_members_among_many_ids_at_once_and_unknown_ids_left_out():
    uow = FakeUnitOfWork()
    first, second, third = founded_coop(uow, 3)
    unknown = "00000000-0000-4000-8000-000000000000"
    found = use_cases.members_among(uow, [third.id, unknown, first.id, first.id])
    assert [m.id for m in found] == [first.id, third.id]  # registration order, once each
    assert use_cases.members_among(uow, []) == []

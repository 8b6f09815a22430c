"""Privacy: a member's export holds everything; erasure keeps nothing personal."""

from decimal import Decimal

import pytest

from services.members.domain import use_cases
from services.members.domain.errors import MemberWasErased
from services.members.domain.iso_week import IsoWeek
from services.members.schemas.events import EVENT_SCHEMAS
from services.members.schemas.privacy import MemberExportSchema
from tests.unit.members.builders import TODAY, applicant, days, founded_coop, monday_in
from tests.unit.members.fakes import FakeUnitOfWork

PRIVATE = {"email", "phone", "kvk_number", "btw_id", "iban", "motivation",
           "suspension_reason", "reason", "kind", "note", "evidence"}


@pytest.fixture
def uow():
    return FakeUnitOfWork()


def a_full_life(uow):
    """A member with everything: sponsors, skills, capacity, a sick leave, notice."""
    anouk, mehmet = founded_coop(uow, 2)
    sanne = applicant(uow, 3, phone="+31 6 12345678", city="Zwolle",
                      introduction="I draw.", motivation="Sharing risk.",
                      introduced_by=anouk.id, languages=["nl", "en"])
    use_cases.sponsor_applicant(uow, sanne.id, anouk.id, TODAY, "Lovely talk.")
    use_cases.sponsor_applicant(uow, sanne.id, mehmet.id, TODAY, "Sharp and kind.")
    use_cases.activate_member(uow, sanne.id)
    use_cases.set_skills(uow, sanne.id, [{"skill": "service-design", "level": 4}])
    use_cases.change_capacity(uow, sanne.id, Decimal("24.00"),
                              {IsoWeek.of(monday_in(2)): Decimal("8.00")})
    use_cases.add_unavailability(uow, sanne.id, {"kind": "sick", "starts_on": TODAY,
                                                 "ends_on": TODAY + days(2),
                                                 "reason": "Burn-out"})
    return anouk, sanne


def test_the_export_holds_everything_stored_about_the_member(uow):
    anouk, sanne = a_full_life(uow)
    exported = MemberExportSchema().dump(use_cases.export_member(uow, sanne.id))
    assert exported["format_version"] == 1
    assert exported["member"]["phone"] == "+31 6 12345678"
    assert exported["member"]["motivation"] == "Sharing risk."
    assert exported["member"]["skills"][0]["skill"] == "service-design"
    assert exported["capacity"]["default_weekly_hours"] == "24.00"
    assert exported["capacity"]["unavailability"][0]["reason"] == "Burn-out"
    assert [s["note"] for s in exported["sponsorships_received"]] == ["Lovely talk.",
                                                                      "Sharp and kind."]
    given = MemberExportSchema().dump(use_cases.export_member(uow, anouk.id))
    assert [(g["applicant_id"], g["note"]) for g in given["sponsorships_given"]] == [
        (sanne.id, "Lovely talk.")]


def test_erasure_after_leaving_anonymises_the_member(uow):
    _, sanne = a_full_life(uow)
    use_cases.give_notice(uow, sanne.id, TODAY + days(10))
    erased = use_cases.erase_member(uow, sanne.id)
    stored = uow.stored(sanne.id)
    assert stored.name == "Erased member"
    assert stored.email == f"erased-{sanne.id}@erased.invalid"
    assert (stored.phone, stored.city, stored.kvk_number, stored.btw_id, stored.iban,
            stored.hourly_rate, stored.introduced_by) == (None,) * 7
    assert (stored.introduction, stored.motivation, stored.languages) == ("", "", ())
    assert stored.skills == {} and stored.capacity.unavailability == []
    assert stored.capacity.overrides == {}
    assert [s.note for s in stored.sponsorships] == ["", ""]
    assert (stored.status, stored.joined_on, stored.left_on) == (
        "erased", erased.joined_on, TODAY + days(10))
    assert uow.event_types()[-2:] == ["member_erased", "member_updated"]
    assert uow.forgotten == [sanne.id]


def test_an_applicant_can_be_erased_right_away(uow):
    waiting = applicant(uow, 1)
    assert use_cases.erase_member(uow, waiting.id).status == "erased"


def test_nothing_about_an_erased_member_changes_any_more(uow):
    waiting = applicant(uow, 1)
    use_cases.erase_member(uow, waiting.id)
    for change in (
        lambda: use_cases.update_member(uow, waiting.id, {"name": "Back"}),
        lambda: use_cases.change_capacity(uow, waiting.id, Decimal("8"), {}),
        lambda: use_cases.add_unavailability(uow, waiting.id, {
            "kind": "other", "starts_on": TODAY, "ends_on": TODAY}),
        lambda: use_cases.erase_member(uow, waiting.id),
        lambda: use_cases.activate_member(uow, waiting.id),
    ):
        with pytest.raises(MemberWasErased):
            change()


def test_no_event_carries_private_data(uow):
    _, sanne = a_full_life(uow)
    use_cases.suspend_member(uow, sanne.id, "Private reason")
    use_cases.give_notice(uow, sanne.id, TODAY + days(1))
    use_cases.erase_member(uow, sanne.id)
    seen = set()
    for event in uow.published:
        data = EVENT_SCHEMAS[event.type].dump(event)
        seen.add(event.type)
        assert not PRIVATE & set(data), event.type
        assert not PRIVATE & {key for skill in data["skills"] for key in skill}
        assert "Burn-out" not in str(data) and "Private reason" not in str(data)
    assert seen == set(EVENT_SCHEMAS) - {"member_available_again"}

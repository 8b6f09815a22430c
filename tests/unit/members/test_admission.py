"""Admission: two active sponsors after a personal meeting, then an operator confirms."""

import pytest

from services.members.domain import use_cases
from services.members.domain.errors import (
    ActivationNeedsFiscalDetails,
    AlreadySponsored,
    CannotSponsorYourself,
    MeetingMustHaveHappened,
    MemberNotFound,
    NeedsTwoSponsors,
    OnlyApplicantsCanBeSponsored,
    SponsorMustBeActive,
    UnknownSponsor,
)
from tests.unit.members.builders import TODAY, applicant, days, founded_coop
from tests.unit.members.fakes import FakeUnitOfWork


@pytest.fixture
def uow():
    return FakeUnitOfWork()


def sponsor(uow, applicant_id, sponsor_id, met_on=TODAY, note="Coffee in Utrecht."):
    return use_cases.sponsor_applicant(uow, applicant_id, sponsor_id, met_on, note)


def test_two_active_sponsors_and_an_operator_make_an_applicant_active(uow):
    anouk, mehmet = founded_coop(uow, 2)
    sanne = applicant(uow, 3)
    sponsor(uow, sanne.id, anouk.id, TODAY - days(3), "Talked for two hours.")
    _, admission = sponsor(uow, sanne.id, mehmet.id)
    assert admission.active_sponsor_ids == (anouk.id, mehmet.id)
    assert admission.can_be_activated
    member = use_cases.activate_member(uow, sanne.id)
    assert (member.status, member.joined_on) == ("active", TODAY)
    assert uow.event_types()[-4:] == ["member_sponsored", "member_sponsored",
                                      "member_activated", "member_updated"]


def test_a_sponsorship_records_the_meeting_and_is_announced_without_the_note(uow):
    anouk, _ = founded_coop(uow, 2)
    sanne = applicant(uow, 3)
    sponsorship, admission = sponsor(uow, sanne.id, anouk.id, TODAY - days(1), "Warm person.")
    assert (sponsorship.sponsor_id, sponsorship.met_on, sponsorship.note) == (
        anouk.id, TODAY - days(1), "Warm person.")
    event = uow.published[-1]
    assert (event.type, event.sponsor_id, event.met_on, event.active_sponsors) == (
        "member_sponsored", anouk.id, TODAY - days(1), 1)
    assert uow.stored(sanne.id).sponsorships == [sponsorship]
    assert not admission.can_be_activated


def test_one_sponsor_is_not_enough(uow):
    anouk, _ = founded_coop(uow, 2)
    sanne = applicant(uow, 3)
    sponsor(uow, sanne.id, anouk.id)
    with pytest.raises(NeedsTwoSponsors) as raised:
        use_cases.activate_member(uow, sanne.id)
    assert "1 sponsor(s)" in raised.value.detail
    assert uow.stored(sanne.id).status == "applicant"


def test_sponsors_who_are_no_longer_active_do_not_count(uow):
    anouk, mehmet, joris = founded_coop(uow, 3)
    sanne = applicant(uow, 4)
    sponsor(uow, sanne.id, anouk.id)
    sponsor(uow, sanne.id, mehmet.id)
    use_cases.suspend_member(uow, mehmet.id, "Unpaid contribution.")
    assert use_cases.get_admission(uow, sanne.id).active_sponsor_ids == (anouk.id,)
    with pytest.raises(NeedsTwoSponsors):
        use_cases.activate_member(uow, sanne.id)
    sponsor(uow, sanne.id, joris.id)
    assert use_cases.activate_member(uow, sanne.id).status == "active"


def test_founding_members_need_no_sponsors_while_nobody_could_sponsor(uow):
    first = applicant(uow, 1)
    assert use_cases.get_admission(uow, first.id).can_be_activated
    use_cases.activate_member(uow, first.id)
    second = applicant(uow, 2)
    use_cases.activate_member(uow, second.id)
    third = applicant(uow, 3)
    assert not use_cases.get_admission(uow, third.id).can_be_activated
    with pytest.raises(NeedsTwoSponsors):
        use_cases.activate_member(uow, third.id)


def test_nobody_sponsors_themself(uow):
    founded_coop(uow, 2)
    sanne = applicant(uow, 3)
    with pytest.raises(CannotSponsorYourself) as raised:
        sponsor(uow, sanne.id, sanne.id)
    assert raised.value.errors[0]["field"] == "sponsor_id"
    assert raised.value.rule == "CannotSponsorYourself"


def test_only_active_members_sponsor(uow):
    founded_coop(uow, 2)
    sanne, fatima = applicant(uow, 3), applicant(uow, 4)
    with pytest.raises(SponsorMustBeActive) as raised:
        sponsor(uow, sanne.id, fatima.id)
    assert raised.value.errors == [{"field": "sponsor_id",
                                    "message": "The sponsor is applicant, not active."}]
    assert uow.stored(sanne.id).sponsorships == []


def test_a_sponsor_must_exist(uow):
    sanne = applicant(uow, 3)
    with pytest.raises(UnknownSponsor) as raised:
        sponsor(uow, sanne.id, "4dcd248c-606c-499c-b70f-979a8f067ef3")
    assert raised.value.errors[0]["field"] == "sponsor_id"
    with pytest.raises(MemberNotFound):
        sponsor(uow, "4dcd248c-606c-499c-b70f-979a8f067ef3", sanne.id)


def test_each_sponsor_counts_once(uow):
    anouk, _ = founded_coop(uow, 2)
    sanne = applicant(uow, 3)
    sponsor(uow, sanne.id, anouk.id)
    published = len(uow.published)
    with pytest.raises(AlreadySponsored):
        sponsor(uow, sanne.id, anouk.id, note="Again.")
    assert len(uow.stored(sanne.id).sponsorships) == 1
    assert len(uow.published) == published


def test_only_applicants_are_sponsored(uow):
    anouk, mehmet = founded_coop(uow, 2)
    with pytest.raises(OnlyApplicantsCanBeSponsored):
        sponsor(uow, mehmet.id, anouk.id)


def test_the_meeting_happened_before_the_sponsorship(uow):
    anouk, _ = founded_coop(uow, 2)
    sanne = applicant(uow, 3)
    with pytest.raises(MeetingMustHaveHappened) as raised:
        sponsor(uow, sanne.id, anouk.id, TODAY + days(1))
    assert raised.value.errors[0]["field"] == "met_on"


def test_an_active_member_has_fiscal_details_the_coop_invoices_with(uow):
    founders = founded_coop(uow, 2)
    noor = use_cases.register_applicant(uow, {"name": "Noor", "email": "noor@example.nl",
                                              "motivation": "Cooperation."})
    for founder in founders:
        sponsor(uow, noor.id, founder.id)
    assert not use_cases.get_admission(uow, noor.id).can_be_activated
    with pytest.raises(ActivationNeedsFiscalDetails) as raised:
        use_cases.activate_member(uow, noor.id)
    assert [e["field"] for e in raised.value.errors] == ["kvk_number", "btw_id", "iban"]
    use_cases.update_member(uow, noor.id, {"kvk_number": "70000009",
                                           "btw_id": "NL100023757B01",
                                           "iban": "NL91ABNA0417164300"})
    assert use_cases.activate_member(uow, noor.id).status == "active"

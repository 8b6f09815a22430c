"""Who may endorse whom, at which level; clients through check-ins; withdrawing."""

from datetime import timedelta
from decimal import Decimal

import pytest

from infra.errors import Invalid
from services.learning.domain import use_cases
from services.learning.domain.errors import (
    AlreadyEndorsed,
    AlreadyWithdrawn,
    CannotEndorseYourself,
    CheckinEndorsesOutsider,
    EndorsementAboveOwnLevel,
    MemberMustBeActive,
    MemberNotFound,
    NoSharedWork,
    OnlyTheEndorserWithdraws,
    UnknownMember,
)
from tests.unit.learning.builders import (
    SETTINGS,
    TODAY,
    event,
    member,
    new_id,
    worked_together,
)
from tests.unit.learning.fakes import FakeUnitOfWork


@pytest.fixture
def uow():
    return FakeUnitOfWork()


def endorse(uow, endorsed, endorser, level=3, skill="python"):
    return use_cases.endorse_skill(uow, endorsed.member_id, endorser.member_id, skill, level,
                                   "Solid work on the API.")


def test_a_colleague_from_a_shared_project_endorses_up_to_their_own_level(uow):
    ada, bob = member(uow, "Ada", python=4), member(uow, "Bob", python=2)
    project = worked_together(uow, ada, bob)
    endorsement = endorse(uow, bob, ada, level=4)
    assert (endorsement.basis, endorsement.basis_id, endorsement.endorser_kind) == (
        "assignment", project, "member")
    assert uow.event_types()[-1] == "endorsement_given"


def test_a_verified_level_above_the_declared_one_counts_as_the_endorsers_own(uow):
    ada, bob = member(uow, "Ada", python=(3, 5)), member(uow, "Bob")
    worked_together(uow, ada, bob)
    assert endorse(uow, bob, ada, level=5).level == 5


def test_a_mentor_may_endorse_their_mentee(uow):
    mentor, mentee = member(uow, "Mentor", python=5), member(uow, "Mentee", python=1)
    offer = use_cases.offer_to_teach(uow, mentor.member_id, "python", 5, ["pairing"],
                                     Decimal("8"))
    wish = use_cases.wish_to_learn(uow, mentee.member_id, "python", 1, 3, "For the API work.")
    mentorship = use_cases.propose_mentorship(uow, mentee.member_id, wish.id, mentor.member_id,
                                              SETTINGS)
    with pytest.raises(NoSharedWork):  # a proposal is not yet mentoring
        endorse(uow, mentee, mentor)
    use_cases.accept_mentorship(uow, mentor.member_id, mentorship.id, SETTINGS)
    use_cases.start_mentorship(uow, mentee.member_id, mentorship.id)
    endorsement = endorse(uow, mentee, mentor)
    assert (endorsement.basis, endorsement.basis_id) == ("mentorship", mentorship.id)
    assert offer.is_open


@pytest.mark.parametrize("setup, rule", [
    ("self", CannotEndorseYourself),
    ("no shared work", NoSharedWork),
    ("future project", NoSharedWork),
    ("project dates apart", NoSharedWork),
    ("above own level", EndorsementAboveOwnLevel),
    ("skill the endorser lacks", EndorsementAboveOwnLevel),
    ("endorser suspended", MemberMustBeActive),
])
def test_bad_endorsements_are_refused_by_name_and_store_nothing(uow, setup, rule):
    ada = member(uow, "Ada", status="suspended" if setup == "endorser suspended" else "active",
                 python=3, sql=2)
    bob = member(uow, "Bob", python=1)
    if setup == "future project":
        worked_together(uow, ada, bob, starts_on=TODAY + timedelta(days=7))
    elif setup == "project dates apart":
        project = worked_together(uow, ada, starts_on=TODAY - timedelta(days=90),
                                  ends_on=TODAY - timedelta(days=60))
        worked_together(uow, bob, project_id=project, starts_on=TODAY - timedelta(days=30))
    elif setup != "no shared work":
        worked_together(uow, ada, bob)
    endorsed, level, skill = bob, 3, "python"
    if setup == "self":
        endorsed = ada
    elif setup == "above own level":
        level = 4
    elif setup == "skill the endorser lacks":
        skill = "ux-research"
    stored = (uow.stored("endorsements"), len(uow.published))
    with pytest.raises(rule) as raised:
        use_cases.endorse_skill(uow, endorsed.member_id, ada.member_id, skill, level)
    assert raised.value.rule == rule.__name__
    assert (uow.stored("endorsements"), len(uow.published)) == stored


def test_a_second_endorsement_of_the_same_skill_is_a_duplicate(uow):
    ada, bob = member(uow, "Ada", python=4), member(uow, "Bob")
    worked_together(uow, ada, bob)
    endorse(uow, bob, ada)
    with pytest.raises(AlreadyEndorsed):
        endorse(uow, bob, ada, level=2)
    assert len(uow.stored("endorsements")) == 1


def test_unknown_members_are_named(uow):
    ada = member(uow, "Ada", python=4)
    with pytest.raises(MemberNotFound):
        use_cases.endorse_skill(uow, new_id(), ada.member_id, "python", 2)
    with pytest.raises(UnknownMember) as raised:
        use_cases.endorse_skill(uow, ada.member_id, new_id(), "python", 2)
    assert raised.value.errors[0]["field"] == "endorser_id"


def test_only_the_endorser_or_an_operator_withdraws_and_only_once(uow):
    ada, bob = member(uow, "Ada", python=4), member(uow, "Bob")
    worked_together(uow, ada, bob)
    endorsement = endorse(uow, bob, ada)
    with pytest.raises(OnlyTheEndorserWithdraws):
        use_cases.withdraw_endorsement(uow, endorsement.id, bob.member_id)
    withdrawn = use_cases.withdraw_endorsement(uow, endorsement.id, ada.member_id)
    assert withdrawn.withdrawn_at is not None and withdrawn.withdrawal_reason == "withdrawn"
    assert uow.event_types()[-1] == "endorsement_withdrawn"
    with pytest.raises(AlreadyWithdrawn):
        use_cases.withdraw_endorsement(uow, endorsement.id, None)


def checkin(member_ids, *endorsements, client_id="client-1"):
    return {"checkin_id": new_id(), "client_id": client_id, "member_ids": member_ids,
            "endorsements": [{"member_id": m, "skill": s, "level": level, "comment": ""}
                             for m, s, level in endorsements]}


def test_a_clients_later_check_in_replaces_its_earlier_endorsement(uow):
    bob = member(uow, "Bob")
    first = event("checkin_recorded", "matching")
    use_cases.record_checkin(uow, first, checkin([bob.member_id], (bob.member_id, "python", 2)))
    use_cases.record_checkin(uow, first, checkin([bob.member_id], (bob.member_id, "python", 2)))
    assert len(uow.stored("endorsements")) == 1, "the same event is applied once"
    use_cases.record_checkin(uow, event("checkin_recorded", "matching"),
                             checkin([bob.member_id], (bob.member_id, "python", 4)))
    standing = [e for e in uow.stored("endorsements").values() if e.stands]
    assert [(e.level, e.endorser_kind, e.basis) for e in standing] == [(4, "client", "checkin")]
    superseded = [e for e in uow.stored("endorsements").values() if not e.stands]
    assert superseded[0].withdrawal_reason == "superseded"
    assert uow.event_types() == ["endorsement_given", "endorsement_withdrawn",
                                 "endorsement_given"]


def test_a_check_in_endorsing_someone_outside_it_is_refused_whole(uow):
    bob, eve = member(uow, "Bob"), member(uow, "Eve")
    bad = checkin([bob.member_id], (bob.member_id, "python", 3), (eve.member_id, "sql", 3))
    with pytest.raises(CheckinEndorsesOutsider) as raised:
        use_cases.record_checkin(uow, event("checkin_recorded", "matching"), bad)
    assert isinstance(raised.value, Invalid)  # the handler parks it
    assert raised.value.errors[0]["field"] == "endorsements[1].member_id"
    assert uow.stored("endorsements") == {} and uow.published == []

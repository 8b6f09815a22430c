"""The verification rule: who verifies a level, withdrawal and recomputation."""

from datetime import UTC, datetime, timedelta

import pytest

from services.learning.domain import use_cases
from services.learning.domain.endorsements import CLIENT, MEMBER, Endorsement
from services.learning.domain.verification import Verification, recompute, verified
from tests.unit.learning.builders import event, member, new_id, worked_together
from tests.unit.learning.fakes import FakeUnitOfWork

T0 = datetime(2026, 3, 2, 9, tzinfo=UTC)


def given(level: int, kind: str = MEMBER, endorser: str | None = None, minutes: int = 0,
          withdrawn: bool = False) -> Endorsement:
    return Endorsement(new_id(), "m", "python", level, kind, endorser or new_id(), "assignment",
                       "p", "", T0 + timedelta(minutes=minutes),
                       T0 + timedelta(days=1) if withdrawn else None)


@pytest.mark.parametrize("endorsements, expected_level", [
    ([given(4), given(4)], 4),                                # two members
    ([given(4), given(3, CLIENT)], 3),                        # member + client: the lower
    ([given(4, CLIENT), given(4, CLIENT)], None),             # two clients are not enough
    ([given(5)], None),                                       # one member is not enough
    ([given(5), given(3), given(4, CLIENT)], 4),              # the highest level that holds
    ([given(5), given(5, withdrawn=True), given(2)], 2),      # withdrawn ones do not count
    ([], None),
])
def test_a_level_is_verified_by_two_members_or_a_member_and_a_client(endorsements,
                                                                      expected_level):
    found = verified(endorsements)
    assert (found[0] if found else None) == expected_level


def test_the_evidence_is_the_earliest_pair_that_meets_the_rule():
    first, client, late = given(4, minutes=1), given(4, CLIENT, minutes=2), given(5, minutes=3)
    assert verified([late, client, first]) == (4, (first.id, client.id))


def test_recomputing_without_news_changes_nothing():
    a, b = given(3), given(3, minutes=1)
    current = Verification("m", "python", 3, (a.id, b.id), T0)
    outcome = recompute("m", "python", current, [a, b, given(2)], T0 + timedelta(days=2))
    assert not outcome.changed and outcome.after is current


@pytest.fixture
def uow():
    return FakeUnitOfWork()


@pytest.fixture
def team(uow):
    """Three seniors who worked with a junior on one project."""
    junior = member(uow, "Junior", python=2)
    seniors = [member(uow, f"Senior {n}", python=4) for n in range(3)]
    worked_together(uow, junior, *seniors)
    return junior, seniors


def verified_events(uow):
    return [(e.verification.level, e.previous_level) for e in uow.events("skill_verified")]


def test_the_second_endorsement_verifies_and_publishes_the_level(uow, team):
    junior, (ada, bob, _) = team
    use_cases.endorse_skill(uow, junior.member_id, ada.member_id, "python", 3)
    assert uow.events("skill_verified") == []
    second = use_cases.endorse_skill(uow, junior.member_id, bob.member_id, "python", 3)
    [published] = uow.events("skill_verified")
    assert (published.verification.level, published.previous_level) == (3, None)
    assert published.verification.evidence[1] == second.id
    assert uow.event_types()[-2:] == ["endorsement_given", "skill_verified"]
    [stored] = use_cases.get_verifications(uow, junior.member_id)
    assert (stored.skill, stored.level) == ("python", 3)


def test_withdrawing_recomputes_down_to_a_lower_level_and_then_to_none(uow, team):
    junior, (ada, bob, cleo) = team
    use_cases.endorse_skill(uow, junior.member_id, ada.member_id, "python", 4)
    bobs = use_cases.endorse_skill(uow, junior.member_id, bob.member_id, "python", 4)
    use_cases.endorse_skill(uow, junior.member_id, cleo.member_id, "python", 2)
    assert verified_events(uow) == [(4, None)]

    use_cases.withdraw_endorsement(uow, bobs.id, bob.member_id)
    assert verified_events(uow) == [(4, None), (2, 4)]
    assert use_cases.get_verifications(uow, junior.member_id)[0].level == 2

    adas = next(e for e in uow.stored("endorsements").values()
                if e.endorser_id == ada.member_id)
    use_cases.withdraw_endorsement(uow, adas.id, None)  # an operator
    [gone] = uow.events("skill_verification_withdrawn")
    assert (gone.skill, gone.previous_level) == ("python", 2)
    assert use_cases.get_verifications(uow, junior.member_id) == []


def test_re_endorsing_after_a_withdrawal_verifies_again(uow, team):
    junior, (ada, bob, _) = team
    use_cases.endorse_skill(uow, junior.member_id, ada.member_id, "python", 3)
    bobs = use_cases.endorse_skill(uow, junior.member_id, bob.member_id, "python", 3)
    use_cases.withdraw_endorsement(uow, bobs.id, bob.member_id)
    use_cases.endorse_skill(uow, junior.member_id, bob.member_id, "python", 3)
    assert [type(e).__name__ for e in uow.published if "Skill" in type(e).__name__] == [
        "SkillVerified", "SkillVerificationWithdrawn", "SkillVerified"]


def test_a_member_and_a_clients_check_in_verify_together(uow, team):
    junior, (ada, _, _) = team
    use_cases.endorse_skill(uow, junior.member_id, ada.member_id, "python", 4)
    checkin = {"checkin_id": new_id(), "client_id": "client-1",
               "member_ids": [junior.member_id],
               "endorsements": [{"member_id": junior.member_id, "skill": "python", "level": 3}]}
    use_cases.record_checkin(uow, event("checkin_recorded", "matching"), checkin)
    assert verified_events(uow) == [(3, None)]


def test_an_earlier_member_endorsement_that_is_withdrawn_changes_the_evidence(uow, team):
    junior, (ada, bob, cleo) = team
    adas = use_cases.endorse_skill(uow, junior.member_id, ada.member_id, "python", 3)
    use_cases.endorse_skill(uow, junior.member_id, bob.member_id, "python", 3)
    cleos = use_cases.endorse_skill(uow, junior.member_id, cleo.member_id, "python", 3)
    assert len(uow.events("skill_verified")) == 1, "a third endorsement is not news"
    use_cases.withdraw_endorsement(uow, adas.id, ada.member_id)
    latest = uow.events("skill_verified")[-1].verification
    assert (latest.level, latest.evidence[1]) == (3, cleos.id)

"""Offers, wishes, a mentorship from proposed to completed, and its sessions."""

from datetime import timedelta
from decimal import Decimal

import pytest

from services.learning.domain import use_cases
from services.learning.domain.errors import (
    AlreadyOffering,
    AlreadyWishing,
    CannotMentorYourself,
    FeedbackAlreadyGiven,
    IllegalMentorshipStep,
    MemberMustBeActive,
    MentorAtCapacity,
    MentorBelowTarget,
    MentorHasNoOffer,
    MentorshipNotFound,
    OfferAboveOwnLevel,
    OnlyTheMentorDecides,
    SessionInFutureCannotBeDone,
    SessionNotDone,
    TargetNotAboveCurrent,
    WishAlreadyHasMentorship,
)
from tests.unit.learning.builders import SETTINGS, TODAY, member
from tests.unit.learning.fakes import FakeUnitOfWork


@pytest.fixture
def uow():
    return FakeUnitOfWork()


def offer(uow, who, level=4, skill="python"):
    return use_cases.offer_to_teach(uow, who.member_id, skill, level, ["review", "pairing"],
                                    Decimal("6.00"), "Mostly Django.")


def wish(uow, who, target=3, current=1, skill="python"):
    return use_cases.wish_to_learn(uow, who.member_id, skill, current, target, "For clients.")


def test_offers_and_wishes_are_announced_and_browsable(uow):
    ada, bob = member(uow, "Ada", python=4), member(uow, "Bob", python=1)
    made = offer(uow, ada)
    assert made.formats == ("pairing", "review")
    wish(uow, bob)
    assert uow.event_types() == ["learning_offered", "learning_wished"]
    assert [o.member_id for o in use_cases.list_offers(uow, 10, None, skill="python").items] == [
        ada.member_id]
    assert use_cases.list_offers(uow, 10, None, skill="sql").items == []
    assert len(use_cases.list_wishes(uow, 10, None, status="open").items) == 1


@pytest.mark.parametrize("make, rule", [
    (lambda uow, m: offer(uow, m, level=5), OfferAboveOwnLevel),
    (lambda uow, m: offer(uow, m, skill="sql"), OfferAboveOwnLevel),
    (lambda uow, m: wish(uow, m, target=2, current=2), TargetNotAboveCurrent),
])
def test_bad_offers_and_wishes_are_refused(uow, make, rule):
    ada = member(uow, "Ada", python=4)
    with pytest.raises(rule):
        make(uow, ada)
    assert uow.published == []


def test_one_open_offer_and_wish_per_skill_and_only_for_active_members(uow):
    ada = member(uow, "Ada", python=4)
    first = offer(uow, ada)
    with pytest.raises(AlreadyOffering):
        offer(uow, ada, level=3)
    use_cases.withdraw_offer(uow, ada.member_id, first.id)
    assert offer(uow, ada, level=3).level == 3
    wish(uow, ada, skill="sql", target=2, current=0)
    with pytest.raises(AlreadyWishing):
        wish(uow, ada, skill="sql", target=3, current=0)
    applicant = member(uow, "Applicant", status="applicant", python=3)
    with pytest.raises(MemberMustBeActive):
        wish(uow, applicant, skill="sql")


@pytest.fixture
def pair(uow):
    mentor, mentee = member(uow, "Mentor", python=4), member(uow, "Mentee", python=1)
    offer(uow, mentor)
    return mentor, mentee, wish(uow, mentee)


def test_a_mentorship_goes_from_proposed_to_completed(uow, pair):
    mentor, mentee, the_wish = pair
    proposed = use_cases.propose_mentorship(uow, mentee.member_id, the_wish.id,
                                            mentor.member_id, SETTINGS)
    assert proposed.status == "proposed"
    with pytest.raises(OnlyTheMentorDecides):
        use_cases.accept_mentorship(uow, mentee.member_id, proposed.id, SETTINGS)
    use_cases.accept_mentorship(uow, mentor.member_id, proposed.id, SETTINGS)
    with pytest.raises(IllegalMentorshipStep):
        use_cases.complete_mentorship(uow, mentee.member_id, proposed.id)
    started = use_cases.start_mentorship(uow, mentee.member_id, proposed.id)
    assert started.status == "active" and uow.event_types()[-1] == "mentorship_started"
    assert use_cases.get_wish(uow, the_wish.id).status == "matched"
    done = use_cases.complete_mentorship(uow, mentor.member_id, proposed.id)
    assert done.status == "completed"
    assert use_cases.get_wish(uow, the_wish.id).status == "fulfilled"
    stranger = member(uow, "Stranger")
    with pytest.raises(MentorshipNotFound):
        use_cases.get_mentorship(uow, stranger.member_id, proposed.id)


@pytest.mark.parametrize("case, rule", [
    ("self", CannotMentorYourself),
    ("no offer", MentorHasNoOffer),
    ("below target", MentorBelowTarget),
    ("second proposal", WishAlreadyHasMentorship),
])
def test_a_proposal_needs_a_mentor_who_offers_the_skill_at_the_target(uow, pair, case, rule):
    mentor, mentee, the_wish = pair
    if case == "self":
        mentor = mentee
        offer(uow, mentee, level=1)
    elif case == "no offer":
        mentor = member(uow, "Silent", python=5)
    elif case == "below target":
        mentor = member(uow, "Junior", python=2)
        offer(uow, mentor, level=2)
    else:
        use_cases.propose_mentorship(uow, mentee.member_id, the_wish.id, mentor.member_id,
                                     SETTINGS)
    with pytest.raises(rule):
        use_cases.propose_mentorship(uow, mentee.member_id, the_wish.id, mentor.member_id,
                                     SETTINGS)


def test_accepting_beyond_the_limit_of_mentees_is_refused(uow, pair):
    mentor, mentee, _ = pair
    proposals = []
    for n in range(3):
        learner = member(uow, f"Learner {n}")
        proposals.append(use_cases.propose_mentorship(
            uow, learner.member_id, wish(uow, learner).id, mentor.member_id, SETTINGS))
    for proposal in proposals[:2]:
        use_cases.accept_mentorship(uow, mentor.member_id, proposal.id, SETTINGS)
    with pytest.raises(MentorAtCapacity):
        use_cases.accept_mentorship(uow, mentor.member_id, proposals[2].id, SETTINGS)
    assert use_cases.decline_mentorship(uow, None, proposals[2].id).status == "declined"


@pytest.fixture
def active_mentorship(uow, pair):
    mentor, mentee, the_wish = pair
    proposed = use_cases.propose_mentorship(uow, mentee.member_id, the_wish.id,
                                            mentor.member_id, SETTINGS)
    use_cases.accept_mentorship(uow, mentor.member_id, proposed.id, SETTINGS)
    use_cases.start_mentorship(uow, mentor.member_id, proposed.id)
    return mentor, mentee, proposed


def test_sessions_are_recorded_and_both_sides_give_feedback_once(uow, active_mentorship):
    mentor, mentee, mentorship = active_mentorship
    session = use_cases.record_session(uow, mentor.member_id, mentorship.id, TODAY, 90,
                                       "Refactored the importer together.", done=True)
    assert uow.event_types()[-1] == "session_recorded"
    use_cases.give_session_feedback(uow, mentee.member_id, mentorship.id, session.id, 5, "Great")
    after = use_cases.give_session_feedback(uow, mentor.member_id, mentorship.id, session.id, 4,
                                            "Good questions")
    assert (after.mentee_feedback.rating, after.mentor_feedback.rating) == (5, 4)
    with pytest.raises(FeedbackAlreadyGiven):
        use_cases.give_session_feedback(uow, mentee.member_id, mentorship.id, session.id, 1, "")


def test_a_session_in_the_future_is_planned_not_done(uow, active_mentorship):
    mentor, mentee, mentorship = active_mentorship
    tomorrow = TODAY + timedelta(days=1)
    with pytest.raises(SessionInFutureCannotBeDone):
        use_cases.record_session(uow, mentee.member_id, mentorship.id, tomorrow, 60, "", True)
    assert uow.stored("sessions") == {}
    planned = use_cases.record_session(uow, mentee.member_id, mentorship.id, tomorrow, 60, "",
                                       done=False)
    assert uow.event_types()[-1] == "mentorship_started", "a plan is not news"
    with pytest.raises(SessionNotDone):
        use_cases.give_session_feedback(uow, mentor.member_id, mentorship.id, planned.id, 4, "")
    with pytest.raises(SessionInFutureCannotBeDone):
        use_cases.mark_session_done(uow, mentor.member_id, mentorship.id, planned.id)
    _, sessions = use_cases.get_mentorship(uow, mentee.member_id, mentorship.id)
    assert [s.done for s in sessions] == [False]

"""Finding a mentor for a wish, and a mentorship's way from proposed to completed."""

from datetime import timedelta

from services.learning.domain import mentor_ranking
from services.learning.domain.errors import (
    MentorshipNotFound,
    NoLongerOpen,
    WishAlreadyHasMentorship,
    WishNotFound,
)
from services.learning.domain.events import MentorshipStarted
from services.learning.domain.mentor_ranking import MentorFacts, Ranking
from services.learning.domain.mentorship import Mentorship, check_mentor
from services.learning.domain.ports import AvailabilityLookup, UnitOfWork
from services.learning.domain.settings import LearningSettings
from services.learning.domain.use_cases._support import now, other_member, today
from services.learning.domain.work_history import shared_projects


def _iso_week(day) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def _own_wish(uow: UnitOfWork, member_id: str, wish_id: str):
    wish = uow.wishes.get(wish_id)
    if wish is None or wish.member_id != member_id:
        raise WishNotFound(wish_id)
    return wish


def rank_mentors(uow: UnitOfWork, member_id: str, wish_id: str, settings: LearningSettings,
                 availability: AvailabilityLookup) -> Ranking:
    """Mentors for the member's wish, best first, each with its reasons.

    Facts come from learning's own tables in one transaction; availability from the
    members service afterwards, so no transaction stays open during the call.
    """
    with uow:
        wish = _own_wish(uow, member_id, wish_id)
        offers = uow.offers.open_for_skill(wish.skill)
        mentor_ids = sorted({offer.member_id for offer in offers})
        members = uow.members.get_many(mentor_ids)
        loads = uow.mentorships.loads(mentor_ids)
        partners = uow.mentorships.partners_of(member_id)
        history = uow.work.of_members([member_id, *mentor_ids])
    mine = [a for a in history if a.member_id == member_id]
    worked = {mentor_id for mentor_id in mentor_ids
              if mentor_id in partners or shared_projects(
                  mine, [a for a in history if a.member_id == mentor_id], today())}
    first, weeks = today(), settings.availability_weeks
    asked = [m for m in mentor_ids if m != member_id and m in members and members[m].is_active]
    hours = availability(asked, _iso_week(first),
                         _iso_week(first + timedelta(weeks=weeks - 1))) if asked else {}
    facts = [MentorFacts(offer, members.get(offer.member_id), loads.get(offer.member_id, 0),
                         offer.member_id in worked,
                         None if hours is None else hours.get(offer.member_id))
             for offer in offers]
    return mentor_ranking.rank(wish, facts, settings.max_mentees, weeks)


def propose_mentorship(uow: UnitOfWork, member_id: str, wish_id: str, mentor_id: str,
                       settings: LearningSettings) -> Mentorship:
    """The wisher (or an operator for them) asks a member who offers the skill to mentor."""
    with uow:
        wish = _own_wish(uow, member_id, wish_id)
        if not wish.is_open:
            raise NoLongerOpen("wish", wish.id, wish.status)
        under_way = uow.mentorships.under_way_for_wish(wish.id)
        if under_way is not None:
            raise WishAlreadyHasMentorship(wish.id, under_way.id)
        mentor = other_member(uow, mentor_id, "mentor_id")
        offer = uow.offers.open_of(mentor_id, wish.skill)
        load = uow.mentorships.loads([mentor_id]).get(mentor_id, 0)
        check_mentor(wish, mentor, offer, load, settings.max_mentees)
        mentorship = Mentorship.propose(wish, offer, now())
        uow.mentorships.add(mentorship)
        uow.commit()
        return mentorship


def _involving(uow: UnitOfWork, member_id: str | None, mentorship_id: str) -> Mentorship:
    """The mentorship, if `member_id` (None: an operator) is its mentor or mentee."""
    mentorship = uow.mentorships.get(mentorship_id)
    if mentorship is None or (member_id is not None and not mentorship.involves(member_id)):
        raise MentorshipNotFound(mentorship_id)
    return mentorship


def get_mentorship(uow: UnitOfWork, member_id: str | None, mentorship_id: str):
    """The mentorship and its sessions."""
    with uow:
        mentorship = _involving(uow, member_id, mentorship_id)
        return mentorship, uow.sessions.of_mentorship(mentorship.id)


def list_mentorships(uow: UnitOfWork, member_id: str | None, limit: int, cursor: str | None,
                     status: str | None = None):
    with uow:
        return uow.mentorships.page_for(member_id, limit, cursor, status)


def accept_mentorship(uow: UnitOfWork, member_id: str | None, mentorship_id: str,
                      settings: LearningSettings) -> Mentorship:
    with uow:
        mentorship = _involving(uow, member_id, mentorship_id)
        load = uow.mentorships.loads([mentorship.mentor_id]).get(mentorship.mentor_id, 0)
        mentorship = mentorship.accept(member_id, load, settings.max_mentees, now())
        uow.mentorships.save(mentorship)
        uow.commit()
        return mentorship


def decline_mentorship(uow: UnitOfWork, member_id: str | None,
                       mentorship_id: str) -> Mentorship:
    with uow:
        mentorship = _involving(uow, member_id, mentorship_id).decline(member_id, now())
        uow.mentorships.save(mentorship)
        uow.commit()
        return mentorship


def start_mentorship(uow: UnitOfWork, member_id: str | None, mentorship_id: str) -> Mentorship:
    with uow:
        mentorship = _involving(uow, member_id, mentorship_id).start(now())
        wish = uow.wishes.get(mentorship.wish_id)
        uow.wishes.save(wish.matched())
        uow.mentorships.save(mentorship)
        uow.publish(MentorshipStarted(mentorship))
        uow.commit()
        return mentorship


def complete_mentorship(uow: UnitOfWork, member_id: str | None,
                        mentorship_id: str) -> Mentorship:
    with uow:
        mentorship = _involving(uow, member_id, mentorship_id).complete(now())
        wish = uow.wishes.get(mentorship.wish_id)
        uow.wishes.save(wish.fulfilled())
        uow.mentorships.save(mentorship)
        uow.commit()
        return mentorship

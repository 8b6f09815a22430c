"""Offering to teach and wishing to learn; browsing both."""

from decimal import Decimal

from services.learning.domain.errors import OfferNotFound, WishAlreadyHasMentorship, WishNotFound
from services.learning.domain.events import LearningOffered, LearningWished
from services.learning.domain.offers import Offer, Wish
from services.learning.domain.ports import UnitOfWork
from services.learning.domain.use_cases._support import member, now


def offer_to_teach(uow: UnitOfWork, member_id: str, skill: str, level: int,
                   formats: list[str], hours_per_month: Decimal, note: str = "") -> Offer:
    with uow:
        teacher = member(uow, member_id)
        offer = Offer.make(teacher, skill, level, formats, hours_per_month, note,
                           uow.offers.open_skills(member_id), now())
        uow.offers.add(offer)
        uow.publish(LearningOffered(offer))
        uow.commit()
        return offer


def withdraw_offer(uow: UnitOfWork, member_id: str, offer_id: str) -> Offer:
    with uow:
        offer = uow.offers.get(offer_id)
        if offer is None or offer.member_id != member_id:
            raise OfferNotFound(offer_id)
        offer = offer.withdrawn()
        uow.offers.save(offer)
        uow.commit()
        return offer


def list_offers(uow: UnitOfWork, limit: int, cursor: str | None, **filters):
    with uow:
        return uow.offers.page(limit, cursor, **filters)


def wish_to_learn(uow: UnitOfWork, member_id: str, skill: str, current_level: int,
                  target_level: int, why: str) -> Wish:
    with uow:
        learner = member(uow, member_id)
        wish = Wish.make(learner, skill, current_level, target_level, why,
                         uow.wishes.open_skills(member_id), now())
        uow.wishes.add(wish)
        uow.publish(LearningWished(wish))
        uow.commit()
        return wish


def get_wish(uow: UnitOfWork, wish_id: str) -> Wish:
    with uow:
        wish = uow.wishes.get(wish_id)
        if wish is None:
            raise WishNotFound(wish_id)
        return wish


def withdraw_wish(uow: UnitOfWork, member_id: str, wish_id: str) -> Wish:
    with uow:
        wish = uow.wishes.get(wish_id)
        if wish is None or wish.member_id != member_id:
            raise WishNotFound(wish_id)
        under_way = uow.mentorships.under_way_for_wish(wish_id)
        if under_way is not None:
            raise WishAlreadyHasMentorship(wish_id, under_way.id)
        wish = wish.withdrawn()
        uow.wishes.save(wish)
        uow.commit()
        return wish


def list_wishes(uow: UnitOfWork, limit: int, cursor: str | None, **filters):
    with uow:
        return uow.wishes.page(limit, cursor, **filters)

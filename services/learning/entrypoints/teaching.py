"""Offers, wishes, mentor ranking, mentorships and sessions."""

from infra.rpc import rpc
from services.learning.domain import use_cases
from services.learning.domain.mentor_ranking import WEIGHTS
from services.learning.entrypoints import _ids
from services.learning.members_client import availability_lookup
from services.learning.schemas.mentorships import (
    FeedbackDetailsSchema,
    MentorshipPageSchema,
    MentorshipQuerySchema,
    MentorshipSchema,
    MentorshipWithSessionsSchema,
    ProposalSchema,
    RankingSchema,
    SessionDetailsSchema,
    SessionDoneSchema,
    SessionSchema,
)
from services.learning.schemas.offers import (
    OfferDetailsSchema,
    OfferPageSchema,
    OfferQuerySchema,
    OfferSchema,
    WishDetailsSchema,
    WishPageSchema,
    WishQuerySchema,
    WishSchema,
)


class TeachingEntrypoints:
    @rpc
    def offer_to_teach(self, member_id, offer):
        offer = use_cases.offer_to_teach(self.uow, _ids.member_id(member_id),
                                         **OfferDetailsSchema().load(offer))
        return OfferSchema().dump(offer)

    @rpc
    def withdraw_offer(self, member_id, offer_id):
        offer = use_cases.withdraw_offer(self.uow, _ids.member_id(member_id),
                                         _ids.offer_id(offer_id))
        return OfferSchema().dump(offer)

    @rpc
    def list_offers(self, query=None):
        query = OfferQuerySchema().load(query or {})
        return OfferPageSchema().dump(use_cases.list_offers(self.uow, **query))

    @rpc
    def wish_to_learn(self, member_id, wish):
        wish = use_cases.wish_to_learn(self.uow, _ids.member_id(member_id),
                                       **WishDetailsSchema().load(wish))
        return WishSchema().dump(wish)

    @rpc
    def get_wish(self, wish_id):
        return WishSchema().dump(use_cases.get_wish(self.uow, _ids.wish_id(wish_id)))

    @rpc
    def withdraw_wish(self, member_id, wish_id):
        wish = use_cases.withdraw_wish(self.uow, _ids.member_id(member_id), _ids.wish_id(wish_id))
        return WishSchema().dump(wish)

    @rpc
    def list_wishes(self, query=None):
        query = WishQuerySchema().load(query or {})
        return WishPageSchema().dump(use_cases.list_wishes(self.uow, **query))

    @rpc
    def rank_mentors(self, member_id, wish_id):
        ranking = use_cases.rank_mentors(self.uow, _ids.member_id(member_id),
                                         _ids.wish_id(wish_id), self.settings,
                                         availability_lookup(self.members))
        return RankingSchema().dump({**vars(ranking), "weights": WEIGHTS})

    @rpc
    def propose_mentorship(self, member_id, wish_id, mentor_id):
        mentor_id = ProposalSchema().load({"mentor_id": mentor_id})["mentor_id"]
        mentorship = use_cases.propose_mentorship(self.uow, _ids.member_id(member_id),
                                                  _ids.wish_id(wish_id), mentor_id,
                                                  self.settings)
        return MentorshipSchema().dump(mentorship)

    @rpc
    def get_mentorship(self, mentorship_id, member_id=None):
        mentorship, sessions = use_cases.get_mentorship(
            self.uow, _ids.optional_member_id(member_id), _ids.mentorship_id(mentorship_id))
        return MentorshipWithSessionsSchema().dump({**vars(mentorship), "sessions": sessions})

    @rpc
    def list_mentorships(self, member_id=None, query=None):
        query = MentorshipQuerySchema().load(query or {})
        page = use_cases.list_mentorships(self.uow, _ids.optional_member_id(member_id), **query)
        return MentorshipPageSchema().dump(page)

    @rpc
    def accept_mentorship(self, mentorship_id, member_id=None):
        mentorship = use_cases.accept_mentorship(
            self.uow, _ids.optional_member_id(member_id), _ids.mentorship_id(mentorship_id),
            self.settings)
        return MentorshipSchema().dump(mentorship)

    @rpc
    def decline_mentorship(self, mentorship_id, member_id=None):
        mentorship = use_cases.decline_mentorship(
            self.uow, _ids.optional_member_id(member_id), _ids.mentorship_id(mentorship_id))
        return MentorshipSchema().dump(mentorship)

    @rpc
    def start_mentorship(self, mentorship_id, member_id=None):
        mentorship = use_cases.start_mentorship(
            self.uow, _ids.optional_member_id(member_id), _ids.mentorship_id(mentorship_id))
        return MentorshipSchema().dump(mentorship)

    @rpc
    def complete_mentorship(self, mentorship_id, member_id=None):
        mentorship = use_cases.complete_mentorship(
            self.uow, _ids.optional_member_id(member_id), _ids.mentorship_id(mentorship_id))
        return MentorshipSchema().dump(mentorship)

    @rpc
    def record_session(self, mentorship_id, session, member_id=None):
        session = use_cases.record_session(
            self.uow, _ids.optional_member_id(member_id), _ids.mentorship_id(mentorship_id),
            **SessionDetailsSchema().load(session))
        return SessionSchema().dump(session)

    @rpc
    def mark_session_done(self, mentorship_id, session_id, changes=None, member_id=None):
        notes = SessionDoneSchema().load(changes or {})["notes"]
        session = use_cases.mark_session_done(
            self.uow, _ids.optional_member_id(member_id), _ids.mentorship_id(mentorship_id),
            _ids.session_id(session_id), notes)
        return SessionSchema().dump(session)

    @rpc
    def give_session_feedback(self, mentorship_id, session_id, member_id, feedback):
        session = use_cases.give_session_feedback(
            self.uow, _ids.member_id(member_id), _ids.mentorship_id(mentorship_id),
            _ids.session_id(session_id), **FeedbackDetailsSchema().load(feedback))
        return SessionSchema().dump(session)

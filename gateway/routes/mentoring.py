"""Learning: offers to teach, wishes to learn, mentor ranking, mentorships and sessions.

A member token acts as its own member: where learning takes the acting member, the
gateway passes the token's member id (None for an operator) and learning checks
that this member may act (the mentor accepts, mentor or mentee record sessions …).
"""

from gateway.auth import out_of_scope, require_member_scope
from gateway.http import RouteDoc, api
from gateway.requests import checked, json_body, query_args
from gateway.schemas import MentorshipListQuerySchema
from services.learning.schemas.mentorships import (
    FeedbackDetailsSchema,
    MentorshipPageSchema,
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

SELF = ("operator", "member")
MEMBERS = ("operator", "member")


def acting_member(caller) -> str | None:
    """The member a token acts as; None for an operator."""
    return caller.member_id if caller.role == "member" else None


class MentoringRoutes:
    @api("GET", "/v1/learning/offers",
         RouteDoc("Offers to teach (filter by skill, member, status)", "learning",
                  query=OfferQuerySchema, response=OfferPageSchema), roles=MEMBERS)
    def list_offers(self, request):
        return self.learning.list_offers(query_args(request))

    @api("POST", "/v1/members/<member_id>/offers",
         RouteDoc("Offer to teach a skill (up to one's own level)", "learning",
                  body=OfferDetailsSchema, response=OfferSchema, status=201), roles=SELF)
    def offer_to_teach(self, request, member_id):
        require_member_scope(request.caller, member_id)
        return 201, self.learning.offer_to_teach(member_id, json_body(request))

    @api("DELETE", "/v1/members/<member_id>/offers/<offer_id>",
         RouteDoc("Withdraw an offer to teach", "learning", response=OfferSchema,
                  problems=(409,)), roles=SELF)
    def withdraw_offer(self, request, member_id, offer_id):
        require_member_scope(request.caller, member_id)
        return self.learning.withdraw_offer(member_id, offer_id)

    @api("GET", "/v1/learning/wishes",
         RouteDoc("Wishes to learn (filter by skill, member, status)", "learning",
                  query=WishQuerySchema, response=WishPageSchema), roles=MEMBERS)
    def list_wishes(self, request):
        return self.learning.list_wishes(query_args(request))

    @api("GET", "/v1/learning/wishes/<wish_id>",
         RouteDoc("One wish to learn", "learning", response=WishSchema), roles=MEMBERS)
    def get_wish(self, request, wish_id):
        return self.learning.get_wish(wish_id)

    @api("POST", "/v1/members/<member_id>/wishes",
         RouteDoc("Wish to learn a skill up to a target level", "learning",
                  body=WishDetailsSchema, response=WishSchema, status=201), roles=SELF)
    def wish_to_learn(self, request, member_id):
        require_member_scope(request.caller, member_id)
        return 201, self.learning.wish_to_learn(member_id, json_body(request))

    @api("DELETE", "/v1/members/<member_id>/wishes/<wish_id>",
         RouteDoc("Withdraw a wish to learn", "learning", response=WishSchema,
                  problems=(409,)), roles=SELF)
    def withdraw_wish(self, request, member_id, wish_id):
        require_member_scope(request.caller, member_id)
        return self.learning.withdraw_wish(member_id, wish_id)

    @api("GET", "/v1/members/<member_id>/wishes/<wish_id>/mentors",
         RouteDoc("Mentors for a wish, best first, each score explained", "learning",
                  response=RankingSchema), roles=SELF)
    def rank_mentors(self, request, member_id, wish_id):
        require_member_scope(request.caller, member_id)
        return self.learning.rank_mentors(member_id, wish_id)

    @api("POST", "/v1/members/<member_id>/wishes/<wish_id>/mentorships",
         RouteDoc("Ask a member who offers the skill to mentor this wish", "learning",
                  body=ProposalSchema, response=MentorshipSchema, status=201), roles=SELF)
    def propose_mentorship(self, request, member_id, wish_id):
        require_member_scope(request.caller, member_id)
        proposal = checked(ProposalSchema(), json_body(request))
        return 201, self.learning.propose_mentorship(member_id, wish_id, proposal["mentor_id"])

    @api("GET", "/v1/mentorships",
         RouteDoc("Mentorships (a member token: its own, as mentor or mentee)", "learning",
                  query=MentorshipListQuerySchema, response=MentorshipPageSchema),
         roles=SELF)
    def list_mentorships(self, request):
        query = checked(MentorshipListQuerySchema(), query_args(request))
        member_id = query.pop("member_id", None)
        caller = request.caller
        if caller.role == "member":
            if member_id not in (None, caller.member_id):
                raise out_of_scope("member", member_id)
            member_id = caller.member_id
        return self.learning.list_mentorships(member_id, query)

    @api("GET", "/v1/mentorships/<mentorship_id>",
         RouteDoc("One mentorship with its sessions (mentor, mentee or operator)", "learning",
                  response=MentorshipWithSessionsSchema), roles=MEMBERS)
    def get_mentorship(self, request, mentorship_id):
        return self.learning.get_mentorship(mentorship_id, acting_member(request.caller))

    @api("POST", "/v1/mentorships/<mentorship_id>/acceptance",
         RouteDoc("The mentor accepts a proposed mentorship", "learning",
                  response=MentorshipSchema), roles=MEMBERS)
    def accept_mentorship(self, request, mentorship_id):
        return self.learning.accept_mentorship(mentorship_id, acting_member(request.caller))

    @api("POST", "/v1/mentorships/<mentorship_id>/decline",
         RouteDoc("The mentor declines a proposed mentorship", "learning",
                  response=MentorshipSchema), roles=MEMBERS)
    def decline_mentorship(self, request, mentorship_id):
        return self.learning.decline_mentorship(mentorship_id, acting_member(request.caller))

    @api("POST", "/v1/mentorships/<mentorship_id>/start",
         RouteDoc("Start an accepted mentorship (mentor or mentee)", "learning",
                  response=MentorshipSchema), roles=MEMBERS)
    def start_mentorship(self, request, mentorship_id):
        return self.learning.start_mentorship(mentorship_id, acting_member(request.caller))

    @api("POST", "/v1/mentorships/<mentorship_id>/completion",
         RouteDoc("Complete an active mentorship; the wish is fulfilled", "learning",
                  response=MentorshipSchema), roles=MEMBERS)
    def complete_mentorship(self, request, mentorship_id):
        return self.learning.complete_mentorship(mentorship_id, acting_member(request.caller))

    @api("POST", "/v1/mentorships/<mentorship_id>/sessions",
         RouteDoc("Record a session of an active mentorship", "learning",
                  body=SessionDetailsSchema, response=SessionSchema, status=201),
         roles=MEMBERS)
    def record_session(self, request, mentorship_id):
        return 201, self.learning.record_session(mentorship_id, json_body(request),
                                                 acting_member(request.caller))

    @api("POST", "/v1/mentorships/<mentorship_id>/sessions/<session_id>/done",
         RouteDoc("Mark a planned session as held (optionally with notes; the body may be "
                  "left out)", "learning", body=SessionDoneSchema, response=SessionSchema),
         roles=MEMBERS)
    def mark_session_done(self, request, mentorship_id, session_id):
        changes = json_body(request) if request.get_data(cache=True) else {}
        return self.learning.mark_session_done(mentorship_id, session_id, changes,
                                               acting_member(request.caller))

    @api("POST", "/v1/mentorships/<mentorship_id>/sessions/<session_id>/feedback",
         RouteDoc("Give feedback on a held session (the mentor or mentee, for their side)",
                  "learning", body=FeedbackDetailsSchema, response=SessionSchema),
         roles=("member",))
    def give_session_feedback(self, request, mentorship_id, session_id):
        return self.learning.give_session_feedback(mentorship_id, session_id,
                                                   request.caller.member_id, json_body(request))

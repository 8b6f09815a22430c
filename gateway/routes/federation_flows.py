"""Overflow and lending between coops, and the skill supply partners share (operators only).

Our seats offered to partners with the candidates they answered with (borrowing), the
partners' offers to us with suggested members and the candidates we offered (lending),
lendings, and membership news. Uses the federation proxy of `gateway.routes.federation`
and the matching proxy of the gateway.
"""

from gateway.http import RouteDoc, api
from gateway.requests import json_body, query_args
from services.federation.schemas.flows import (
    SkillSupplyListSchema,
    SkillSupplyQuerySchema,
    SkillSupplySharingSchema,
)
from services.matching.schemas.federation import (
    IncomingOfferListSchema,
    IncomingOfferQuerySchema,
    LendingEndSchema,
    LendingListSchema,
    LendingQuerySchema,
    LendingSchema,
    MemberOfferSchema,
    OfferedCandidateSchema,
    PlacementSchema,
    SeatOfferListSchema,
    SeatOfferQuerySchema,
    SeatOfferRequestSchema,
    SeatOfferSchema,
)

OPERATOR = ("operator",)


class FederationFlowRoutes:
    # --- we borrow -------------------------------------------------------------------------

    @api("POST", "/v1/projects/<project_id>/seats/<seat_id>/partner-offers",
         RouteDoc("Offer a seat of a staffed project to partner coops (no client identity "
                  "leaves): its weeks left, or `first_week`–`last_week`; one run of "
                  "consecutive weeks", "federation flows",
                  body=SeatOfferRequestSchema, response=SeatOfferSchema, status=201,
                  problems=(409,)), roles=OPERATOR)
    def offer_seat_to_partners(self, request, project_id, seat_id):
        body = json_body(request) if request.get_data() else {}
        offer = self.matching.offer_seat_to_partners(project_id, seat_id, body)
        return 201, {"Location": f"/v1/partner-offers/{offer['id']}"}, offer

    @api("GET", "/v1/partner-offers",
         RouteDoc("Our seat offers to partners, with the partners they went to and the "
                  "pseudonymous candidates they answered with", "federation flows",
                  query=SeatOfferQuerySchema, response=SeatOfferListSchema), roles=OPERATOR)
    def list_partner_offers(self, request):
        return self.matching.list_seat_offers(query_args(request))

    @api("GET", "/v1/partner-offers/<offer_id>",
         RouteDoc("One of our seat offers with its candidates", "federation flows",
                  response=SeatOfferSchema), roles=OPERATOR)
    def get_partner_offer(self, request, offer_id):
        return self.matching.get_seat_offer(offer_id)

    @api("POST", "/v1/partner-offers/<offer_id>/candidates/<candidate_id>/accept",
         RouteDoc("Accept a partner's candidate: the lent member joins the project as an "
                  "external team member, the lending coop recorded", "federation flows",
                  response=PlacementSchema, problems=(409,)), roles=OPERATOR)
    def accept_partner_candidate(self, request, offer_id, candidate_id):
        return self.matching.accept_partner_candidate(offer_id, candidate_id)

    @api("POST", "/v1/partner-offers/<offer_id>/withdraw",
         RouteDoc("Withdraw an open seat offer: no candidate can be accepted any more, the "
                  "partners are told (seat_offer_closed.v1), and its weeks may be offered "
                  "again", "federation flows", response=SeatOfferSchema, problems=(409,)),
         roles=OPERATOR)
    def withdraw_partner_offer(self, request, offer_id):
        return self.matching.withdraw_seat_offer(offer_id)

    # --- we lend ---------------------------------------------------------------------------

    @api("GET", "/v1/incoming-offers",
         RouteDoc("Partners' seat offers to us, with suggested members (active, skilled "
                  "enough, free every week) and the candidates we offered", "federation flows",
                  query=IncomingOfferQuerySchema, response=IncomingOfferListSchema),
         roles=OPERATOR)
    def list_incoming_offers(self, request):
        return self.matching.list_incoming_offers(query_args(request))

    @api("POST", "/v1/incoming-offers/<incoming_id>/candidates",
         RouteDoc("Offer one of our members for a partner's seat at a rate within its range: "
                  "the partner sees a pseudonym, the introduction written here, the offered "
                  "skill and the member's languages",
                  "federation flows", body=MemberOfferSchema, response=OfferedCandidateSchema,
                  status=201, problems=(409,)), roles=OPERATOR)
    def offer_member_to_partner(self, request, incoming_id):
        return 201, {}, self.matching.offer_member_to_partner(incoming_id, json_body(request))

    @api("POST", "/v1/incoming-offers/<incoming_id>/candidates/<candidate_id>/withdraw",
         RouteDoc("Withdraw a candidate we offered, until the partner accepts it (the "
                  "partner is told: candidate_withdrawn.v1). An acceptance that crossed the "
                  "withdrawal still lends the member", "federation flows",
                  response=OfferedCandidateSchema, problems=(409,)), roles=OPERATOR)
    def withdraw_offered_candidate(self, request, incoming_id, candidate_id):
        return self.matching.withdraw_offered_candidate(incoming_id, candidate_id)

    @api("GET", "/v1/lendings",
         RouteDoc("Our members lent to partner coops (their hours are booked), newest first",
                  "federation flows", query=LendingQuerySchema, response=LendingListSchema),
         roles=OPERATOR)
    def list_lendings(self, request):
        return self.matching.list_lendings(query_args(request))

    @api("POST", "/v1/lendings/<lending_id>/end",
         RouteDoc("End a lending early (the member is ill, leaves, or is needed here): their "
                  "hours after `last_day` are free again, the lent contract takes no later "
                  "hours, and the partner is told (lending_ended.v1)", "federation flows",
                  body=LendingEndSchema, response=LendingSchema), roles=OPERATOR)
    def end_lending(self, request, lending_id):
        return self.matching.end_lending(lending_id, json_body(request))

    # --- membership news -------------------------------------------------------------------

    @api("POST", "/v1/federation/skill-supply/share",
         RouteDoc("Share our counts of members per skill with the partners we share "
                  "skill_supply_shared.v1 with (also done daily)", "federation flows",
                  response=SkillSupplySharingSchema), roles=OPERATOR)
    def share_skill_supply(self, request):
        return self.federation.share_skill_supply()

    @api("GET", "/v1/federation/skill-supply",
         RouteDoc("What partners told us of their skill supply: per partner, how many "
                  "members (and verified ones) per skill", "federation flows",
                  query=SkillSupplyQuerySchema, response=SkillSupplyListSchema), roles=OPERATOR)
    def get_skill_supply(self, request):
        return self.federation.skill_supply(query_args(request))

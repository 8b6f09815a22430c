"""Learning: endorsements, verified skills, and Open Badges (with public verification)."""

from gateway.auth import require_client_knows_member, require_member_scope
from gateway.http import RouteDoc, api
from gateway.problems import Problem
from gateway.requests import checked, json_body, query_args
from gateway.routes.mentoring import acting_member
from gateway.schemas import (
    CREDENTIAL_SCHEMA,
    EndorsementRequestSchema,
    VerificationListSchema,
)
from services.learning.schemas.badges import (
    BadgeCheckSchema,
    BadgeListSchema,
    BadgeRequestSchema,
    BadgeSchema,
    RevocationSchema,
)
from services.learning.schemas.endorsements import (
    EndorsementPageSchema,
    EndorsementQuerySchema,
    EndorsementSchema,
)

SELF = ("operator", "member")


class EndorsementRoutes:
    @api("POST", "/v1/members/<member_id>/endorsements",
         RouteDoc("Endorse a member's skill you saw at work (the token's member endorses)",
                  "endorsements", body=EndorsementRequestSchema, response=EndorsementSchema,
                  status=201), roles=("member",))
    def endorse_skill(self, request, member_id):
        endorsement = json_body(request)
        own = request.caller.member_id
        if endorsement.setdefault("endorser_id", own) != own:
            raise Problem(403, "forbidden", "Forbidden",
                          "A member token endorses as its own member only.")
        checked(EndorsementRequestSchema(), endorsement)
        return 201, self.learning.endorse_skill(member_id, endorsement)

    @api("GET", "/v1/endorsements",
         RouteDoc("Endorsements (filter by member, endorser, skill)", "endorsements",
                  query=EndorsementQuerySchema, response=EndorsementPageSchema), roles=SELF)
    def list_endorsements(self, request):
        return self.learning.list_endorsements(query_args(request))

    @api("DELETE", "/v1/endorsements/<endorsement_id>",
         RouteDoc("Withdraw an endorsement (the endorser, or an operator)", "endorsements",
                  response=EndorsementSchema, problems=(409,)), roles=SELF)
    def withdraw_endorsement(self, request, endorsement_id):
        return self.learning.withdraw_endorsement(endorsement_id,
                                                  acting_member(request.caller))

    @api("GET", "/v1/members/<member_id>/verifications",
         RouteDoc("A member's verified skill levels, with the endorsements as evidence",
                  "endorsements", response=VerificationListSchema),
         roles=("operator", "member", "client"))
    def get_verifications(self, request, member_id):
        require_client_knows_member(request.caller, member_id,
                                    self.matching.client_knows_member)
        return self.learning.get_verifications(member_id)

    @api("POST", "/v1/members/<member_id>/badges",
         RouteDoc("Issue a signed Open Badges 3.0 credential for a verified skill", "badges",
                  body=BadgeRequestSchema, response=BadgeSchema, status=201), roles=SELF)
    def issue_badge(self, request, member_id):
        require_member_scope(request.caller, member_id)
        return 201, self.learning.issue_badge(member_id, json_body(request))

    @api("GET", "/v1/members/<member_id>/badges",
         RouteDoc("A member's badges", "badges", response=BadgeListSchema), roles=SELF)
    def list_badges(self, request, member_id):
        require_member_scope(request.caller, member_id)
        return self.learning.list_badges(member_id)

    @api("GET", "/v1/members/<member_id>/badges/<badge_id>",
         RouteDoc("One badge with its signed credential", "badges", response=BadgeSchema),
         roles=SELF)
    def get_badge(self, request, member_id, badge_id):
        require_member_scope(request.caller, member_id)
        return self.learning.get_badge(badge_id, member_id)

    @api("POST", "/v1/members/<member_id>/badges/<badge_id>/revocation",
         RouteDoc("Revoke a badge (the holder or an operator)", "badges",
                  body=RevocationSchema, response=BadgeSchema), roles=SELF)
    def revoke_badge(self, request, member_id, badge_id):
        require_member_scope(request.caller, member_id)
        return self.learning.revoke_badge(badge_id, json_body(request), member_id)

    @api("POST", "/v1/badges/verification",
         RouteDoc("Check a presented badge credential (no token needed): signed by the coop, "
                  "unchanged and not revoked", "badges", body=CREDENTIAL_SCHEMA,
                  response=BadgeCheckSchema), public=True)
    def verify_badge(self, request):
        return self.learning.verify_badge(json_body(request))

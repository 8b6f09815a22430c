"""Members: the private view (operators, the member themself) and public profiles."""

from gateway.auth import require_client_knows_member, require_member_scope
from gateway.http import RouteDoc, api
from gateway.problems import Problem
from gateway.requests import json_body, query_args
from services.members.schemas import (
    ApplicationReceiptSchema,
    ApplicationSchema,
    MemberDetailsSchema,
    MemberPageSchema,
    MemberQuerySchema,
    MemberSchema,
    PublicProfilePageSchema,
    PublicProfileSchema,
    member_changes_schema,
)
from services.members.schemas.privacy import MemberExportSchema

SELF = ("operator", "member")


class MemberRoutes:
    @api("POST", "/v1/members", RouteDoc("Register a member (an applicant)", "members",
                                         body=MemberDetailsSchema, response=MemberSchema,
                                         status=201, problems=(409,)), roles=("operator",))
    def create_member(self, request):
        member = self.members.create_member(json_body(request))
        return 201, {"Location": f"/v1/members/{member['id']}"}, member

    @api("POST", "/v1/applications",
         RouteDoc("Apply to join the coop (no token needed); two members will meet you. "
                  "The answer is the same whether or not the e-mail address is registered "
                  "already (nothing is stored then)", "members", body=ApplicationSchema,
                  response=ApplicationReceiptSchema, status=202), public=True)
    def apply(self, request):
        return 202, {}, self.members.apply_to_join(json_body(request))

    @api("GET", "/v1/members", RouteDoc("List members (filter by status, skill or ids)",
                                        "members", query=MemberQuerySchema,
                                        response=MemberPageSchema), roles=("operator",))
    def list_members(self, request):
        return self.members.list_members(query_args(request))

    @api("GET", "/v1/members/<member_id>",
         RouteDoc("One member, with private details (a member token: only itself)", "members",
                  response=MemberSchema), roles=SELF)
    def get_member(self, request, member_id):
        require_member_scope(request.caller, member_id)
        return self.members.get_member(member_id)

    @api("PATCH", "/v1/members/<member_id>",
         RouteDoc("Change a member's details (a member token: only its own). Only the member "
                  "themself can set `listed_in_directory` to true (403 `OnlyTheMemberOptsIn`)",
                  "members", body=member_changes_schema, response=MemberSchema,
                  problems=(403, 409)),
         roles=SELF)
    def update_member(self, request, member_id):
        require_member_scope(request.caller, member_id)
        changes = json_body(request)
        if request.caller.role != "member" and changes.get("listed_in_directory") is True:
            # consent: a public listing is the member's own choice; an operator may only
            # take a member out of the directory
            raise Problem(403, "forbidden", "Forbidden",
                          "Only the member can list themself in the public directory.",
                          errors=[{"field": "listed_in_directory",
                                   "message": "Only the member themself can set this to true."}],
                          rule="OnlyTheMemberOptsIn")
        return self.members.update_member(member_id, changes)

    @api("GET", "/v1/profiles",
         RouteDoc("Members' public profiles: introduction, skills and levels, languages, city",
                  "members", query=MemberQuerySchema, response=PublicProfilePageSchema),
         roles=SELF)
    def list_profiles(self, request):
        return self.members.list_public_profiles(query_args(request))

    @api("GET", "/v1/profiles/<member_id>",
         RouteDoc("One member's public profile", "members", response=PublicProfileSchema),
         roles=("operator", "member", "client"))
    def get_profile(self, request, member_id):
        require_client_knows_member(request.caller, member_id,
                                    self.matching.client_knows_member)
        return self.members.get_public_profile(member_id)

    @api("GET", "/v1/members/<member_id>/export",
         RouteDoc("Everything stored about a member, as JSON", "privacy",
                  response=MemberExportSchema), roles=SELF)
    def export_member(self, request, member_id):
        require_member_scope(request.caller, member_id)
        return self.members.export_member(member_id)

    @api("POST", "/v1/members/<member_id>/erasure",
         RouteDoc("Erase a member's personal data (after leaving); bookkeeping keeps what "
                  "the law requires", "privacy", response=MemberSchema, problems=(409,)),
         roles=SELF)
    def erase_member(self, request, member_id):
        require_member_scope(request.caller, member_id)
        return self.members.erase_member(member_id)

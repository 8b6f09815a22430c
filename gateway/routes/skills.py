"""The skill taxonomy and a member's declared skills."""

from gateway.auth import require_member_scope
from gateway.http import RouteDoc, api
from gateway.requests import checked, json_body, query_args
from services.members.schemas import MemberSchema
from services.members.schemas.skills import (
    NewSkillSchema,
    SkillChangesSchema,
    SkillSchema,
    SkillsDeclarationSchema,
    TaxonomyQuerySchema,
    TaxonomySchema,
)


class SkillRoutes:
    @api("GET", "/v1/skills", RouteDoc("The skill taxonomy, by category", "skills",
                                       query=TaxonomyQuerySchema, response=TaxonomySchema))
    def list_skills(self, request):
        return self.members.list_skills(query_args(request))

    @api("POST", "/v1/skills", RouteDoc("Add a skill to the taxonomy", "skills",
                                        body=NewSkillSchema, response=SkillSchema, status=201,
                                        problems=(409,)), roles=("operator",))
    def add_skill(self, request):
        return 201, self.members.add_skill(json_body(request))

    @api("PATCH", "/v1/skills/<slug>",
         RouteDoc("Rename a skill (English or Dutch), move it to another category or change "
                  "its ESCO link; its slug stays", "skills", body=SkillChangesSchema,
                  response=SkillSchema), roles=("operator",))
    def change_skill(self, request, slug):
        return self.members.change_skill(slug, json_body(request))

    @api("PUT", "/v1/members/<member_id>/skills",
         RouteDoc("Declare a member's skills (replaces the declaration; verified levels stay)",
                  "skills", body=SkillsDeclarationSchema, response=MemberSchema),
         roles=("operator", "member"))
    def set_skills(self, request, member_id):
        require_member_scope(request.caller, member_id)
        declaration = checked(SkillsDeclarationSchema(), json_body(request))
        return self.members.set_skills(member_id, declaration["skills"])

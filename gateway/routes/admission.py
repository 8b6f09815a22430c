"""Admission and lifecycle: sponsorships, activation, suspension, notice."""

from gateway.auth import require_member_scope
from gateway.http import RouteDoc, api
from gateway.problems import Problem
from gateway.requests import checked, json_body
from gateway.schemas import SponsorshipRequestSchema
from services.members.schemas import MemberSchema
from services.members.schemas.lifecycle import AdmissionSchema, NoticeSchema, SuspensionSchema


class AdmissionRoutes:
    @api("POST", "/v1/members/<member_id>/sponsorships",
         RouteDoc("Sponsor an applicant after meeting them (a member token sponsors as "
                  "itself)", "admission", body=SponsorshipRequestSchema,
                  response=AdmissionSchema, status=201, problems=(409,)),
         roles=("operator", "member"))
    def sponsor(self, request, member_id):
        sponsorship = json_body(request)
        caller = request.caller
        own = caller.member_id
        if caller.role == "member" and sponsorship.setdefault("sponsor_id", own) != own:
            raise Problem(403, "forbidden", "Forbidden",
                          "A member token sponsors as its own member only.")
        checked(SponsorshipRequestSchema(), sponsorship)
        admission = self.members.sponsor_applicant(member_id, sponsorship.get("sponsor_id"),
                                                   sponsorship["met_on"], sponsorship["note"])
        return 201, admission

    @api("GET", "/v1/members/<member_id>/admission",
         RouteDoc("Where an applicant's admission stands", "admission",
                  response=AdmissionSchema), roles=("operator", "member"))
    def get_admission(self, request, member_id):
        require_member_scope(request.caller, member_id)
        return self.members.get_admission(member_id)

    @api("POST", "/v1/members/<member_id>/activation",
         RouteDoc("Confirm an applicant sponsored by two active members", "admission",
                  response=MemberSchema, problems=(409,)), roles=("operator",))
    def activate(self, request, member_id):
        return self.members.activate_member(member_id)

    @api("POST", "/v1/members/<member_id>/suspension",
         RouteDoc("Suspend a member (the reason stays private)", "admission",
                  body=SuspensionSchema, response=MemberSchema, problems=(409,)),
         roles=("operator",))
    def suspend(self, request, member_id):
        suspension = checked(SuspensionSchema(), json_body(request))
        return self.members.suspend_member(member_id, suspension["reason"])

    @api("POST", "/v1/members/<member_id>/reinstatement",
         RouteDoc("End a suspension", "admission", response=MemberSchema, problems=(409,)),
         roles=("operator",))
    def reinstate(self, request, member_id):
        return self.members.reinstate_member(member_id)

    @api("POST", "/v1/members/<member_id>/notice",
         RouteDoc("Give notice to leave on a date (an applicant withdraws)", "admission",
                  body=NoticeSchema, response=MemberSchema, problems=(409,)),
         roles=("operator", "member"))
    def give_notice(self, request, member_id):
        require_member_scope(request.caller, member_id)
        notice = checked(NoticeSchema(), json_body(request))
        return self.members.give_notice(member_id, notice["leave_on"])

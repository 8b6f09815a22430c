"""Projects, team proposals, the team, its meetings and the coop's view of the work.

A client token reaches only its own projects (and their proposals, team, meetings,
health and timeline): the client id is passed to matching as the call's `scope`, so
another client's object is not found. A member token reads its own assignments and
the meetings of projects it works on, and rates those check-ins as itself.
"""

from gateway.auth import out_of_scope, require_client_scope, require_member_scope
from gateway.http import RouteDoc, api
from gateway.problems import Problem
from gateway.requests import json_body, query_args
from gateway.routes.insurance import (
    InsuredProposalListSchema,
    InsuredProposalSchema,
    with_coverage,
)
from services.matching.schemas.projects import (
    AcceptanceSchema,
    AssignmentListSchema,
    CancellationSchema,
    FairnessQuerySchema,
    FairnessSchema,
    HealthSchema,
    MeetingListSchema,
    MeetingSchema,
    ProjectDetailsSchema,
    ProjectPageSchema,
    ProjectQuerySchema,
    ProjectSchema,
    ProposalRequestSchema,
    RatingDetailsSchema,
    RatingSchema,
    RescheduleSchema,
    SettingsChangesSchema,
    SettingsSchema,
    TeamSchema,
    TimelineSchema,
    project_changes_schema,
)

CLIENT_SIDE = ("operator", "client")
TEAM_SIDE = ("operator", "client", "member")


def _scope(request) -> str | None:
    """The client id a client token is bound to; None for operators."""
    return request.caller.client_id if request.caller.role == "client" else None


class ProjectRoutes:
    def _project_in_reach(self, request, project_id: str) -> None:
        """A member reaches a project only while in its team; others via `scope`."""
        caller = request.caller
        if caller.role != "member":
            return
        team = self.matching.get_team(project_id)
        if caller.member_id not in {a["member_id"] for a in team["assignments"]}:
            raise out_of_scope("project", project_id)

    @api("POST", "/v1/projects",
         RouteDoc("Create a project (a client token creates it for its own organisation)",
                  "projects", body=ProjectDetailsSchema, response=ProjectSchema, status=201),
         roles=CLIENT_SIDE)
    def create_project(self, request):
        details = json_body(request)
        if request.caller.role == "client" and isinstance(details, dict):
            given = details.setdefault("client_id", request.caller.client_id)
            if isinstance(given, str):
                require_client_scope(request.caller, given)
        project = self.matching.create_project(details)
        return 201, {"Location": f"/v1/projects/{project['id']}"}, project

    @api("GET", "/v1/projects",
         RouteDoc("List projects, oldest first (a client token sees only its own)", "projects",
                  query=ProjectQuerySchema, response=ProjectPageSchema), roles=CLIENT_SIDE)
    def list_projects(self, request):
        query = query_args(request)
        if request.caller.role == "client":
            given = query.get("client_id")
            if isinstance(given, str):
                require_client_scope(request.caller, given)
            query["client_id"] = request.caller.client_id
        return self.matching.list_projects(query)

    @api("GET", "/v1/projects/<project_id>",
         RouteDoc("One project", "projects", response=ProjectSchema), roles=TEAM_SIDE)
    def get_project(self, request, project_id):
        self._project_in_reach(request, project_id)
        return self.matching.get_project(project_id, _scope(request))

    @api("PATCH", "/v1/projects/<project_id>",
         RouteDoc("Change a project before a team is accepted (open proposals lapse)",
                  "projects", body=project_changes_schema, response=ProjectSchema),
         roles=CLIENT_SIDE)
    def update_project(self, request, project_id):
        return self.matching.update_project(project_id, json_body(request), _scope(request))

    @api("POST", "/v1/projects/<project_id>/start",
         RouteDoc("Mark an accepted project as running", "projects", response=ProjectSchema),
         roles=CLIENT_SIDE)
    def start_project(self, request, project_id):
        return self.matching.start_project(project_id, _scope(request))

    @api("POST", "/v1/projects/<project_id>/finish",
         RouteDoc("Finish a running project (its assignments end today)", "projects",
                  response=ProjectSchema), roles=CLIENT_SIDE)
    def finish_project(self, request, project_id):
        return self.matching.finish_project(project_id, _scope(request))

    @api("POST", "/v1/projects/<project_id>/cancel",
         RouteDoc("Cancel a project (any assignments end today)", "projects",
                  body=CancellationSchema, response=ProjectSchema), roles=CLIENT_SIDE)
    def cancel_project(self, request, project_id):
        return self.matching.cancel_project(project_id, json_body(request), _scope(request))

    # --- proposals ---------------------------------------------------------------------------

    @api("POST", "/v1/projects/<project_id>/proposals",
         RouteDoc("Propose a team: a primary and a backup for every seat, explained, and up "
                  "to two alternatives (each proposed member: insured for professional "
                  "liability or not)", "proposals", body=ProposalRequestSchema,
                  response=InsuredProposalSchema, status=201), roles=CLIENT_SIDE)
    def propose_team(self, request, project_id):
        body = json_body(request) if request.get_data() else {}
        proposal = self.matching.propose_team(project_id, body, _scope(request))
        with_coverage(self.billing, [proposal])
        return 201, {"Location": f"/v1/proposals/{proposal['id']}"}, proposal

    @api("GET", "/v1/projects/<project_id>/proposals",
         RouteDoc("Every proposal made for a project, oldest first", "proposals",
                  response=InsuredProposalListSchema), roles=CLIENT_SIDE)
    def list_proposals(self, request, project_id):
        proposals = self.matching.list_proposals(project_id, _scope(request))
        with_coverage(self.billing, proposals["items"])
        return proposals

    @api("GET", "/v1/proposals/<proposal_id>",
         RouteDoc("One proposal", "proposals", response=InsuredProposalSchema),
         roles=CLIENT_SIDE)
    def get_proposal(self, request, proposal_id):
        proposal = self.matching.get_proposal(proposal_id, _scope(request))
        with_coverage(self.billing, [proposal])
        return proposal

    @api("POST", "/v1/proposals/<proposal_id>/accept",
         RouteDoc("Accept a proposed team: its hours are booked and the introduction and "
                  "check-ins planned", "proposals", body=AcceptanceSchema, response=TeamSchema,
                  problems=(409,)), roles=CLIENT_SIDE)
    def accept_proposal(self, request, proposal_id):
        body = json_body(request) if request.get_data() else {}
        return self.matching.accept_proposal(proposal_id, body, _scope(request))

    # --- the team and personal contact -------------------------------------------------------

    @api("GET", "/v1/projects/<project_id>/team",
         RouteDoc("The project's seats (primary and backup) and assignments", "team",
                  response=TeamSchema), roles=TEAM_SIDE)
    def get_team(self, request, project_id):
        self._project_in_reach(request, project_id)
        return self.matching.get_team(project_id, _scope(request))

    @api("GET", "/v1/members/<member_id>/assignments",
         RouteDoc("A member's assignments, newest first", "team",
                  response=AssignmentListSchema), roles=("operator", "member"))
    def list_assignments(self, request, member_id):
        require_member_scope(request.caller, member_id)
        return self.matching.list_assignments(member_id)

    @api("GET", "/v1/projects/<project_id>/meetings",
         RouteDoc("The introduction meeting and the check-ins, with their ratings", "team",
                  response=MeetingListSchema), roles=TEAM_SIDE)
    def list_meetings(self, request, project_id):
        self._project_in_reach(request, project_id)
        return self.matching.list_meetings(project_id, _scope(request))

    @api("PATCH", "/v1/projects/<project_id>/meetings/<meeting_id>",
         RouteDoc("Move a meeting to another day", "team", body=RescheduleSchema,
                  response=MeetingSchema), roles=CLIENT_SIDE)
    def reschedule_meeting(self, request, project_id, meeting_id):
        return self.matching.reschedule_meeting(project_id, meeting_id, json_body(request),
                                                _scope(request))

    @api("POST", "/v1/projects/<project_id>/meetings/<meeting_id>/ratings",
         RouteDoc("Rate the collaboration at a check-in (1–5): the client, or a team member "
                  "as themself; the client may endorse members' skills", "team",
                  body=RatingDetailsSchema, response=RatingSchema, status=201),
         roles=TEAM_SIDE)
    def rate_checkin(self, request, project_id, meeting_id):
        rating = json_body(request)
        caller = request.caller
        if caller.role != "operator" and isinstance(rating, dict):
            if caller.role == "client":
                rating.update(by="client", member_id=None)
            else:
                self._project_in_reach(request, project_id)
                if rating.get("endorsements"):
                    raise Problem(403, "forbidden", "Forbidden",
                                  "Only the client endorses members' skills at a check-in.")
                rating.update(by="member", member_id=caller.member_id)
        return 201, {}, self.matching.rate_checkin(project_id, meeting_id, rating,
                                                   _scope(request))

    @api("GET", "/v1/projects/<project_id>/health",
         RouteDoc("Relationship health: both sides' check-in ratings, overdue check-ins, the "
                  "next meeting", "team", response=HealthSchema), roles=TEAM_SIDE)
    def project_health(self, request, project_id):
        self._project_in_reach(request, project_id)
        return self.matching.project_health(project_id, _scope(request))

    @api("GET", "/v1/projects/<project_id>/timeline",
         RouteDoc("What happened in the project, oldest first: proposals, the team, "
                  "substitutions, gaps, check-ins", "team", response=TimelineSchema),
         roles=TEAM_SIDE)
    def project_timeline(self, request, project_id):
        self._project_in_reach(request, project_id)
        return self.matching.project_timeline(project_id, _scope(request))

    # --- the coop's view ---------------------------------------------------------------------

    @api("GET", "/v1/coop/fairness",
         RouteDoc("How evenly work is spread: utilisation per member, Gini, the top 10 %'s "
                  "share", "coop", query=FairnessQuerySchema, response=FairnessSchema),
         roles=("operator",))
    def fairness(self, request):
        return self.matching.fairness(query_args(request))

    @api("GET", "/v1/coop/matching-settings",
         RouteDoc("The weights and limits of team proposals", "coop", response=SettingsSchema),
         roles=("operator",))
    def get_matching_settings(self, request):
        return self.matching.get_settings()

    @api("PATCH", "/v1/coop/matching-settings",
         RouteDoc("Change weights or limits of team proposals", "coop",
                  body=SettingsChangesSchema, response=SettingsSchema), roles=("operator",))
    def change_matching_settings(self, request):
        return self.matching.change_settings(json_body(request))

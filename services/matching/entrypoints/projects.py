"""RPC about projects, proposals, the team and its meetings.

`scope` is the caller's own client id when a client organisation calls (the gateway
takes it from the token): anything of another client is not found. Operators pass none.
"""

from datetime import date

from infra.rpc import rpc
from services.matching.domain import use_cases
from services.matching.schemas.federation import ExternalMemberSchema
from services.matching.schemas.projects import (
    AcceptanceSchema,
    AssignmentSchema,
    CancellationSchema,
    HealthSchema,
    MeetingListSchema,
    MeetingSchema,
    ProjectDetailsSchema,
    ProjectPageSchema,
    ProjectQuerySchema,
    ProjectSchema,
    ProposalRequestSchema,
    ProposalSchema,
    RatingDetailsSchema,
    RatingSchema,
    RescheduleSchema,
    SeatSchema,
    TimelineSchema,
    project_changes_schema,
)

_META = ("id", "project_id", "project_version", "client_id", "created_at", "status",
         "accepted_option")


def proposal_view(proposal) -> dict:
    """The solver's result as stored (read back: a dict) with the proposal's own fields."""
    return {**proposal.result, **ProposalSchema(only=_META).dump(proposal)}


class ProjectEntrypoints:
    def _known_skills(self) -> set[str]:
        """The members service owns the taxonomy: one call per project created or changed."""
        return {skill["slug"] for skill in self.members.list_skills()["skills"]}

    @rpc
    def create_project(self, details):
        details = ProjectDetailsSchema().load(details)
        client_id = str(details.pop("client_id"))
        project = use_cases.create_project(self.uow, client_id, details, self._known_skills())
        return ProjectSchema().dump(project)

    @rpc
    def get_project(self, project_id, scope=None):
        return ProjectSchema().dump(use_cases.get_project(self.uow, str(project_id), scope))

    @rpc
    def list_projects(self, query=None):
        query = ProjectQuerySchema().load(query or {})
        if query["client_id"] is not None:
            query["client_id"] = str(query["client_id"])
        return ProjectPageSchema().dump(use_cases.list_projects(self.uow, **query))

    @rpc
    def update_project(self, project_id, changes, scope=None):
        changes = project_changes_schema.load(changes)
        skills = self._known_skills() if "roles" in changes else None
        project = use_cases.update_project(self.uow, str(project_id), changes, scope, skills)
        return ProjectSchema().dump(project)

    @rpc
    def start_project(self, project_id, scope=None):
        return ProjectSchema().dump(use_cases.start_project(self.uow, str(project_id), scope))

    @rpc
    def finish_project(self, project_id, scope=None):
        project = use_cases.finish_project(self.uow, str(project_id), date.today(), scope)
        return ProjectSchema().dump(project)

    @rpc
    def cancel_project(self, project_id, cancellation, scope=None):
        reason = CancellationSchema().load(cancellation)["reason"]
        project = use_cases.cancel_project(self.uow, str(project_id), date.today(), reason,
                                           scope)
        return ProjectSchema().dump(project)

    @rpc
    def propose_team(self, project_id, request=None, scope=None):
        mode = ProposalRequestSchema().load(request or {})["mode"]
        proposal = use_cases.propose(self.uow, str(project_id), scope, mode)
        return proposal_view(use_cases.get_proposal(self.uow, proposal.id))

    @rpc
    def get_proposal(self, proposal_id, scope=None):
        return proposal_view(use_cases.get_proposal(self.uow, str(proposal_id), scope))

    @rpc
    def list_proposals(self, project_id, scope=None):
        found = use_cases.list_proposals(self.uow, str(project_id), scope)
        return {"items": [proposal_view(proposal) for proposal in found]}

    @rpc
    def accept_proposal(self, proposal_id, acceptance=None, scope=None):
        option = AcceptanceSchema().load(acceptance or {})["option"]
        project, _ = use_cases.accept(self.uow, str(proposal_id), option, date.today(), scope)
        return self.get_team(project.id)

    @rpc
    def get_team(self, project_id, scope=None):
        seats, assignments, external = use_cases.get_team(self.uow, str(project_id), scope)
        return {"project_id": str(project_id), "seats": SeatSchema(many=True).dump(seats),
                "assignments": AssignmentSchema(many=True).dump(assignments),
                "external_members": ExternalMemberSchema(many=True).dump(external)}

    @rpc
    def list_assignments(self, member_id):
        """A member's assignments, newest first (their own view of their work)."""
        found = use_cases.member_assignments(self.uow, str(member_id))
        return {"items": AssignmentSchema(many=True).dump(found)}

    @rpc
    def client_knows_member(self, client_id, member_id):
        """Whether the client was proposed or works with the member (the gateway then
        shows it the member's public profile)."""
        return use_cases.client_knows_member(self.uow, str(client_id), str(member_id))

    @rpc
    def list_meetings(self, project_id, scope=None):
        found = use_cases.list_meetings(self.uow, str(project_id), scope)
        return MeetingListSchema().dump({"items": found})

    @rpc
    def reschedule_meeting(self, project_id, meeting_id, change, scope=None):
        on = RescheduleSchema().load(change)["scheduled_on"]
        meeting = use_cases.reschedule_meeting(self.uow, str(project_id), str(meeting_id), on,
                                               scope)
        return MeetingSchema().dump(meeting)

    @rpc
    def rate_checkin(self, project_id, meeting_id, rating, scope=None):
        given = RatingDetailsSchema().load(rating)
        member_id = str(given["member_id"]) if given["member_id"] else None
        endorsements = [{**e, "member_id": str(e["member_id"])} for e in given["endorsements"]]
        _, recorded = use_cases.rate_checkin(
            self.uow, str(project_id), str(meeting_id), given["by"], member_id,
            given["rating"], given["comment"], endorsements, scope)
        return RatingSchema().dump(recorded)

    @rpc
    def project_health(self, project_id, scope=None):
        health, meetings = use_cases.project_health(self.uow, str(project_id), date.today(),
                                                    scope)
        return HealthSchema().dump({**health.__dict__, "meetings": meetings})

    @rpc
    def project_timeline(self, project_id, scope=None):
        entries = use_cases.project_timeline(self.uow, str(project_id), scope)
        return TimelineSchema().dump({"items": entries})

"""What learning keeps from members', matching's and billing's events."""

from infra.events import EnvelopeSchema
from infra.handlers import event_handler
from services.learning.domain import use_cases
from services.learning.domain.member_view import MemberView, SkillLevels
from services.learning.domain.skill_gap import CoverageGap, RoleDemand
from services.learning.domain.work_history import Assignment
from services.learning.schemas.incoming import (
    AssignmentConfirmedSchema,
    CheckinRecordedSchema,
    CoverageGapDetectedSchema,
    DevelopmentFundContributedSchema,
    MemberSnapshotSchema,
    ProjectCreatedSchema,
)


def _member_view(data: dict) -> MemberView:
    skills = {s["skill"]: SkillLevels(s["level"], s["verified_level"]) for s in data["skills"]}
    return MemberView(data["member_id"], data["version"], data["name"], data["status"], skills)


class ListeningEntrypoints:
    @event_handler("members", "member_created")
    def on_member_created(self, event):
        self._record_member(event)

    @event_handler("members", "member_updated")
    def on_member_updated(self, event):
        self._record_member(event)

    def _record_member(self, event):
        event = EnvelopeSchema().load(event)
        snapshot = _member_view(MemberSnapshotSchema().load(event["data"]))
        use_cases.record_member_snapshot(self.uow, event, snapshot)

    @event_handler("matching", "assignment_confirmed")
    def on_assignment_confirmed(self, event):
        event = EnvelopeSchema().load(event)
        use_cases.record_assignment(self.uow, event, Assignment(
            **AssignmentConfirmedSchema().load(event["data"])))

    @event_handler("matching", "checkin_recorded")
    def on_checkin_recorded(self, event):
        event = EnvelopeSchema().load(event)
        use_cases.record_checkin(self.uow, event, CheckinRecordedSchema().load(event["data"]))

    @event_handler("matching", "project_created")
    def on_project_created(self, event):
        event = EnvelopeSchema().load(event)
        project = ProjectCreatedSchema().load(event["data"])
        created_at = project["created_at"] or event["time"]
        roles = [RoleDemand(project["project_id"], role["skill"], role["min_level"],
                            role["count"], created_at) for role in project["roles"]]
        use_cases.record_project(self.uow, event, project["client_id"], roles)

    @event_handler("matching", "coverage_gap_detected")
    def on_coverage_gap_detected(self, event):
        event = EnvelopeSchema().load(event)
        gap = CoverageGapDetectedSchema().load(event["data"])
        use_cases.record_coverage_gap(self.uow, event, CoverageGap(
            gap["project_id"], gap["skill"], gap["min_level"], gap["unfilled_seats"],
            gap["detected_at"] or event["time"]))

    @event_handler("billing", "development_fund_contributed")
    def on_development_fund_contributed(self, event):
        event = EnvelopeSchema().load(event)
        contribution = DevelopmentFundContributedSchema().load(event["data"])
        contribution.pop("currency")
        use_cases.record_fund_contribution(self.uow, event, **contribution)

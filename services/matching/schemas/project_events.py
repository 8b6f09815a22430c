"""The `data` of the events matching publishes about projects and teams.

Who listens: billing builds contracts from `assignment_confirmed` (and ends them on
`assignment_ended`); learning keeps work history, skill demand and endorsements from
`assignment_confirmed`, `project_created`, `checkin_recorded` and
`coverage_gap_detected`. No personal data: no contact person, no reasons for absence.
"""

from marshmallow import fields

from infra.schemas import Money, Schema
from services.matching.schemas.fields import Hours


class EventRoleSchema(Schema):
    role_id = fields.String(attribute="id")
    skill = fields.String()
    min_level = fields.Integer(attribute="minimum_level")
    count = fields.Integer(attribute="seats")
    hours_per_week = Hours()
    nice_to_have = fields.List(fields.String())


class ProjectCreatedSchema(Schema):
    project_id = fields.String(attribute="project.id")
    client_id = fields.String(attribute="project.client_id")
    title = fields.String(attribute="project.title")
    starts_on = fields.Date(attribute="project.starts_on")
    ends_on = fields.Date(attribute="project.ends_on")
    roles = fields.List(fields.Nested(EventRoleSchema), attribute="project.roles")
    created_at = fields.AwareDateTime(attribute="project.created_at")


class ProjectStatusSchema(Schema):
    """`project_started`, `project_finished`, `project_cancelled`."""

    project_id = fields.String(attribute="project.id")
    client_id = fields.String(attribute="project.client_id")
    status = fields.String(attribute="project.status")
    at = fields.AwareDateTime(attribute="project.updated_at")


class TeamProposedSchema(Schema):
    proposal_id = fields.String(attribute="proposal.id")
    project_id = fields.String(attribute="proposal.project_id")
    client_id = fields.String(attribute="proposal.client_id")
    options = fields.Function(lambda event: len(event.proposal.options))
    unfilled_seats = fields.Function(lambda event: len(event.proposal.options[0].unfilled))
    member_ids = fields.Function(lambda event: event.proposal.options[0].members)


class ProposalAcceptedSchema(Schema):
    proposal_id = fields.String(attribute="proposal.id")
    project_id = fields.String(attribute="project.id")
    client_id = fields.String(attribute="project.client_id")
    option = fields.Integer(attribute="proposal.accepted_option")
    member_ids = fields.Function(
        lambda event: event.proposal.options[event.proposal.accepted_option].members)


class AssignmentConfirmedSchema(Schema):
    assignment_id = fields.String(attribute="assignment.id")
    project_id = fields.String(attribute="assignment.project_id")
    client_id = fields.String(attribute="assignment.client_id")
    member_id = fields.String(attribute="assignment.member_id")
    seat_id = fields.String(attribute="assignment.seat_id")
    role_id = fields.String(attribute="assignment.role_id", allow_none=True)
    skill = fields.String(attribute="assignment.skill")
    kind = fields.String(attribute="assignment.kind")
    hours_per_week = Hours(attribute="assignment.hours_per_week")
    starts_on = fields.Date(attribute="assignment.starts_on")
    ends_on = fields.Date(attribute="assignment.ends_on")
    hourly_rate = Money(attribute="assignment.hourly_rate")
    description = fields.Function(
        lambda event: f"{event.project_title} — {event.assignment.skill}"[:200])


class AssignmentEndedSchema(Schema):
    assignment_id = fields.String(attribute="assignment.id")
    project_id = fields.String(attribute="assignment.project_id")
    client_id = fields.String(attribute="assignment.client_id")
    member_id = fields.String(attribute="assignment.member_id")
    ended_on = fields.Date(attribute="assignment.ended_on")
    reason = fields.String(attribute="assignment.end_reason")


class AssignmentSubstitutedSchema(Schema):
    project_id = fields.String(attribute="project.id")
    client_id = fields.String(attribute="project.client_id")
    seat_id = fields.String(attribute="seat.id")
    skill = fields.Function(lambda event: event.project.role(event.seat.role_id).skill)
    absent_member_id = fields.String(attribute="change.absent_member")
    stand_in_member_id = fields.String(attribute="change.stand_in")
    by_backup = fields.Boolean(attribute="change.by_backup")
    weeks = fields.Function(lambda event: [str(week) for week in event.change.weeks])
    assignment_ids = fields.Function(lambda event: [a.id for a in event.assignments])


class CoverageGapDetectedSchema(Schema):
    project_id = fields.String(attribute="project.id")
    client_id = fields.String(attribute="project.client_id")
    seat_id = fields.String(attribute="seat.id")
    skill = fields.String(attribute="role.skill")
    min_level = fields.Integer(attribute="role.minimum_level")
    unfilled_seats = fields.Constant(1)
    weeks = fields.Function(lambda event: [str(week) for week in event.weeks])
    reason = fields.String()
    detected_at = fields.AwareDateTime()


class EventEndorsementSchema(Schema):
    member_id = fields.String()
    skill = fields.String()
    level = fields.Integer()
    comment = fields.String()


class CheckinRecordedSchema(Schema):
    checkin_id = fields.String(attribute="rating.id")
    meeting_id = fields.String(attribute="meeting.id")
    project_id = fields.String(attribute="project.id")
    client_id = fields.String(attribute="project.client_id")
    rated_by = fields.String(attribute="rating.by")
    rater_member_id = fields.String(attribute="rating.member_id", allow_none=True)
    rating = fields.Integer(attribute="rating.rating")
    member_ids = fields.List(fields.String(), attribute="team")
    endorsements = fields.List(fields.Nested(EventEndorsementSchema),
                               attribute="rating.endorsements")
    recorded_at = fields.AwareDateTime(attribute="rating.recorded_at")


PROJECT_EVENT_SCHEMAS = {
    "project_created": ProjectCreatedSchema(),
    "project_started": ProjectStatusSchema(),
    "project_finished": ProjectStatusSchema(),
    "project_cancelled": ProjectStatusSchema(),
    "team_proposed": TeamProposedSchema(),
    "proposal_accepted": ProposalAcceptedSchema(),
    "assignment_confirmed": AssignmentConfirmedSchema(),
    "assignment_ended": AssignmentEndedSchema(),
    "assignment_substituted": AssignmentSubstitutedSchema(),
    "coverage_gap_detected": CoverageGapDetectedSchema(),
    "checkin_recorded": CheckinRecordedSchema(),
}

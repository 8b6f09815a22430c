"""Facts the matching service tells the others about."""

from dataclasses import dataclass

from services.matching.domain.client import Client


@dataclass(frozen=True)
class ClientRegistered:
    client: Client
    type = "client_registered"

    @property
    def subject(self) -> str:
        return self.client.id


@dataclass(frozen=True)
class ClientUpdated:
    client: Client
    type = "client_updated"

    @property
    def subject(self) -> str:
        return self.client.id


@dataclass(frozen=True)
class ProjectCreated:
    project: object  # domain.projects.Project
    type = "project_created"

    @property
    def subject(self) -> str:
        return self.project.id


@dataclass(frozen=True)
class ProjectStatusChanged:
    """`project_started`, `project_finished`, `project_cancelled`."""

    project: object
    type: str

    @property
    def subject(self) -> str:
        return self.project.id


@dataclass(frozen=True)
class TeamProposed:
    proposal: object  # domain.team_proposals.Proposal
    type = "team_proposed"

    @property
    def subject(self) -> str:
        return self.proposal.project_id


@dataclass(frozen=True)
class ProposalAccepted:
    proposal: object
    project: object
    type = "proposal_accepted"

    @property
    def subject(self) -> str:
        return self.project.id


@dataclass(frozen=True)
class AssignmentConfirmed:
    assignment: object  # domain.assignments.Assignment
    project_title: str
    type = "assignment_confirmed"

    @property
    def subject(self) -> str:
        return self.assignment.id


@dataclass(frozen=True)
class AssignmentEnded:
    assignment: object
    type = "assignment_ended"

    @property
    def subject(self) -> str:
        return self.assignment.id


@dataclass(frozen=True)
class AssignmentSubstituted:
    project: object
    seat: object
    change: object  # proposals.substitution.SeatTakenOver
    assignments: list
    type = "assignment_substituted"

    @property
    def subject(self) -> str:
        return self.project.id


@dataclass(frozen=True)
class CoverageGapDetected:
    project: object
    seat: object
    role: object
    weeks: tuple
    reason: str
    detected_at: object
    type = "coverage_gap_detected"

    @property
    def subject(self) -> str:
        return self.project.id


@dataclass(frozen=True)
class CheckinRecorded:
    project: object
    meeting: object  # domain.meetings.Meeting
    rating: object  # domain.meetings.Rating
    team: tuple
    type = "checkin_recorded"

    @property
    def subject(self) -> str:
        return self.project.id

"""Team proposals (the Multitalent solver): pure domain, no I/O.

Entry points, each taking plain values an adapter fills from matching's read model:

- `propose_team(project, candidates, settings, mode, known_skills)` → `TeamProposal`:
  the best team, up to two genuinely different alternatives, per seat a primary with
  an explanation and a named backup, unfillable seats with their reason, the mode
  that ran (`exact` MILP or `heuristic`);
- `validate_project(project, known_skills)`: the project's input rules;
- `check_still_acceptable(reservations(team), weeks, current)`: raises
  `ProposalIsStale` when accepting would double-book someone;
- `substitute(team, member_id, weeks, candidates, settings)` → `Substitution`;
- `fairness_report(workloads)` → `FairnessReport`.

Modules, one concept each: `iso_week`, `project`, `candidates` (inputs), `settings`,
`scoring` (per seat), `weekly_matrix` and `instance` (the prepared problem),
`objective` (the one objective both solvers and all comparisons use), `exact` (MILP),
`heuristic` with `team_state` and `local_search`, `backups`, `gaps`, `explanation`,
`growth_seat`, `proposal`, `acceptance`, `substitution`, `fairness_report`.
"""

from services.matching.domain.proposals.acceptance import (
    SeatReservation,
    check_still_acceptable,
    reservations,
)
from services.matching.domain.proposals.candidates import (
    CandidateProfile,
    SkillLevel,
    WeeklyHours,
    WorkHistory,
)
from services.matching.domain.proposals.fairness_report import (
    FairnessReport,
    Workload,
    fairness_report,
)
from services.matching.domain.proposals.iso_week import IsoWeek
from services.matching.domain.proposals.project import Project, Role, validate_project
from services.matching.domain.proposals.proposal import (
    ProposedSeat,
    ProposedTeam,
    TeamProposal,
    propose_team,
)
from services.matching.domain.proposals.settings import DEFAULT_SETTINGS, ProposalSettings
from services.matching.domain.proposals.substitution import (
    RunningSeat,
    RunningTeam,
    Substitution,
    substitute,
)

__all__ = [
    "DEFAULT_SETTINGS", "CandidateProfile", "FairnessReport", "IsoWeek", "Project",
    "ProposalSettings", "ProposedSeat", "ProposedTeam", "Role", "RunningSeat", "RunningTeam",
    "SeatReservation", "SkillLevel", "Substitution", "TeamProposal", "WeeklyHours",
    "WorkHistory", "Workload", "check_still_acceptable", "fairness_report", "propose_team",
    "reservations", "substitute", "validate_project",
]

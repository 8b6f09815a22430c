"""What can be done in learning. Each use case is one transaction.

One module per concern; everything is importable from here.
"""

from services.learning.domain.use_cases.badges import (
    get_badge,
    issue_badge,
    list_badges,
    revoke_badge,
    verify_badge,
)
from services.learning.domain.use_cases.budget import (
    approve_request,
    get_budget,
    get_fund,
    get_request,
    list_requests,
    reject_request,
    request_development,
    withdraw_request,
)
from services.learning.domain.use_cases.endorsements import (
    endorse_skill,
    get_verifications,
    list_endorsements,
    record_checkin,
    withdraw_endorsement,
)
from services.learning.domain.use_cases.mentorships import (
    accept_mentorship,
    complete_mentorship,
    decline_mentorship,
    get_mentorship,
    list_mentorships,
    propose_mentorship,
    rank_mentors,
    start_mentorship,
)
from services.learning.domain.use_cases.offers import (
    get_wish,
    list_offers,
    list_wishes,
    offer_to_teach,
    wish_to_learn,
    withdraw_offer,
    withdraw_wish,
)
from services.learning.domain.use_cases.read_models import (
    record_assignment,
    record_coverage_gap,
    record_fund_contribution,
    record_member_snapshot,
    record_project,
)
from services.learning.domain.use_cases.reports import skill_gap_report
from services.learning.domain.use_cases.sessions import (
    give_session_feedback,
    mark_session_done,
    record_session,
)

__all__ = [
    "accept_mentorship", "approve_request", "complete_mentorship", "decline_mentorship",
    "endorse_skill", "get_badge", "get_budget", "get_fund", "get_mentorship", "get_request",
    "get_verifications", "get_wish", "give_session_feedback", "issue_badge", "list_badges",
    "list_endorsements", "list_mentorships", "list_offers", "list_requests", "list_wishes",
    "mark_session_done", "offer_to_teach", "propose_mentorship", "rank_mentors",
    "record_assignment", "record_checkin", "record_coverage_gap", "record_fund_contribution",
    "record_member_snapshot", "record_project", "record_session", "reject_request",
    "request_development", "revoke_badge", "skill_gap_report", "start_mentorship",
    "verify_badge", "wish_to_learn", "withdraw_endorsement", "withdraw_offer",
    "withdraw_request", "withdraw_wish",
]

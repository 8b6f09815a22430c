"""Where a member stands in the cooperative, and which moves are allowed from there.

    applicant ──activate──▶ active ◀──reinstate── suspended
        │                     │ ──suspend──────────▶ │
        │                     ▼                      │
        └──────leave──────▶ left ◀──────leave────────┘
        │                     │
        └──────erase──────▶ erased ◀──erase──┘

- activate: an operator confirms an applicant whom two active members sponsored
  (see `admission.py`);
- suspend: an operator, with a reason (private); reinstate: back to active;
- leave: the member gives notice with a leave date (an applicant withdraws);
- erase: anonymises the member (privacy). An active or suspended member must leave
  first, so that assignments are handed over before their data disappears;
- erased is final: nothing about an erased member changes any more.
"""

from services.members.domain.errors import (
    EraseOnlyAfterLeaving,
    IllegalTransition,
    MemberWasErased,
)

APPLICANT = "applicant"
ACTIVE = "active"
SUSPENDED = "suspended"
LEFT = "left"
ERASED = "erased"
STATUSES = (APPLICANT, ACTIVE, SUSPENDED, LEFT, ERASED)

ALLOWED_FROM = {
    "activate": (APPLICANT,),
    "suspend": (ACTIVE,),
    "reinstate": (SUSPENDED,),
    "leave": (APPLICANT, ACTIVE, SUSPENDED),
    "erase": (APPLICANT, LEFT),
}


def check_changeable(member_id: str, status: str) -> None:
    """Any change: `MemberWasErased` once the member is erased."""
    if status == ERASED:
        raise MemberWasErased(member_id)


def check_transition(member_id: str, status: str, action: str) -> None:
    """`IllegalTransition` (or a more specific rule) unless `action` is allowed now."""
    check_changeable(member_id, status)
    allowed_from = ALLOWED_FROM[action]
    if status in allowed_from:
        return
    if action == "erase":
        raise EraseOnlyAfterLeaving(member_id, status, allowed_from)
    raise IllegalTransition(member_id, status, action, allowed_from)

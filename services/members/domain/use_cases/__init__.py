"""What can be done with members. Each use case is one transaction.

One module per concern; everything is importable from here.
"""

from services.members.domain.use_cases.admission import (
    activate_member,
    get_admission,
    sponsor_applicant,
)
from services.members.domain.use_cases.capacity import (
    add_unavailability,
    change_capacity,
    change_unavailability,
    get_capacity,
    remove_unavailability,
)
from services.members.domain.use_cases.directory import (
    coop_figures,
    get_directory_profile,
    list_directory,
)
from services.members.domain.use_cases.lifecycle import (
    give_notice,
    reinstate_member,
    suspend_member,
)
from services.members.domain.use_cases.privacy import MemberExport, erase_member, export_member
from services.members.domain.use_cases.profile import (
    get_member,
    list_members,
    members_among,
    update_member,
)
from services.members.domain.use_cases.registration import (
    apply_to_join,
    create_member,
    register_applicant,
)
from services.members.domain.use_cases.skills import (
    add_skill,
    change_skill,
    get_taxonomy,
    record_skill_verification,
    set_skills,
)
from services.members.domain.use_cases.weekly_availability import availability

__all__ = [
    "MemberExport", "activate_member", "add_skill", "add_unavailability", "apply_to_join",
    "change_capacity", "change_skill",
    "change_unavailability", "coop_figures", "create_member", "get_directory_profile",
    "list_directory", "erase_member", "export_member",
    "get_admission", "get_capacity", "get_member", "get_taxonomy", "give_notice",
    "availability", "list_members", "members_among", "record_skill_verification",
    "register_applicant", "reinstate_member", "remove_unavailability", "set_skills",
    "sponsor_applicant", "suspend_member", "update_member",
]

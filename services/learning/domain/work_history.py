"""Who worked with whom: assignments from matching, and mentorships.

Two members worked together on an assignment when both were assigned to the same
project over dates that overlap, and that overlap has begun (a confirmed
assignment that starts next month is a plan, not shared work yet).
"""

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class Assignment:
    assignment_id: str
    project_id: str
    client_id: str
    member_id: str
    skill: str | None
    starts_on: date
    ends_on: date | None  # None: open-ended


def _overlap_begun(a: Assignment, b: Assignment, today: date) -> bool:
    start = max(a.starts_on, b.starts_on)
    ends = [end for end in (a.ends_on, b.ends_on) if end is not None]
    return start <= today and (not ends or start <= min(ends))


def shared_projects(first: list[Assignment], second: list[Assignment],
                    today: date) -> tuple[str, ...]:
    """Projects both members worked on at the same time, in project-id order."""
    found = {a.project_id for a in first for b in second
             if a.project_id == b.project_id and a.member_id != b.member_id
             and _overlap_begun(a, b, today)}
    return tuple(sorted(found))

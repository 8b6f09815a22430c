"""A project's timeline: what happened, in words the client reads, newest last.

Entries never hold private data (no reasons for unavailability, no contact details).
"""

import uuid
from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True)
class TimelineEntry:
    id: str
    project_id: str
    at: datetime
    kind: str
    summary: str
    data: dict = field(default_factory=dict)

    @classmethod
    def new(cls, project_id: str, at: datetime, kind: str, summary: str,
            data: dict | None = None) -> "TimelineEntry":
        return cls(str(uuid.uuid4()), project_id, at, kind, summary, data or {})

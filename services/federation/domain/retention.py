"""How long the dedup store remembers an accepted event.

A replayed message carries its original, signed `webhook-timestamp`, so once the replay
window has passed it is refused as `TimestampTooOld` whether or not we still remember
its id: the store only *needs* the ids of the window (plus the clock tolerance). It keeps
them longer, `retention` (FEDERATION_RECEIVED_RETENTION_DAYS, default 7), for operators
looking into what a partner sent, then forgets them, because the stored bodies hold what
partners shared (a candidate's public introduction, say).
"""

from datetime import datetime, timedelta

from services.federation.domain.verification import WINDOW, ReplayWindow


def forget_received_before(now: datetime, retention: timedelta,
                           window: ReplayWindow = WINDOW) -> datetime:
    """The moment before which accepted events may be forgotten: never inside the window,
    however short a retention is configured."""
    return now - max(retention, window.max_age + window.max_ahead)

"""Rate limits per token, and per client IP for calls without a valid token.

Counters live in memory by default; with RATE_LIMIT_STORAGE_URL=redis://… every
gateway replica shares them. A caller over the limit gets 429 with Retry-After.
The client IP is `request.remote_addr`, which gateway/server.py has already resolved
behind TRUSTED_PROXY_HOPS reverse proxies (a load balancer's own address otherwise),
counted per IPv4 address or per IPv6 /64 network (gateway/requests.py `rate_limit_address`).
The sliding-window counter costs O(1) per request (a moving window keeps every
hit's timestamp) and weighs the previous window in, so bursts at a window edge
cannot double the limit.
"""

import math
import time

from limits import parse
from limits.storage import storage_from_string
from limits.strategies import SlidingWindowCounterRateLimiter

from gateway.problems import Problem


class RateLimiter:
    def __init__(self, storage_url: str, per_token: str, per_anonymous: str):
        self.limiter = SlidingWindowCounterRateLimiter(storage_from_string(storage_url))
        self.per_token = parse(per_token)
        self.per_anonymous = parse(per_anonymous)

    def hit(self, key: str, anonymous: bool) -> None:
        """Count one request for `key`; a 429 problem when it is over its limit."""
        limit = self.per_anonymous if anonymous else self.per_token
        if self.limiter.hit(limit, key):
            return
        reset_at = self.limiter.get_window_stats(limit, key).reset_time
        retry_after = max(1, math.ceil(reset_at - time.time()))
        raise Problem(429, "rate-limited", "Too many requests",
                      f"More than {limit} for this caller; retry in {retry_after} s.",
                      headers={"Retry-After": str(retry_after)})

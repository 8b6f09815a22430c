"""Run every benchmark: `python -m benchmarks` (or `make bench`)."""

import warnings

warnings.filterwarnings("ignore", message=r"\s*Eventlet is deprecated", category=Warning)

from benchmarks import (  # noqa: E402
    billing_run,
    gateway_overhead,
    matching_proposal,
    matching_solver,
    members_availability,
    outbox_relay,
)

BENCHMARKS = [outbox_relay, gateway_overhead, members_availability, matching_solver,
              matching_proposal, billing_run]

if __name__ == "__main__":
    for benchmark in BENCHMARKS:
        benchmark.main()

"""Shared infrastructure for every Multitalent service. No business rules live here."""

import warnings

# eventlet announces its own deprecation in every process; nameko 2 needs it (ADR 0001).
warnings.filterwarnings("ignore", message=r"\s*Eventlet is deprecated", category=Warning)

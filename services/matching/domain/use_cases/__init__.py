"""Matching's use cases, each one transaction; one family per module."""

from services.matching.domain.use_cases.candidates import get_candidate, record_member_snapshot
from services.matching.domain.use_cases.clients import (
    create_client,
    get_client,
    list_clients,
    update_client,
)

__all__ = ["create_client", "get_candidate", "get_client", "list_clients",
           "record_member_snapshot", "update_client"]

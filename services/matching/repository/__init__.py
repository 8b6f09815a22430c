"""Matching's storage: the only place that maps rows to domain objects."""

from services.matching.repository.candidates import SqlCandidateRepository
from services.matching.repository.clients import SqlClientRepository

__all__ = ["SqlCandidateRepository", "SqlClientRepository"]

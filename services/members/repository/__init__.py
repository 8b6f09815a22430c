"""Persistence of the members service: the only package that speaks SQL (with models.py)."""

from services.members.repository.members import SqlMemberRepository
from services.members.repository.skills import SqlSkillRepository

__all__ = ["SqlMemberRepository", "SqlSkillRepository"]

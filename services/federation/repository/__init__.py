"""Persistence of the federation service: the only package that speaks SQL (with models.py)."""

from services.federation.repository.outbound import SqlOutbound
from services.federation.repository.partners import SqlPartners
from services.federation.repository.received import SqlReceivedEvents

__all__ = ["SqlOutbound", "SqlPartners", "SqlReceivedEvents"]

"""Persistence of the learning service: the only package that speaks SQL (with models.py)."""

from services.learning.repository.badges import SqlBadges
from services.learning.repository.budget import SqlDevelopmentBudget
from services.learning.repository.demand import SqlDemand
from services.learning.repository.endorsements import SqlEndorsements, SqlVerifications
from services.learning.repository.mentorships import SqlMentorships, SqlSessions
from services.learning.repository.offers import SqlOffers, SqlWishes
from services.learning.repository.people import SqlMemberViews, SqlWorkHistory

__all__ = ["SqlBadges", "SqlDemand", "SqlDevelopmentBudget", "SqlEndorsements",
           "SqlMemberViews", "SqlMentorships", "SqlOffers", "SqlSessions", "SqlVerifications",
           "SqlWishes", "SqlWorkHistory"]

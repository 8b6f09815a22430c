"""The queries behind the website's figures (`domain/figures.py`): two aggregates."""

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from services.matching.domain.meetings import BY_CLIENT
from services.matching.domain.projects import FINISHED
from services.matching.models import checkin_ratings, projects


class SqlFigures:
    def __init__(self, session: Session):
        self.session = session

    def projects_delivered(self) -> int:
        query = select(func.count()).select_from(projects).where(projects.c.status == FINISHED)
        return self.session.execute(query).scalar_one()

    def client_ratings(self) -> tuple[int, int]:
        query = (select(func.count(), func.coalesce(func.sum(checkin_ratings.c.rating), 0))
                 .where(checkin_ratings.c.rated_by == BY_CLIENT))
        count, total = self.session.execute(query).one()
        return int(count), int(total)

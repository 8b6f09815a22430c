"""True figures for the public website: projects delivered, the clients' average rating."""

from infra.rpc import rpc
from services.matching.domain.figures import public_figures


class FigureEntrypoints:
    @rpc
    def public_figures(self):
        """`{projects_delivered, average_checkin_rating}` (a decimal string with one
        decimal, or null when no client rated a check-in yet); no scope: public."""
        figures = public_figures(self.uow)
        rating = figures.average_checkin_rating
        return {"projects_delivered": figures.projects_delivered,
                "average_checkin_rating": None if rating is None else str(rating)}

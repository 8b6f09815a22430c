"""True figures for the coop's public website: what it delivered and how clients rate it.

- projects delivered: projects that reached `finished` (cancelled ones do not count);
- the average client check-in rating: the mean of every rating a *client* gave a
  check-in (members' own ratings do not count), to one decimal, rounded half up;
  none when no client has rated yet (the website shows a dash, not a made-up 0).
"""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Protocol

ONE_DECIMAL = Decimal("0.1")


@dataclass(frozen=True)
class PublicFigures:
    projects_delivered: int
    average_checkin_rating: Decimal | None


class FigureQueries(Protocol):
    def projects_delivered(self) -> int: ...

    def client_ratings(self) -> tuple[int, int]:
        """(how many check-in ratings clients gave, their sum)."""


def average_rating(count: int, total: int) -> Decimal | None:
    if count == 0:
        return None
    return (Decimal(total) / Decimal(count)).quantize(ONE_DECIMAL, rounding=ROUND_HALF_UP)


def public_figures(uow) -> PublicFigures:
    """Read in one transaction (`uow.figures` is a `FigureQueries`)."""
    with uow:
        delivered = uow.figures.projects_delivered()
        count, total = uow.figures.client_ratings()
    return PublicFigures(delivered, average_rating(count, total))

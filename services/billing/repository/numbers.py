"""The gapless invoice number series: one row per year, locked while numbers are taken.

This is the adapter's half of the contract in `domain/numbering.py`: the year's row
is made if missing (an insert that ignores conflicts, so two first runs of a year
do not race), then read `SELECT … FOR UPDATE`. A concurrent run waits here until
the first one commits (and then reads the number it left) or rolls back (and the
numbers it took were never used). The invoice insert in the same transaction, with
its unique number, is the safety net.
"""

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from infra.locks import insert_ignoring_conflict
from services.billing.domain.numbering import NumberSeries
from services.billing.models import number_series
from services.billing.repository.sql import ChangedMeanwhile


class SqlNumberSeriesRepository:
    def __init__(self, session: Session):
        self.session = session

    def lock(self, year: int) -> NumberSeries:
        insert_ignoring_conflict(self.session, number_series, {"year": year, "last_used": 0})
        last_used = self.session.execute(
            select(number_series.c.last_used).where(number_series.c.year == year)
            .with_for_update()).scalar_one()
        return NumberSeries(year, last_used)

    def save(self, series: NumberSeries) -> None:
        changed = self.session.execute(
            update(number_series)
            .where(number_series.c.year == series.year,
                   number_series.c.last_used <= series.last_used)
            .values(last_used=series.last_used)).rowcount
        if changed != 1:
            raise ChangedMeanwhile(f"The invoice numbers of {series.year} moved on meanwhile; "
                           "numbers never go back.")

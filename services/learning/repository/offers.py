"""Offers to teach and wishes to learn, stored in SQL."""

from dataclasses import asdict

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from infra.pagination import Page
from services.learning.domain.offers import OPEN, Offer, Wish
from services.learning.models import offers, wishes
from services.learning.repository.versioned import VersionedRows, money


def _offer(row) -> Offer:
    return Offer(row.id, row.member_id, row.skill, row.level, tuple(row.formats),
                 money(row.hours_per_month), row.note, row.status, row.created_at)


def _wish(row) -> Wish:
    return Wish(row.id, row.member_id, row.skill, row.current_level, row.target_level, row.why,
                row.status, row.created_at)


class _OpenPerMember:
    table = None
    to_item = None
    what = ""

    def __init__(self, session: Session):
        self.rows = VersionedRows(session, self.table, self.what)
        self.session = session

    def add(self, item) -> None:
        self.rows.insert(self._values(item))

    def save(self, item) -> None:
        self.rows.update(self._values(item))

    def get(self, item_id: str):
        row = self.rows.by_id(item_id)
        return type(self).to_item(row) if row else None

    def open_skills(self, member_id: str) -> set[str]:
        query = select(self.table.c.skill).where(self.table.c.member_id == member_id,
                                                 self.table.c.status == OPEN)
        return set(self.session.execute(query).scalars())

    def open_per_skill(self) -> dict[str, int]:
        query = (select(self.table.c.skill, func.count()).where(self.table.c.status == OPEN)
                 .group_by(self.table.c.skill))
        return dict(self.session.execute(query).all())

    def page(self, limit: int, cursor: str | None, skill: str | None = None,
             member_id: str | None = None, status: str | None = None) -> Page:
        query = select(self.table)
        for column, value in (("skill", skill), ("member_id", member_id), ("status", status)):
            if value is not None:
                query = query.where(self.table.c[column] == value)
        return self.rows.page(query, limit, cursor, type(self).to_item)

    def _values(self, item) -> dict:
        return asdict(item)


class SqlOffers(_OpenPerMember):
    table = offers
    to_item = staticmethod(_offer)
    what = "offer"

    def open_for_skill(self, skill: str) -> list[Offer]:
        query = (select(offers).where(offers.c.skill == skill, offers.c.status == OPEN)
                 .order_by(offers.c.seq))
        return [_offer(row) for row in self.rows.all(query)]

    def open_of(self, member_id: str, skill: str) -> Offer | None:
        row = self.rows.one(select(offers).where(offers.c.member_id == member_id,
                                                 offers.c.skill == skill,
                                                 offers.c.status == OPEN))
        return _offer(row) if row else None

    def _values(self, item) -> dict:
        return {**asdict(item), "formats": list(item.formats)}


class SqlWishes(_OpenPerMember):
    table = wishes
    to_item = staticmethod(_wish)
    what = "wish"

"""The development fund's contributions and members' development requests, in SQL.

Sums are taken in Python over exact `Decimal`s: SQLite would add NUMERIC values as
floats.
"""

from datetime import UTC, date, datetime
from decimal import Decimal

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from infra.pagination import Page
from services.learning.domain.budget import APPROVED, PENDING, Approval, DevelopmentRequest, Fund
from services.learning.models import development_requests, fund_contributions
from services.learning.repository.versioned import VersionedRows, money

ZERO = Decimal("0.00")
_PLAIN = ("id", "member_id", "kind", "title", "what_you_will_learn", "year", "status",
          "requested_at", "decided_at", "rejection_reason", "currency")


def _request(row) -> DevelopmentRequest:
    approvals = tuple(Approval(a["approver_kind"], a["approver_id"],
                               datetime.fromisoformat(a["approved_at"]))
                      for a in row.approvals)
    return DevelopmentRequest(**{name: getattr(row, name) for name in _PLAIN},
                              amount=money(row.amount), approvals=approvals)


def _values(request: DevelopmentRequest) -> dict:
    return {**{name: getattr(request, name) for name in _PLAIN}, "amount": request.amount,
            "approvals": [{"approver_kind": a.approver_kind, "approver_id": a.approver_id,
                           "approved_at": a.approved_at.isoformat()}
                          for a in request.approvals]}


def _total(amounts) -> Decimal:
    return sum((money(amount) for amount in amounts), ZERO)


class SqlDevelopmentBudget:
    def __init__(self, session: Session):
        self.session = session
        self.rows = VersionedRows(session, development_requests, "development request")

    def add_contribution(self, contribution_id: str, member_id: str | None, year: int,
                         amount: Decimal, booked_on: date) -> bool:
        seen = self.session.execute(select(fund_contributions.c.contribution_id).where(
            fund_contributions.c.contribution_id == contribution_id)).first()
        if seen is not None:
            return False
        self.session.execute(insert(fund_contributions).values(
            contribution_id=contribution_id, member_id=member_id, year=year, amount=amount,
            booked_on=booked_on, recorded_at=datetime.now(UTC)))
        return True

    def fund(self) -> Fund:
        contributed = _total(self.session.execute(select(fund_contributions.c.amount)).scalars())
        spent = _total(self.session.execute(select(development_requests.c.amount).where(
            development_requests.c.status == APPROVED)).scalars())
        return Fund(contributed, spent)

    def contributed_in(self, year: int) -> Decimal:
        return _total(self.session.execute(select(fund_contributions.c.amount).where(
            fund_contributions.c.year == year)).scalars())

    def totals(self, member_id: str, year: int) -> tuple[Decimal, Decimal]:
        rows = self.session.execute(
            select(development_requests.c.status, development_requests.c.amount).where(
                development_requests.c.member_id == member_id,
                development_requests.c.year == year,
                development_requests.c.status.in_((APPROVED, PENDING)))).all()
        return (_total(r.amount for r in rows if r.status == APPROVED),
                _total(r.amount for r in rows if r.status == PENDING))

    def add(self, request: DevelopmentRequest) -> None:
        self.rows.insert(_values(request))

    def save(self, request: DevelopmentRequest) -> None:
        self.rows.update(_values(request))

    def get(self, request_id: str) -> DevelopmentRequest | None:
        row = self.rows.by_id(request_id)
        return _request(row) if row else None

    def page(self, limit: int, cursor: str | None, member_id: str | None = None,
             status: str | None = None) -> Page:
        query = select(development_requests)
        if member_id is not None:
            query = query.where(development_requests.c.member_id == member_id)
        if status is not None:
            query = query.where(development_requests.c.status == status)
        return self.rows.page(query, limit, cursor, _request)

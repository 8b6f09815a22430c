"""The solidarity fund's memberships (a member's tier) and claims, in SQL."""

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from infra.locks import insert_ignoring_conflict
from services.billing.domain.coop_settings import SolidarityTier
from services.billing.domain.solidarity import SolidarityClaim, SolidarityMembership
from services.billing.models import solidarity_claims, solidarity_memberships

_CLAIM_FIELDS = ("id", "member_id", "monthly_benefit", "sick_since", "filed_on", "recovered_on",
                 "months_paid")


def _membership(row) -> SolidarityMembership:
    return SolidarityMembership(row.member_id,
                                SolidarityTier(row.monthly_benefit, row.monthly_deposit),
                                row.since)


def _claim(row) -> SolidarityClaim:
    return SolidarityClaim(**{name: getattr(row, name) for name in _CLAIM_FIELDS})


class SqlSolidarityRepository:
    def __init__(self, session: Session):
        self.session = session

    def membership(self, member_id: str) -> SolidarityMembership | None:
        row = self.session.execute(select(solidarity_memberships).where(
            solidarity_memberships.c.member_id == member_id)).first()
        return None if row is None else _membership(row)

    def put_membership(self, membership: SolidarityMembership) -> None:
        values = {"monthly_benefit": membership.tier.monthly_benefit,
                  "monthly_deposit": membership.tier.monthly_deposit, "since": membership.since}
        insert_ignoring_conflict(self.session, solidarity_memberships,
                                 {"member_id": membership.member_id, **values})
        self.session.execute(update(solidarity_memberships).where(
            solidarity_memberships.c.member_id == membership.member_id).values(values))

    def memberships(self) -> list[SolidarityMembership]:
        query = select(solidarity_memberships).order_by(solidarity_memberships.c.member_id)
        return [_membership(row) for row in self.session.execute(query)]

    def add_claim(self, claim: SolidarityClaim) -> None:
        self.session.execute(insert(solidarity_claims).values(
            {name: getattr(claim, name) for name in _CLAIM_FIELDS}))

    def claim(self, claim_id: str) -> SolidarityClaim | None:
        found = self._claims(solidarity_claims.c.id == claim_id)
        return found[0] if found else None

    def save_claim(self, claim: SolidarityClaim) -> None:
        self.session.execute(update(solidarity_claims).where(solidarity_claims.c.id == claim.id)
                             .values(recovered_on=claim.recovered_on,
                                     months_paid=claim.months_paid))

    def claims_of(self, member_id: str) -> list[SolidarityClaim]:
        return self._claims(solidarity_claims.c.member_id == member_id)

    def open_claims(self) -> list[SolidarityClaim]:
        """Every claim: `months_due` decides what is left to pay (a recovered member may
        still be owed the month of recovery)."""
        return self._claims()

    def _claims(self, *where) -> list[SolidarityClaim]:
        query = select(solidarity_claims).where(*where).order_by(solidarity_claims.c.seq)
        return [_claim(row) for row in self.session.execute(query)]

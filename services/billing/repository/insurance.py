"""Insurance policies, enrolments and premium charges, in SQL (and the read-only pages).

Enrolments are written under the ledger lock (see use_cases/insurance.py), so the
overlap check reads without a lock of its own. Charges are unique on (enrolment,
month): a month is charged once, whatever happens to batches later.
"""


from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from infra.locks import insert_ignoring_conflict
from infra.pagination import Page, keyset_page
from services.billing.domain.insurance_enrolments import Enrolment
from services.billing.domain.insurance_membership import CoopMembership
from services.billing.domain.insurance_policies import Policy
from services.billing.domain.insurance_premiums import PremiumCharge
from services.billing.domain.period import Month
from services.billing.models import (
    insurance_charges,
    insurance_enrolments,
    insurance_memberships,
    insurance_policies,
)

POLICY_FIELDS = ("id", "name", "kind", "insurer", "coverage", "insured_amount",
                 "monthly_premium", "conditions", "active")
ENROLMENT_FIELDS = ("id", "member_id", "policy_id", "kind", "starts_on", "ends_on")


def policy_from_row(row) -> Policy:
    return Policy(**{name: getattr(row, name) for name in POLICY_FIELDS})


def enrolment_from_row(row) -> Enrolment:
    return Enrolment(**{name: getattr(row, name) for name in ENROLMENT_FIELDS})


def _charge(row) -> PremiumCharge:
    return PremiumCharge(row.enrolment_id, row.member_id, row.policy_id, Month.parse(row.month),
                         row.premium, row.deducted)


class SqlInsuranceRepository:
    def __init__(self, session: Session):
        self.session = session

    # --- policies
    def add_policy(self, policy: Policy) -> None:
        self.session.execute(insert(insurance_policies).values(
            {name: getattr(policy, name) for name in POLICY_FIELDS}))

    def get_policy(self, policy_id: str) -> Policy | None:
        row = self.session.execute(select(insurance_policies).where(
            insurance_policies.c.id == policy_id)).first()
        return None if row is None else policy_from_row(row)

    def save_policy(self, policy: Policy) -> None:
        self.session.execute(update(insurance_policies)
                             .where(insurance_policies.c.id == policy.id)
                             .values({n: getattr(policy, n) for n in POLICY_FIELDS[1:]}))

    def policies(self, policy_ids) -> dict[str, Policy]:
        wanted = sorted(set(policy_ids))
        if not wanted:
            return {}
        rows = self.session.execute(select(insurance_policies).where(
            insurance_policies.c.id.in_(wanted)))
        return {row.id: policy_from_row(row) for row in rows}

    def policy_page(self, limit: int, cursor: str | None, active: bool | None = None) -> Page:
        query = select(insurance_policies)
        if active is not None:
            query = query.where(insurance_policies.c.active == active)
        return keyset_page(self.session, query, insurance_policies.c.seq, limit, cursor,
                           policy_from_row)

    # --- enrolments
    def add_enrolment(self, enrolment: Enrolment) -> None:
        self.session.execute(insert(insurance_enrolments).values(
            {name: getattr(enrolment, name) for name in ENROLMENT_FIELDS}))

    def get_enrolment(self, enrolment_id: str) -> Enrolment | None:
        found = self._enrolments(insurance_enrolments.c.id == enrolment_id)
        return found[0] if found else None

    def save_enrolment(self, enrolment: Enrolment) -> None:
        self.session.execute(update(insurance_enrolments)
                             .where(insurance_enrolments.c.id == enrolment.id)
                             .values(ends_on=enrolment.ends_on))

    def enrolments_of(self, member_id: str) -> list[Enrolment]:
        return self._enrolments(insurance_enrolments.c.member_id == member_id)

    def enrolments_of_members(self, member_ids) -> list[Enrolment]:
        wanted = sorted(set(member_ids))
        return self._enrolments(insurance_enrolments.c.member_id.in_(wanted)) if wanted else []

    def enrolments_starting_by(self, day) -> list[Enrolment]:
        found = self._enrolments(insurance_enrolments.c.starts_on <= day)
        return [e for e in found if not e.cancelled]

    def enrolment_page(self, member_id: str, limit: int, cursor: str | None) -> Page:
        query = select(insurance_enrolments).where(insurance_enrolments.c.member_id == member_id)
        return keyset_page(self.session, query, insurance_enrolments.c.seq, limit, cursor,
                           enrolment_from_row)

    def _enrolments(self, *where) -> list[Enrolment]:
        rows = self.session.execute(select(insurance_enrolments).where(*where)
                                    .order_by(insurance_enrolments.c.seq))
        return [enrolment_from_row(row) for row in rows]

    # --- premium charges
    def charges(self, enrolment_ids) -> list[PremiumCharge]:
        wanted = sorted(set(enrolment_ids))
        if not wanted:
            return []
        rows = self.session.execute(select(insurance_charges).where(
            insurance_charges.c.enrolment_id.in_(wanted)))
        return [_charge(row) for row in rows]

    def put_charges(self, charges) -> None:
        for charge in charges:
            key = {"enrolment_id": charge.enrolment_id, "month": str(charge.month)}
            insert_ignoring_conflict(self.session, insurance_charges, {
                **key, "member_id": charge.member_id, "policy_id": charge.policy_id,
                "premium": charge.premium, "deducted": charge.deducted})
            self.session.execute(update(insurance_charges).where(
                insurance_charges.c.enrolment_id == charge.enrolment_id,
                insurance_charges.c.month == str(charge.month)).values(deducted=charge.deducted))

    # --- memberships (leaving, rejoining)
    def membership(self, member_id: str) -> CoopMembership | None:
        row = self.session.execute(select(insurance_memberships).where(
            insurance_memberships.c.member_id == member_id)).first()
        if row is None:
            return None
        return CoopMembership(row.member_id, row.left_on, row.rejoined_on, row.version)

    def put_membership(self, membership: CoopMembership) -> None:
        """Insert or replace (callers run under the ledger lock)."""
        values = {"left_on": membership.left_on, "rejoined_on": membership.rejoined_on,
                  "version": membership.version}
        insert_ignoring_conflict(self.session, insurance_memberships,
                                 {"member_id": membership.member_id, **values})
        self.session.execute(update(insurance_memberships).where(
            insurance_memberships.c.member_id == membership.member_id).values(values))

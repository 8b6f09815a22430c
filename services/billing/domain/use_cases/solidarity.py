"""The solidarity fund: joining a tier, claims, and the monthly benefits."""

from dataclasses import dataclass
from datetime import date

from services.billing.domain.accounts import SOLIDARITY_FUND
from services.billing.domain.coop_settings import CoopSettings
from services.billing.domain.errors import ClaimNeedsATier, ClaimNotFound
from services.billing.domain.events import FundClaimGranted
from services.billing.domain.ports import UnitOfWork
from services.billing.domain.postings import benefit_granted
from services.billing.domain.solidarity import (
    BenefitPayment,
    SolidarityClaim,
    SolidarityMembership,
    pro_rate_benefits,
)
from services.billing.domain.use_cases._support import credit_normal, post


def join_solidarity_fund(uow: UnitOfWork, member_id: str, monthly_benefit, since: date,
                         settings: CoopSettings) -> SolidarityMembership:
    """Join (or change) a tier; the deposit is taken from the month of `since` on."""
    with uow:
        membership = SolidarityMembership(member_id, settings.tier(monthly_benefit), since)
        uow.solidarity.put_membership(membership)
        uow.commit()
        return membership


def file_claim(uow: UnitOfWork, member_id: str, sick_since: date, filed_on: date,
               settings: CoopSettings) -> SolidarityClaim:
    with uow:
        membership = uow.solidarity.membership(member_id)
        if membership is None:
            raise ClaimNeedsATier(member_id)
        open_claims = [c for c in uow.solidarity.claims_of(member_id) if c.is_open(settings)]
        claim = SolidarityClaim.file(member_id, membership.tier, sick_since, filed_on,
                                     len(open_claims))
        uow.solidarity.add_claim(claim)
        uow.publish(FundClaimGranted(claim, claim.benefit_starts_on(settings).isoformat()))
        uow.commit()
        return claim


def record_recovery(uow: UnitOfWork, claim_id: str, recovered_on: date) -> SolidarityClaim:
    with uow:
        claim = uow.solidarity.claim(claim_id)
        if claim is None:
            raise ClaimNotFound(claim_id)
        claim.recover(recovered_on)
        uow.solidarity.save_claim(claim)
        uow.commit()
        return claim


@dataclass(frozen=True)
class BenefitRun:
    payments: tuple[BenefitPayment, ...]


def pay_benefits(uow: UnitOfWork, today: date, command_id: str,
                 settings: CoopSettings) -> BenefitRun:
    """Every benefit month due today, credited to the members' payables (paid out with the
    next payout batch); pro-rated when the fund holds less than is due."""
    with uow:
        claims = uow.solidarity.open_claims()
        due = [month for claim in claims for month in claim.months_due(today, settings)]
        payments = pro_rate_benefits(due, credit_normal(uow, SOLIDARITY_FUND))
        for payment in payments:
            month = payment.month
            post(uow, benefit_granted(f"{command_id}:{month.claim_id}:{month.index}", today,
                                      month.member_id, payment.paid, month.claim_id))
        for claim in claims:
            claim.record_paid([p.month for p in payments if p.month.claim_id == claim.id])
            uow.solidarity.save_claim(claim)
        uow.commit()
        return BenefitRun(tuple(payments))

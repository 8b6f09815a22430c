"""The solidarity fund: joining a tier, claims and recovery, the monthly benefits.

`record_recovery` takes an optional `member_id`: given (a member's token), a claim
of another member is `ClaimNotFound`. Claims are filed and changed under the ledger
lock, like the benefit run that pays them, so neither overwrites the other.
"""

from infra.rpc import rpc
from services.billing.domain import use_cases
from services.billing.domain.errors import ClaimNotFound
from services.billing.entrypoints import _support as support
from services.billing.schemas.solidarity import (
    BenefitRunRequestSchema,
    BenefitRunSchema,
    ClaimRequestSchema,
    ClaimSchema,
    JoinFundRequestSchema,
    MembershipSchema,
    RecoveryRequestSchema,
)


class SolidarityEntrypoints:
    @rpc
    def join_solidarity_fund(self, member_id, request):
        data = JoinFundRequestSchema().load(request)
        membership = use_cases.join_solidarity_fund(
            self.uow, support.member(member_id), data["monthly_benefit"],
            data["since"] or support.today(), self.settings.rules)
        return MembershipSchema().dump(membership)

    @rpc
    def file_solidarity_claim(self, member_id, request):
        data = ClaimRequestSchema().load(request)
        claim = use_cases.file_claim(self.uow.serialised(), support.member(member_id),
                                     data["sick_since"], data["filed_on"] or support.today(),
                                     self.settings.rules)
        return ClaimSchema().dump(claim)

    @rpc
    def record_recovery(self, claim_id, request, member_id=None):
        wanted = support.claim(claim_id)
        data = RecoveryRequestSchema().load(request)
        if member_id is not None:
            with self.uow as uow:
                claim = uow.solidarity.claim(wanted)
            if claim is None or claim.member_id != support.member(member_id):
                raise ClaimNotFound(wanted)
        claim = use_cases.record_recovery(self.uow.serialised(), wanted, data["recovered_on"])
        return ClaimSchema().dump(claim)

    @rpc
    def pay_solidarity_benefits(self, request=None):
        data = BenefitRunRequestSchema().load(request or {})
        run = use_cases.pay_benefits(self.uow.serialised(), data["today"] or support.today(),
                                     support.new_command_id(), self.settings.rules)
        return BenefitRunSchema().dump(run)

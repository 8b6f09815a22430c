"""The solidarity fund: a member's tier, claims (no sickness details), monthly benefits."""

from marshmallow import fields

from infra.schemas import Money, Schema
from services.billing.schemas.fields import MAX_MONTHLY_BENEFIT, Amount, Day


class JoinFundRequestSchema(Schema):
    monthly_benefit = Amount(MAX_MONTHLY_BENEFIT, required=True, metadata={
        "description": 'One of the tiers: "750.00", "1000.00", "1500.00", "2000.00", "2500.00".'})
    since = Day(load_default=None, metadata={"description": "Default: today."})


class MembershipSchema(Schema):
    member_id = fields.String()
    monthly_benefit = Money(attribute="tier.monthly_benefit")
    monthly_deposit = Money(attribute="tier.monthly_deposit")
    since = fields.Date()


class ClaimRequestSchema(Schema):
    sick_since = Day(required=True)
    filed_on = Day(load_default=None, metadata={"description": "Default: today."})


class RecoveryRequestSchema(Schema):
    recovered_on = Day(required=True, metadata={"description": "First day well again."})


class ClaimSchema(Schema):
    id = fields.String()
    member_id = fields.String()
    monthly_benefit = Money()
    sick_since = fields.Date()
    filed_on = fields.Date()
    recovered_on = fields.Date(allow_none=True)
    months_paid = fields.Integer()


class BenefitRunRequestSchema(Schema):
    today = Day(load_default=None, metadata={"description": "Default: today."})


class BenefitPaymentSchema(Schema):
    claim_id = fields.String(attribute="month.claim_id")
    member_id = fields.String(attribute="month.member_id")
    month = fields.Integer(attribute="month.index")
    starts_on = fields.Date(attribute="month.starts_on")
    due = Money(attribute="month.amount")
    paid = Money()
    message = fields.String(allow_none=True)


class BenefitRunSchema(Schema):
    payments = fields.List(fields.Nested(BenefitPaymentSchema))

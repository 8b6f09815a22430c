"""The development budget and fund, and development requests, in and out."""

from decimal import Decimal

from marshmallow import fields, validate

from infra.schemas import Money, Page, Schema, Text
from services.learning.schemas.fields import MAX_REQUEST_AMOUNT, AmountString, Id

KINDS = ("course", "conference")
REQUEST_STATUSES = ("pending", "approved", "rejected", "withdrawn")


class DevelopmentRequestDetailsSchema(Schema):
    kind = fields.String(required=True, validate=validate.OneOf(KINDS))
    title = Text(max_length=200, min_length=1, required=True)
    what_you_will_learn = Text(max_length=2000, min_length=1, required=True)
    amount = AmountString(required=True, minimum=Decimal("0.01"), maximum=MAX_REQUEST_AMOUNT)


class ApprovalSchema(Schema):
    approver_kind = fields.String()
    approver_id = fields.String(allow_none=True)
    approved_at = fields.AwareDateTime()


class DevelopmentRequestSchema(Schema):
    id = fields.String()
    member_id = fields.String()
    kind = fields.String()
    title = fields.String()
    what_you_will_learn = fields.String()
    amount = Money()
    currency = fields.String()
    year = fields.Integer()
    status = fields.String()
    requested_at = fields.AwareDateTime()
    approvals = fields.List(fields.Nested(ApprovalSchema))
    decided_at = fields.AwareDateTime(allow_none=True)
    rejection_reason = fields.String(allow_none=True)


class RequestQuerySchema(Page):
    member_id = Id(load_default=None)
    status = fields.String(load_default=None, validate=validate.OneOf(REQUEST_STATUSES))


class RequestPageSchema(Schema):
    items = fields.List(fields.Nested(DevelopmentRequestSchema))
    next_cursor = fields.String(allow_none=True)


class ApproverSchema(Schema):
    approver_id = Id(load_default=None, allow_none=True)


class RejectionSchema(Schema):
    reason = Text(max_length=1000, min_length=1, required=True)


class BudgetQuerySchema(Schema):
    year = fields.Integer(strict=True, load_default=None, allow_none=True,
                          validate=validate.Range(min=2000, max=2100))


class BudgetSchema(Schema):
    member_id = fields.String(attribute="budget.member_id")
    year = fields.Integer(attribute="budget.year")
    currency = fields.Constant("EUR")
    allowance = Money(attribute="budget.allowance")
    approved = Money(attribute="budget.approved")
    pending = Money(attribute="budget.pending")
    remaining = Money(attribute="budget.remaining")
    fund_balance = Money(attribute="fund.balance")


class FundSchema(Schema):
    currency = fields.Constant("EUR")
    contributed = Money(attribute="fund.contributed")
    spent = Money(attribute="fund.spent")
    balance = Money(attribute="fund.balance")
    contributed_this_year = Money()

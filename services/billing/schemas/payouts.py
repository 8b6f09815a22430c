"""Payout batches (no IBANs here: they are only in the bank file) and the solidarity fund."""

from marshmallow import fields

from infra.schemas import Money, Schema
from services.billing.schemas.fields import Day, PageQuery, Uuid


class PayoutRequestSchema(Schema):
    batch_id = Uuid(load_default=None, metadata={
        "description": "Asking again with the same id returns the first batch. Default: new."})
    execution_date = Day(load_default=None, metadata={"description": "Default: today."})


class PayoutLineSchema(Schema):
    member_id = fields.String()
    name = fields.String()
    amount = Money(metadata={"description": "To the member's bank account."})
    deposit = Money(metadata={"description": "Into the solidarity fund."})
    advance = Money(metadata={"description": "Guarantee fund advanced (< 0: returned)."})
    premium = Money(metadata={"description": "Collective insurance premiums deducted."})


class WaitingSchema(Schema):
    member_id = fields.String()
    amount = Money()
    rule = fields.String()
    reason = fields.String()


class PayoutBatchSchema(Schema):
    batch_id = fields.String(attribute="id")
    execution_date = fields.Date()
    total = Money()
    transfers = fields.Function(lambda batch: len(batch.transfers))
    lines = fields.List(fields.Nested(PayoutLineSchema))
    waiting = fields.List(fields.Nested(WaitingSchema))


class MemberPayoutSchema(Schema):
    batch_id = fields.String()
    execution_date = fields.Date()
    amount = Money()
    deposit = Money()


class MemberPayoutPageSchema(Schema):
    items = fields.List(fields.Nested(MemberPayoutSchema))
    next_cursor = fields.String(allow_none=True)


MemberPayoutQuerySchema = PageQuery

"""The ledger and the reports: trial balance, statements, fund contributions, VAT return."""

from marshmallow import fields, validate

from infra.schemas import Money, Schema, Text
from services.billing.schemas.fields import FIRST_DAY, LAST_DAY, Amount, Day, QuarterField

FUNDS = ("guarantee_fund", "solidarity_fund", "development_fund")
SOURCES = ("bank", "coop_fee_revenue")


class TrialBalanceSchema(Schema):
    accounts = fields.Dict(keys=fields.String(), values=Money(),
                           metadata={"description": "Balance (debit − credit) per account."})
    total = Money(metadata={"description": "Always 0.00."})


class PeriodQuerySchema(Schema):
    start = fields.Date(load_default=None)
    end = fields.Date(load_default=None)


class StatementLineSchema(Schema):
    booked_on = fields.Date()
    posting_id = fields.String()
    kind = fields.String()
    description = fields.String()
    debit = Money()
    credit = Money()
    balance = Money(metadata={"description": "Running, as people read this account."})


class StatementSchema(Schema):
    account = fields.String()
    lines = fields.List(fields.Nested(StatementLineSchema))


class ShareSchema(Schema):
    net = Money()
    coop_fee = Money()
    development = Money()
    member = Money()


class AnnualStatementSchema(Schema):
    member_id = fields.String()
    year = fields.Integer()
    invoiced = fields.Nested(ShareSchema)
    opening_balance = Money()
    earned = Money()
    benefits = Money()
    deposits = Money()
    payouts = Money()
    other = Money()
    closing_balance = Money()


class YearQuerySchema(Schema):
    year = fields.Integer(required=True, validate=validate.Range(min=FIRST_DAY.year,
                                                                 max=LAST_DAY.year))


class QuarterQuerySchema(Schema):
    quarter = QuarterField(required=True)


class VatBoxSchema(Schema):
    taxable = Money()
    vat = Money()


class VatReturnSchema(Schema):
    quarter = fields.Function(lambda report: str(report.quarter))
    box_1a = fields.Nested(VatBoxSchema, metadata={"description": "Supplies at 21 %."})
    box_1b = fields.Nested(VatBoxSchema, metadata={"description": "Supplies at 9 %."})
    box_1e = fields.Nested(VatBoxSchema, metadata={"description": "0 % or not taxed in NL."})
    box_3b = fields.Nested(VatBoxSchema, metadata={"description": "EU B2B, reverse charge."})
    box_4a = fields.Nested(VatBoxSchema, metadata={
        "description": "Services bought from partner coops outside the EU, reverse-charged "
                       "to us: the base and the Dutch VAT (21 %) we owe on it."})
    box_4b = fields.Nested(VatBoxSchema, metadata={
        "description": "Services bought from partner coops in other EU countries, "
                       "reverse-charged to us: the base and the Dutch VAT (21 %) we owe on "
                       "it."})
    icp_listing = fields.Dict(keys=fields.String(), values=Money(),
                              metadata={"description": "Net per client VAT id (opgaaf ICP)."})
    input_vat = Money(metadata={"description": "5b: input VAT (voorbelasting): the VAT paid "
                                               "on Dutch partner coops' invoices plus the "
                                               "VAT of 4a and 4b."})
    purchases_without_country = fields.Dict(keys=fields.String(), values=Money(), metadata={
        "description": "Base bought per partner coop billing has no billing details (no "
                       "country) of: in no box until the operator gives them."})
    vat_due = Money(metadata={"description": "VAT of 1a, 1b, 4a and 4b minus input VAT."})


class FundContributionRequestSchema(Schema):
    fund = fields.String(required=True, validate=validate.OneOf(FUNDS))
    amount = Amount(required=True)
    source = fields.String(load_default="bank", validate=validate.OneOf(SOURCES))
    booked_on = Day(load_default=None, metadata={"description": "Default: today."})
    description = Text(max_length=200, load_default="Contribution")


class EntrySchema(Schema):
    account = fields.String()
    debit = Money()
    credit = Money()


class PostingSchema(Schema):
    id = fields.String()
    causation_id = fields.String()
    kind = fields.String()
    booked_on = fields.Date()
    description = fields.String()
    entries = fields.List(fields.Nested(EntrySchema))

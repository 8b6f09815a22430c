"""Inter-coop billing's contract: the events billing handles from matching and federation
for it, the event it publishes (`external_hours_approved`), and the operators' lists."""

from decimal import Decimal

from marshmallow import EXCLUDE, ValidationError, fields, validate, validates_schema

from infra.schemas import Money, Schema, Text
from services.billing.schemas.fields import (
    MAX_HOURLY_RATE,
    Amount,
    Day,
    Hours,
    PageQuery,
    Uuid,
)
from services.billing.schemas.hours import ContractSchema
from services.billing.schemas.invoices import InvoicePageSchema

_EUR = {"validate": validate.Equal("EUR"), "required": True}
_SKILL = {"validate": validate.Length(min=1, max=100), "required": True}


class _Dates:
    @validates_schema
    def ends_after_start(self, data, **kwargs):
        if data.get("starts_on") and data.get("ends_on") and data["ends_on"] < data["starts_on"]:
            raise ValidationError("Ends before it starts.", "ends_on")


# --- handled ----------------------------------------------------------------------------


class PartnerPostalAddressSchema(Schema):
    class Meta:
        unknown = EXCLUDE

    street = Text(max_length=200, min_length=1, required=True)
    postal_code = Text(max_length=16, min_length=1, required=True)
    city = Text(max_length=100, min_length=1, required=True)
    country = fields.String(required=True, validate=validate.Regexp(r"^[A-Z]{2}$"))


class PartnerBillingSchema(Schema):
    class Meta:
        unknown = EXCLUDE

    legal_name = Text(max_length=200, min_length=1, required=True)
    country = fields.String(required=True, validate=validate.Regexp(r"^[A-Z]{2}$"))
    vat_id = fields.String(allow_none=True, load_default=None, validate=validate.Length(max=40))
    address = fields.Nested(PartnerPostalAddressSchema, required=True)


class PartnerAnnouncedSchema(Schema):
    """`federation.partner_registered` / `partner_updated`: a partner coop as a customer."""

    class Meta:
        unknown = EXCLUDE

    partner_id = Uuid(required=True)
    coop_uri = fields.String(required=True, validate=validate.Length(min=1, max=200))
    name = Text(max_length=200, min_length=1, required=True)
    version = fields.Integer(strict=True, load_default=1, validate=validate.Range(min=1))
    billing = fields.Nested(PartnerBillingSchema, allow_none=True, load_default=None)


class ExternalMemberPlacedSchema(_Dates, Schema):
    """`matching.external_member_placed` (coop A): an external contract."""

    class Meta:
        unknown = EXCLUDE

    placement_id = Uuid(required=True, metadata={"description": "Becomes the contract id."})
    partner_id = Uuid(required=True)
    partner_name = Text(max_length=200, min_length=1, required=True)
    candidate_id = Uuid(required=True)
    client_id = Uuid(required=True)
    project_id = Uuid(required=True)
    skill = fields.String(**_SKILL)
    starts_on = Day(required=True)
    ends_on = Day(required=True)
    client_hourly_rate = Amount(MAX_HOURLY_RATE, required=True)
    partner_hourly_rate = Amount(MAX_HOURLY_RATE, required=True)
    currency = fields.String(**_EUR)


class ExternalMemberLeftSchema(Schema):
    """`matching.external_member_left` (coop A): the lending coop ended the placement
    early; no hours on the external contract after `ends_on`."""

    class Meta:
        unknown = EXCLUDE

    placement_id = Uuid(required=True)
    ends_on = Day(required=True)


class LendingEndedSchema(Schema):
    """`matching.lending_ended` (coop B): our member's lending ends early; no hours on the
    lent contract after `ends_on`."""

    class Meta:
        unknown = EXCLUDE

    placement_id = Uuid(required=True)
    partner_id = Uuid(required=True)
    ends_on = Day(required=True)


class MemberLentSchema(_Dates, Schema):
    """`matching.member_lent` (coop B): a contract with the partner coop as customer."""

    class Meta:
        unknown = EXCLUDE

    placement_id = Uuid(required=True, metadata={
        "description": "The partner's; the contract id is a UUID5 of partner and placement."})
    partner_id = Uuid(required=True)
    candidate_id = Uuid(required=True)
    member_id = Uuid(required=True)
    skill = fields.String(**_SKILL)
    starts_on = Day(required=True)
    ends_on = Day(required=True)
    hourly_rate = Amount(MAX_HOURLY_RATE, required=True)
    currency = fields.String(**_EUR)


class ExternalHoursDataSchema(Schema):
    """The partner's `external_hours_approved.v1` data, as federation checked it."""

    class Meta:
        unknown = EXCLUDE

    placement_id = Uuid(required=True)
    candidate_id = Uuid(required=True)
    timesheet_id = Uuid(required=True)
    period_start = Day(required=True)
    period_end = Day(required=True)
    hours = Hours(required=True)
    hourly_rate = Amount(MAX_HOURLY_RATE, required=True)
    currency = fields.String(**_EUR)

    @validates_schema
    def period_in_order(self, data, **kwargs):
        if data["period_end"] < data["period_start"]:
            raise ValidationError("Ends before it starts.", "period_end")


class PartnerExternalHoursSchema(Schema):
    """`federation.partner_external_hours_approved` (coop B): who sent it, and its data."""

    class Meta:
        unknown = EXCLUDE

    partner_id = Uuid(required=True, metadata={"description": "The sender, in our registry."})
    data = fields.Nested(ExternalHoursDataSchema, required=True)


# --- published --------------------------------------------------------------------------


def _data(name: str):
    return fields.String(attribute=f"data.{name}")


class ExternalHoursApprovedSchema(Schema):
    """`external_hours_approved` (coop A): one approved day of a partner's member."""

    placement_id = _data("placement_id")
    partner_id = _data("partner_id")
    candidate_id = _data("candidate_id")
    timesheet_id = _data("timesheet_id")
    period_start = _data("period_start")
    period_end = _data("period_end")
    hours = _data("hours")
    hourly_rate = _data("hourly_rate")
    currency = _data("currency")


INTER_COOP_EVENT_SCHEMAS = {"external_hours_approved": ExternalHoursApprovedSchema()}


# --- the operators' lists -----------------------------------------------------------------


class RateMismatchSchema(Schema):
    """`PartnerRateDiffers`: the partner reported its approved hours at another rate than we
    lent the member at; we invoice at ours (`hourly_rate`)."""

    rule = fields.String()
    reported_hourly_rate = Money(attribute="reported_rate")
    hourly_rate = Money(attribute="agreed_rate")
    timesheet_id = fields.String()
    noticed_at = fields.DateTime()
    reason = fields.String()


class InterCoopContractSchema(ContractSchema):
    """A contract with its placement: external (coop A) or lent (coop B)."""

    kind = fields.String(metadata={"enum": ["external", "lent"]})
    placement_id = fields.String()
    partner_id = fields.String()
    partner_name = fields.String(allow_none=True)
    candidate_id = fields.String()
    skill = fields.String()
    partner_hourly_rate = fields.Function(
        lambda c: None if c["partner_hourly_rate"] is None else f"{c['partner_hourly_rate']:.2f}",
        metadata={"type": "string", "nullable": True,
                  "description": "External: what the partner coop is owed per hour."})
    rate_mismatch = fields.Nested(RateMismatchSchema, allow_none=True, metadata={
        "description": "Lent: the last time the partner reported another hourly rate "
                       "(PartnerRateDiffers); null if it never did."})


class InterCoopContractQuerySchema(PageQuery):
    partner_id = Uuid(load_default=None)


class InterCoopContractPageSchema(Schema):
    items = fields.List(fields.Nested(InterCoopContractSchema))
    next_cursor = fields.String(allow_none=True)


class InterCoopInvoiceQuerySchema(PageQuery):
    partner_id = Uuid(load_default=None)


InterCoopInvoicePageSchema = InvoicePageSchema


# --- coop A pays its partner coops -----------------------------------------------------------


class PartnerPaymentRequestSchema(Schema):
    """We paid a partner coop for its members' approved hours (e.g. its invoice)."""

    partner_id = Uuid(required=True)
    amount = Amount(required=True, metadata={
        "description": 'EUR, e.g. "580.00": at most what we owe the partner.'})
    paid_on = Day(required=True, metadata={"description": "Not after today."})
    reference = Text(max_length=200, min_length=1, required=True, metadata={
        "description": "E.g. the partner coop's invoice number."})
    vat = Amount(load_default=Decimal("0.00"), metadata={
        "description": "The Dutch VAT on the partner's invoice, paid with it and deducted as "
                       'input VAT (the bank pays amount + vat); "0.00" (default) under reverse '
                       "charge or from outside NL."})


class PartnerPaymentSchema(Schema):
    id = fields.String()
    partner_id = fields.String()
    amount = Money()
    paid_on = fields.Date()
    reference = fields.String()
    vat = Money()
    posting_id = fields.String(metadata={
        "description": "Dr partner_coop_payables (amount), vat_payable (vat); Cr bank."})
    recorded_at = fields.DateTime()


class PartnerPaymentQuerySchema(PageQuery):
    partner_id = Uuid(load_default=None)


class PartnerPaymentPageSchema(Schema):
    items = fields.List(fields.Nested(PartnerPaymentSchema))
    next_cursor = fields.String(allow_none=True)


class PartnerBalanceSchema(Schema):
    partner_id = fields.String()
    name = fields.String(allow_none=True)
    approved_cost = Money(metadata={
        "description": "Approved external hours at the partner rate, so far."})
    paid = Money(metadata={"description": "Paid to the partner so far."})
    open_payable = Money(metadata={"description": "What we still owe the partner."})


class PartnerBalanceQuerySchema(PageQuery):
    partner_id = Uuid(load_default=None)


class PartnerBalancePageSchema(Schema):
    items = fields.List(fields.Nested(PartnerBalanceSchema))
    next_cursor = fields.String(allow_none=True)

"""Collective insurance: policies, enrolments, coverage, certificates, and the events.

The kinds of policy are repeated here (schemas never import the domain); a unit test
keeps them equal to `domain/insurance_policies.py`.
"""

from decimal import Decimal

from marshmallow import EXCLUDE, fields, validate

from infra.schemas import Money, Schema, Text
from services.billing.schemas.fields import Amount, Day, PageQuery, Uuid

KINDS = ("professional_liability", "legal_expenses", "disability_top_up")
MAX_PREMIUM = Decimal("10000.00")
FORMATS = ("pdf", "html")


def _kind(**kwargs):
    return fields.String(validate=validate.OneOf(KINDS), metadata={
        "description": "professional_liability, legal_expenses or disability_top_up."},
        **kwargs)


def _premium(**kwargs):
    return Amount(maximum=MAX_PREMIUM, metadata={
        "description": 'Per member per month, EUR, more than zero, e.g. "12.50".'}, **kwargs)


def _insured_amount(**kwargs):
    return Amount(allow_none=True, metadata={
        "description": "EUR insured per claim, where the policy has one."}, **kwargs)


class PolicyDetailsSchema(Schema):
    """A collective policy the coop offers its members."""

    name = Text(max_length=200, min_length=1, required=True)
    kind = _kind(required=True)
    insurer = Text(max_length=200, min_length=1, required=True)
    coverage = Text(max_length=4000, min_length=1, required=True,
                    metadata={"description": "What is covered, as the certificate says it."})
    insured_amount = _insured_amount(load_default=None)
    monthly_premium = _premium(required=True)
    conditions = Text(max_length=10000, load_default="")
    active = fields.Boolean(load_default=True, metadata={
        "description": "false: withdrawn, takes no new enrolments."})


class PolicyChangesSchema(Schema):
    """Any details to change but the kind (enrolments keep it: define a new policy); a new
    premium applies to months no payout has charged yet."""

    name = Text(max_length=200, min_length=1)
    insurer = Text(max_length=200, min_length=1)
    coverage = Text(max_length=4000, min_length=1)
    insured_amount = _insured_amount()
    monthly_premium = _premium()
    conditions = Text(max_length=10000)
    active = fields.Boolean()


class PolicySchema(Schema):
    id = fields.String()
    name = fields.String()
    kind = fields.String()
    insurer = fields.String()
    coverage = fields.String()
    insured_amount = Money(allow_none=True)
    monthly_premium = Money()
    conditions = fields.String()
    active = fields.Boolean()


class PolicyQuerySchema(PageQuery):
    active = fields.Boolean(load_default=None, allow_none=True,
                            metadata={"description": "Only active (true) or withdrawn (false)."})


class PolicyPageSchema(Schema):
    items = fields.List(fields.Nested(PolicySchema))
    next_cursor = fields.String(allow_none=True)


class EnrolmentRequestSchema(Schema):
    """Opt in to a policy from `starts_on` (and, if known, through `ends_on`)."""

    policy_id = Uuid(required=True)
    starts_on = Day(required=True, metadata={"description": "The first day covered."})
    ends_on = Day(load_default=None, allow_none=True,
                  metadata={"description": "The last day covered; leave out: open-ended."})


class EnrolmentEndSchema(Schema):
    """Opt out: the last day covered (the day before the start cancels the enrolment)."""

    ends_on = Day(required=True)


class EnrolmentSchema(Schema):
    id = fields.String()
    member_id = fields.String()
    policy_id = fields.String()
    kind = fields.String()
    starts_on = fields.Date()
    ends_on = fields.Date(allow_none=True)


class EnrolmentPageSchema(Schema):
    items = fields.List(fields.Nested(EnrolmentSchema))
    next_cursor = fields.String(allow_none=True)


EnrolmentQuerySchema = PageQuery


class CoverageRequestSchema(Schema):
    member_ids = fields.List(Uuid(), required=True, validate=validate.Length(min=1, max=500))
    on_date = Day(required=True)


class CertificateQuerySchema(Schema):
    on = Day(load_default=None, metadata={"description": "The day covered. Default: today."})
    format = fields.String(load_default="pdf", validate=validate.OneOf(FORMATS))


class CertificateFileSchema(Schema):
    filename = fields.String()
    content_type = fields.String()
    content = fields.String(metadata={"description": "The document; base64 for a PDF."})
    encoding = fields.String(metadata={"description": "utf-8 (HTML) or base64 (PDF)."})


class MembershipSnapshotSchema(Schema):
    """members' `member_left` / `member_erased` / `member_updated`: what the public snapshot
    says of the membership (other fields are ignored)."""

    class Meta:
        unknown = EXCLUDE

    member_id = Uuid(required=True)
    version = fields.Integer(strict=True, required=True, validate=validate.Range(min=1))
    status = fields.String(load_default=None, allow_none=True)
    joined_on = fields.Date(load_default=None, allow_none=True)
    left_on = fields.Date(load_default=None, allow_none=True)


def _data(name: str, **kwargs):
    return fields.String(attribute=f"data.{name}", **kwargs)


class InsuranceEnrolledSchema(Schema):
    enrolment_id = _data("enrolment_id")
    member_id = _data("member_id")
    policy_id = _data("policy_id")
    kind = _data("kind")
    starts_on = _data("starts_on", metadata={"description": "YYYY-MM-DD"})


class InsuranceEndedSchema(Schema):
    enrolment_id = _data("enrolment_id")
    member_id = _data("member_id")
    policy_id = _data("policy_id")
    kind = _data("kind")
    ends_on = _data("ends_on", metadata={
        "description": "YYYY-MM-DD, the last day covered (the day before the start: "
                       "cancelled)."})


INSURANCE_EVENT_SCHEMAS = {
    "insurance_enrolled": InsuranceEnrolledSchema(),
    "insurance_ended": InsuranceEndedSchema(),
}

"""`data` of the events billing handles: matching's clients and assignments, members'
names, learning's approved development expenses.

Fields billing does not use are ignored (the publishers may add to their events); what
it uses is checked, and an event that fails the check is parked, not retried.
"""

from decimal import Decimal

from marshmallow import EXCLUDE, ValidationError, fields, validate, validates

from infra.schemas import Schema, Text
from services.billing.schemas.fields import (
    FIRST_DAY,
    LAST_DAY,
    MAX_AMOUNT,
    MAX_HOURLY_RATE,
    Amount,
    Day,
    Percent,
    Uuid,
)


class ClientAddressSchema(Schema):
    class Meta:
        unknown = EXCLUDE

    street = Text(max_length=200, load_default="")
    postal_code = Text(max_length=16, load_default="")
    city = Text(max_length=100, load_default="")


class ClientEventSchema(Schema):
    """`matching.client_registered` / `client_updated`: the client as billing invoices it."""

    class Meta:
        unknown = EXCLUDE

    client_id = Uuid(required=True)
    version = fields.Integer(strict=True, required=True, validate=validate.Range(min=1))
    name = Text(min_length=1, max_length=200, required=True)
    country = fields.String(required=True, validate=validate.Regexp(r"^[A-Z]{2}$"))
    vat_id = fields.String(allow_none=True, load_default=None,
                           validate=validate.Length(max=40))
    kvk_number = fields.String(allow_none=True, load_default=None,
                               validate=validate.Regexp(r"^\d{8}$"))
    is_business = fields.Boolean(load_default=True)
    address = fields.Nested(ClientAddressSchema, required=True)
    billing_email = fields.String(allow_none=True, load_default=None,
                                  validate=validate.Length(max=254))


class AssignmentSchema(Schema):
    """A confirmed assignment: the contract billing invoices and pays by.

    The data of `matching.assignment_confirmed`, and the argument of the operators'
    `record_assignment`.
    """

    assignment_id = Uuid(required=True, metadata={"description": "Becomes the contract id."})
    member_id = Uuid(required=True)
    client_id = Uuid(required=True)
    project_id = Uuid(required=True)
    hourly_rate = Amount(MAX_HOURLY_RATE, required=True)
    starts_on = Day(required=True)
    ends_on = Day(required=True)
    description = Text(max_length=200, allow_none=True,
                       metadata={"description": "The invoice line text (optional)."})
    vat_rate = Percent(allow_none=True,
                       metadata={"description": 'Dutch VAT rate: "21" (default), "9" or "0".'})


class AssignmentConfirmedSchema(AssignmentSchema):
    """`matching.assignment_confirmed`: what billing needs of it. Matching's other fields
    (`seat_id`, `role_id`, `skill`, `kind` — primary, stand_in or learner —,
    `hours_per_week`) are ignored: every kind of assignment is a contract alike."""

    class Meta:
        unknown = EXCLUDE


class AssignmentEndedSchema(Schema):
    """`matching.assignment_ended`: no hours on days after `ended_on` from now on."""

    class Meta:
        unknown = EXCLUDE

    assignment_id = Uuid(required=True, metadata={"description": "The contract's id."})
    ended_on = Day(required=True, metadata={"description": "The last day worked."})
    reason = Text(max_length=200, allow_none=True, load_default=None)
    member_id = Uuid(load_default=None, allow_none=True)
    client_id = Uuid(load_default=None, allow_none=True)
    project_id = Uuid(load_default=None, allow_none=True)


class MemberSnapshotSchema(Schema):
    """The public snapshot in `members.member_created`, `member_updated`, `member_erased`:
    billing keeps the name only, to say on invoice lines who did the work."""

    class Meta:
        unknown = EXCLUDE

    member_id = Uuid(required=True)
    version = fields.Integer(strict=True, required=True, validate=validate.Range(min=1))
    name = fields.String(load_default="", allow_none=True, validate=validate.Length(max=200))
    status = fields.String(load_default=None, allow_none=True,
                           metadata={"description": "erased: billing forgets the name."})


class DevelopmentExpenseApprovedSchema(Schema):
    """`learning.development_expense_approved`: a member's course or conference, approved
    against the development fund; billing reimburses the member."""

    class Meta:
        unknown = EXCLUDE

    request_id = Uuid(required=True)
    member_id = Uuid(required=True)
    kind = fields.String(required=True, validate=validate.Length(min=1, max=40))
    title = Text(max_length=200, min_length=1, required=True)
    amount = Amount(MAX_AMOUNT, minimum=Decimal("0.01"), required=True)
    currency = fields.String(load_default="EUR", validate=validate.Equal("EUR"))
    year = fields.Integer(strict=True, required=True,
                          validate=validate.Range(min=FIRST_DAY.year, max=LAST_DAY.year))
    approved_at = fields.AwareDateTime(required=True)

    @validates("approved_at")
    def within_the_books(self, value, **kwargs):
        if not FIRST_DAY <= value.date() <= LAST_DAY:
            raise ValidationError(f"Give a moment from {FIRST_DAY} to {LAST_DAY}.")

"""`data` of the events billing handles: matching's clients and confirmed assignments.

Fields billing does not use are ignored (matching may add to its events); what it
uses is checked, and an event that fails the check is parked, not retried.
"""

from marshmallow import EXCLUDE, fields, validate

from infra.schemas import Money, Schema, Text
from services.billing.schemas.fields import Percent, Uuid


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
    hourly_rate = Money(required=True, metadata={"description": 'EUR, e.g. "85.00".'})
    starts_on = fields.Date(required=True)
    ends_on = fields.Date(required=True)
    description = Text(max_length=200, allow_none=True,
                       metadata={"description": "The invoice line text (optional)."})
    vat_rate = Percent(allow_none=True,
                       metadata={"description": 'Dutch VAT rate: "21" (default), "9" or "0".'})


class AssignmentConfirmedSchema(AssignmentSchema):
    class Meta:
        unknown = EXCLUDE

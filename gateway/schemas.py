"""Schemas of what the gateway itself owns: tokens, problems, health. Services own the rest."""

from datetime import UTC, datetime

from marshmallow import ValidationError, fields, validate, validates_schema

from gateway.tokens import ROLES
from infra.schemas import Schema, Text
from services.learning.schemas.endorsements import EndorsementDetailsSchema, VerificationSchema
from services.learning.schemas.fields import Id
from services.learning.schemas.mentorships import MentorshipQuerySchema
from services.members.schemas.capacity import AvailabilityQuerySchema
from services.members.schemas.fields import MemberIdField, MemberIdList
from services.members.schemas.lifecycle import SponsorshipDetailsSchema


class TokenRequestSchema(Schema):
    """What an operator gives to issue a token."""

    name = Text(max_length=200, min_length=1, required=True,
                metadata={"description": "What the token is for, e.g. 'Acme finance team'."})
    role = fields.String(required=True, validate=validate.OneOf(ROLES))
    client_id = fields.UUID(load_default=None, allow_none=True,
                            metadata={"description": "Required for role `client`."})
    member_id = fields.UUID(load_default=None, allow_none=True,
                            metadata={"description": "Required for role `member`."})
    expires_at = fields.AwareDateTime(load_default=None, allow_none=True)

    @validates_schema
    def scope_matches_role(self, data, **kwargs):
        needs = {"client": "client_id", "member": "member_id"}.get(data.get("role"))
        for scope in ("client_id", "member_id"):
            if scope == needs and data.get(scope) is None:
                raise ValidationError(f"A {data['role']} token needs a {scope}.", scope)
            if scope != needs and data.get(scope) is not None:
                raise ValidationError(f"A {data.get('role')} token takes no {scope}.", scope)
        expires_at = data.get("expires_at")
        if expires_at is not None and expires_at <= datetime.now(UTC):
            raise ValidationError("Must be in the future.", "expires_at")


class TokenSchema(Schema):
    id = fields.String(required=True)
    name = fields.String(required=True)
    role = fields.String(required=True)
    client_id = fields.String(allow_none=True)
    member_id = fields.String(allow_none=True)
    prefix = fields.String(required=True,
                           metadata={"description": "The secret's first characters, to tell "
                                                    "tokens apart."})
    created_at = fields.AwareDateTime(required=True)
    expires_at = fields.AwareDateTime(allow_none=True)
    revoked_at = fields.AwareDateTime(allow_none=True)


class IssuedTokenSchema(TokenSchema):
    token = fields.String(required=True,
                          metadata={"description": "The secret. Shown only now: store it."})


class TokenPageSchema(Schema):
    items = fields.List(fields.Nested(TokenSchema), required=True)
    next_cursor = fields.String(allow_none=True, required=True)


class FieldErrorSchema(Schema):
    field = fields.String(required=True)
    message = fields.String(required=True)


class ProblemSchema(Schema):
    """RFC 9457 problem details."""

    type = fields.String(required=True, metadata={"example": "/problems/validation-error"})
    title = fields.String(required=True)
    status = fields.Integer(required=True)
    detail = fields.String(required=True)
    instance = fields.String(required=True, metadata={"example": "urn:request:<request id>"})
    request_id = fields.String(required=True)
    errors = fields.List(fields.Nested(FieldErrorSchema))
    rule = fields.String(metadata={"description": "The business rule that was broken."})


class HealthSchema(Schema):
    status = fields.String(required=True)


class ReadinessSchema(Schema):
    status = fields.String(required=True)
    services = fields.Dict(keys=fields.String(), values=fields.String(), required=True)


class SponsorshipRequestSchema(SponsorshipDetailsSchema):
    """A sponsorship as sent to the API: a member token's own member is the sponsor."""

    sponsor_id = MemberIdField(
        load_default=None,
        metadata={"description": "Required for operators; a member token sponsors as itself."})


class AvailabilityRequestSchema(AvailabilityQuerySchema):
    """Availability over HTTP: ids travel in the URL, so at most 100 of them per request."""

    member_ids = MemberIdList(
        required=True, validate=validate.Length(min=1, max=100),
        metadata={"description": "Repeat the parameter, or separate ids with commas."})


class EndorsementRequestSchema(EndorsementDetailsSchema):
    """An endorsement as sent to the API: the token's member is the endorser."""

    endorser_id = Id(load_default=None,
                     metadata={"description": "Leave out: the token's member endorses. If "
                                              "given, it must be that member."})


class MentorshipListQuerySchema(MentorshipQuerySchema):
    """Mentorships over HTTP: an operator may name a member; a member token sees its own."""

    member_id = Id(load_default=None,
                   metadata={"description": "Mentorships of this member (as mentor or mentee); "
                                            "a member token: only its own."})


class VerificationListSchema(Schema):
    """A member's verified skills, as learning answers them."""

    items = fields.List(fields.Nested(VerificationSchema), required=True)


CREDENTIAL_SCHEMA = {
    "type": "object",
    "description": "An Open Badges 3.0 credential exactly as issued (any JSON object).",
}

"""What matching reads from members' events, and its candidate read model as RPC returns it."""

from marshmallow import EXCLUDE, fields

from infra.schemas import Money, Schema


class MemberSnapshotSchema(Schema):
    """`data` of members' `member_created` / `member_updated`.

    Unknown fields are ignored here: a producer may add fields to an event
    without breaking its consumers (the envelope's dataschema_version marks
    breaking changes).
    """

    class Meta:
        unknown = EXCLUDE

    member_id = fields.UUID(required=True)
    version = fields.Integer(required=True)
    name = fields.String(required=True)
    city = fields.String(allow_none=True, load_default=None)
    introduction = fields.String(load_default="")
    hourly_rate = Money(allow_none=True, load_default=None)
    status = fields.String(required=True)


class CandidateSchema(Schema):
    member_id = fields.String()
    version = fields.Integer()
    name = fields.String()
    city = fields.String(allow_none=True)
    introduction = fields.String()
    hourly_rate = Money(allow_none=True)
    status = fields.String()

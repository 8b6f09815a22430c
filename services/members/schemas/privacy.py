"""A member's data export: everything this service keeps about them, as JSON."""

from marshmallow import fields

from infra.schemas import Schema
from services.members.schemas.capacity import CapacitySchema
from services.members.schemas.lifecycle import SponsorshipSchema
from services.members.schemas.profile import MemberSchema

EXPORT_FORMAT_VERSION = 1


class SponsorshipGivenSchema(Schema):
    applicant_id = fields.Function(lambda given: given[0])
    met_on = fields.Function(lambda given: given[1].met_on.isoformat())
    note = fields.Function(lambda given: given[1].note)
    recorded_at = fields.Function(lambda given: given[1].recorded_at.isoformat())


class MemberExportSchema(Schema):
    format_version = fields.Function(lambda export: EXPORT_FORMAT_VERSION)
    exported_at = fields.AwareDateTime()
    member = fields.Nested(MemberSchema)
    capacity = fields.Function(lambda export: CapacitySchema().dump(export.member))
    sponsorships_received = fields.List(fields.Nested(SponsorshipSchema),
                                        attribute="member.sponsorships")
    sponsorships_given = fields.List(fields.Nested(SponsorshipGivenSchema))

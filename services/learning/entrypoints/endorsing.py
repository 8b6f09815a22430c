"""Endorsements, verifications and badges."""

from infra.rpc import rpc
from services.learning.domain import use_cases
from services.learning.entrypoints import _ids
from services.learning.schemas.badges import (
    BadgeCheckSchema,
    BadgeListSchema,
    BadgeRequestSchema,
    BadgeSchema,
    RevocationSchema,
)
from services.learning.schemas.endorsements import (
    EndorsementDetailsSchema,
    EndorsementPageSchema,
    EndorsementQuerySchema,
    EndorsementSchema,
    VerificationSchema,
)


class EndorsingEntrypoints:
    @rpc
    def endorse_skill(self, member_id, endorsement):
        endorsement = use_cases.endorse_skill(self.uow, _ids.member_id(member_id),
                                              **EndorsementDetailsSchema().load(endorsement))
        return EndorsementSchema().dump(endorsement)

    @rpc
    def withdraw_endorsement(self, endorsement_id, withdrawn_by=None):
        endorsement = use_cases.withdraw_endorsement(
            self.uow, _ids.endorsement_id(endorsement_id), _ids.optional_member_id(withdrawn_by))
        return EndorsementSchema().dump(endorsement)

    @rpc
    def list_endorsements(self, query=None):
        query = EndorsementQuerySchema().load(query or {})
        return EndorsementPageSchema().dump(use_cases.list_endorsements(self.uow, **query))

    @rpc
    def get_verifications(self, member_id):
        verifications = use_cases.get_verifications(self.uow, _ids.member_id(member_id))
        return {"items": VerificationSchema(many=True).dump(verifications)}

    @rpc
    def issue_badge(self, member_id, badge):
        skill = BadgeRequestSchema().load(badge)["skill"]
        badge = use_cases.issue_badge(self.uow, _ids.member_id(member_id), skill, self.settings,
                                      self.signing_key)
        return BadgeSchema().dump(badge)

    @rpc
    def get_badge(self, badge_id, member_id=None):
        badge = use_cases.get_badge(self.uow, _ids.optional_member_id(member_id),
                                    _ids.badge_id(badge_id))
        return BadgeSchema().dump(badge)

    @rpc
    def list_badges(self, member_id):
        badges = use_cases.list_badges(self.uow, _ids.member_id(member_id))
        return BadgeListSchema().dump({"items": badges})

    @rpc
    def revoke_badge(self, badge_id, revocation, member_id=None):
        reason = RevocationSchema().load(revocation)["reason"]
        badge = use_cases.revoke_badge(self.uow, _ids.optional_member_id(member_id),
                                       _ids.badge_id(badge_id), reason)
        return BadgeSchema().dump(badge)

    @rpc
    def verify_badge(self, credential):
        result = use_cases.verify_badge(self.uow, credential, self.signing_key,
                                        self.former_badge_keys)
        return BadgeCheckSchema().dump(result)

"""`data` of every event the learning service publishes.

No notes, feedback, comments, or the reasons members give: those stay inside learning.
"""

from marshmallow import fields

from infra.schemas import Money, Schema
from services.learning.schemas.fields import MonthlyHours


class LearningOfferedSchema(Schema):
    offer_id = fields.String(attribute="offer.id")
    member_id = fields.String(attribute="offer.member_id")
    skill = fields.String(attribute="offer.skill")
    level = fields.Integer(attribute="offer.level")
    formats = fields.List(fields.String(), attribute="offer.formats")
    hours_per_month = MonthlyHours(attribute="offer.hours_per_month")
    offered_at = fields.AwareDateTime(attribute="offer.created_at")


class LearningWishedSchema(Schema):
    wish_id = fields.String(attribute="wish.id")
    member_id = fields.String(attribute="wish.member_id")
    skill = fields.String(attribute="wish.skill")
    current_level = fields.Integer(attribute="wish.current_level")
    target_level = fields.Integer(attribute="wish.target_level")
    wished_at = fields.AwareDateTime(attribute="wish.created_at")


class MentorshipStartedSchema(Schema):
    mentorship_id = fields.String(attribute="mentorship.id")
    wish_id = fields.String(attribute="mentorship.wish_id")
    mentor_id = fields.String(attribute="mentorship.mentor_id")
    mentee_id = fields.String(attribute="mentorship.mentee_id")
    skill = fields.String(attribute="mentorship.skill")
    target_level = fields.Integer(attribute="mentorship.target_level")
    started_at = fields.AwareDateTime(attribute="mentorship.started_at")


class SessionRecordedSchema(Schema):
    session_id = fields.String(attribute="session.id")
    mentorship_id = fields.String(attribute="mentorship.id")
    mentor_id = fields.String(attribute="mentorship.mentor_id")
    mentee_id = fields.String(attribute="mentorship.mentee_id")
    skill = fields.String(attribute="mentorship.skill")
    held_on = fields.Date(attribute="session.held_on")
    duration_minutes = fields.Integer(attribute="session.duration_minutes")


class EndorsementEventSchema(Schema):
    endorsement_id = fields.String(attribute="endorsement.id")
    member_id = fields.String(attribute="endorsement.member_id")
    skill = fields.String(attribute="endorsement.skill")
    level = fields.Integer(attribute="endorsement.level")
    endorser_kind = fields.String(attribute="endorsement.endorser_kind")
    endorser_id = fields.String(attribute="endorsement.endorser_id")
    basis = fields.String(attribute="endorsement.basis")
    basis_id = fields.String(attribute="endorsement.basis_id")
    given_at = fields.AwareDateTime(attribute="endorsement.given_at")


class EndorsementWithdrawnSchema(EndorsementEventSchema):
    withdrawn_at = fields.AwareDateTime(attribute="endorsement.withdrawn_at")
    reason = fields.String(attribute="endorsement.withdrawal_reason")


class SkillVerifiedSchema(Schema):
    member_id = fields.String(attribute="verification.member_id")
    skill = fields.String(attribute="verification.skill")
    level = fields.Integer(attribute="verification.level")
    evidence = fields.List(fields.String(), attribute="verification.evidence")
    verified_at = fields.AwareDateTime(attribute="verification.verified_at")
    previous_level = fields.Integer(allow_none=True)


class SkillVerificationWithdrawnSchema(Schema):
    member_id = fields.String()
    skill = fields.String()
    previous_level = fields.Integer()
    withdrawn_at = fields.AwareDateTime()


class DevelopmentExpenseApprovedSchema(Schema):
    request_id = fields.String(attribute="request.id")
    member_id = fields.String(attribute="request.member_id")
    kind = fields.String(attribute="request.kind")
    title = fields.String(attribute="request.title")
    amount = Money(attribute="request.amount")
    currency = fields.String(attribute="request.currency")
    year = fields.Integer(attribute="request.year")
    approved_at = fields.AwareDateTime(attribute="request.decided_at")
    approved_by = fields.Function(lambda event: [
        {"kind": a.approver_kind, "member_id": a.approver_id}
        for a in event.request.approvals])


EVENT_SCHEMAS = {
    "learning_offered": LearningOfferedSchema(),
    "learning_wished": LearningWishedSchema(),
    "mentorship_started": MentorshipStartedSchema(),
    "session_recorded": SessionRecordedSchema(),
    "endorsement_given": EndorsementEventSchema(),
    "endorsement_withdrawn": EndorsementWithdrawnSchema(),
    "skill_verified": SkillVerifiedSchema(),
    "skill_verification_withdrawn": SkillVerificationWithdrawnSchema(),
    "development_expense_approved": DevelopmentExpenseApprovedSchema(),
}

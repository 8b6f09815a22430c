"""Mentor rankings, mentorships and their sessions, in and out."""

from marshmallow import fields, validate

from infra.schemas import Page, Schema, Text
from services.learning.schemas.fields import Id, MonthlyHours

MENTORSHIP_STATUSES = ("proposed", "accepted", "active", "completed", "declined")
MIN_MINUTES, MAX_MINUTES = 15, 480
RATING = validate.Range(min=1, max=5, error="A rating is a whole number from 1 to 5.")


class ProposalSchema(Schema):
    mentor_id = Id(required=True)


class MentorshipSchema(Schema):
    id = fields.String()
    wish_id = fields.String()
    offer_id = fields.String()
    mentor_id = fields.String()
    mentee_id = fields.String()
    skill = fields.String()
    target_level = fields.Integer()
    status = fields.String()
    proposed_at = fields.AwareDateTime()
    accepted_at = fields.AwareDateTime(allow_none=True)
    started_at = fields.AwareDateTime(allow_none=True)
    ended_at = fields.AwareDateTime(allow_none=True)


class MentorshipQuerySchema(Page):
    status = fields.String(load_default=None, validate=validate.OneOf(MENTORSHIP_STATUSES))


class MentorshipPageSchema(Schema):
    items = fields.List(fields.Nested(MentorshipSchema))
    next_cursor = fields.String(allow_none=True)


class SessionDetailsSchema(Schema):
    held_on = fields.Date(required=True)
    duration_minutes = fields.Integer(strict=True, required=True, validate=validate.Range(
        min=MIN_MINUTES, max=MAX_MINUTES, error="A session lasts 15 to 480 minutes."))
    notes = Text(max_length=5000, load_default="")
    done = fields.Boolean(load_default=True)


class SessionDoneSchema(Schema):
    notes = Text(max_length=5000, load_default=None, allow_none=True)


class FeedbackDetailsSchema(Schema):
    rating = fields.Integer(strict=True, required=True, validate=RATING)
    comment = Text(max_length=2000, load_default="")


class FeedbackSchema(Schema):
    rating = fields.Integer()
    comment = fields.String()
    given_at = fields.AwareDateTime()


class SessionSchema(Schema):
    id = fields.String()
    mentorship_id = fields.String()
    held_on = fields.Date()
    duration_minutes = fields.Integer()
    notes = fields.String()
    done = fields.Boolean()
    recorded_by = fields.String(allow_none=True)
    recorded_at = fields.AwareDateTime()
    mentor_feedback = fields.Nested(FeedbackSchema, allow_none=True)
    mentee_feedback = fields.Nested(FeedbackSchema, allow_none=True)


class MentorshipWithSessionsSchema(MentorshipSchema):
    sessions = fields.List(fields.Nested(SessionSchema))


class RankedMentorSchema(Schema):
    mentor_id = fields.String()
    name = fields.String()
    offer_id = fields.String()
    level = fields.Integer()
    verified_level = fields.Integer(allow_none=True)
    formats = fields.List(fields.String())
    hours_per_month = MonthlyHours()
    available_hours = MonthlyHours(allow_none=True)
    active_mentees = fields.Integer()
    worked_together = fields.Boolean()
    components = fields.Dict(keys=fields.String(), values=fields.Float())
    score = fields.Float()
    reasons = fields.List(fields.String())


class ExclusionSchema(Schema):
    mentor_id = fields.String()
    offer_id = fields.String()
    reason = fields.String()


class RankingSchema(Schema):
    wish_id = fields.String(attribute="wish.id")
    skill = fields.String(attribute="wish.skill")
    target_level = fields.Integer(attribute="wish.target_level")
    weeks = fields.Integer()
    weights = fields.Dict(keys=fields.String(), values=fields.Float())
    candidates = fields.List(fields.Nested(RankedMentorSchema))
    excluded = fields.List(fields.Nested(ExclusionSchema))

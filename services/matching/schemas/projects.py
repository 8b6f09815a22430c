"""Projects, proposals, the team, meetings and the coop's view: RPC payloads and events."""

from decimal import Decimal

from marshmallow import ValidationError, fields, validate, validates_schema

from infra.schemas import Money, Page, Schema, Text
from services.matching.schemas.clients import StrictBoolean
from services.matching.schemas.fields import Hours, IsoWeekText, RoleHours, Share, Slug, level

STATUSES = ("draft", "proposed", "accepted", "running", "finished", "cancelled")


# --- Projects: input -----------------------------------------------------------------------


class RoleDetailsSchema(Schema):
    skill = Slug(required=True)
    minimum_level = level(required=True)
    hours_per_week = RoleHours(required=True)
    seats = fields.Integer(strict=True, load_default=1, validate=validate.Range(min=1, max=20))
    nice_to_have = fields.List(Slug(), load_default=list, validate=validate.Length(max=10))


class ProjectDetailsSchema(Schema):
    """A new project. A client token gives no `client_id`: the gateway sets its own."""

    client_id = fields.UUID(required=True)
    title = Text(min_length=1, max_length=200, required=True)
    description = Text(max_length=5000, load_default="")
    starts_on = fields.Date(required=True)
    ends_on = fields.Date(required=True, metadata={"description": "At most 3 years after "
                                                                  "the start."})
    budget = Money(allow_none=True, load_default=None, maximum=Decimal("100000000"),
                   metadata={"description": "EUR for all primaries over the whole project; "
                                            "more than 0."})
    roles = fields.List(fields.Nested(RoleDetailsSchema), required=True,
                        validate=validate.Length(min=1, max=30))
    growth_seat = StrictBoolean(load_default=False, metadata={
        "description": "One extra learner seat next to a strong mentor, billed at the coop's "
                       "discount."})
    checkin_every_weeks = fields.Integer(strict=True, load_default=4,
                                         validate=validate.Range(min=1, max=26))


class ProjectChangesSchema(ProjectDetailsSchema):
    """Any of the details but `client_id`, at least one; `roles` are replaced as a whole."""

    class Meta(Schema.Meta):
        exclude = ("client_id",)

    @validates_schema
    def at_least_one_change(self, data, **kwargs):
        if not data:
            raise ValidationError("Give at least one field to change.")


project_changes_schema = ProjectChangesSchema(
    partial=tuple(name for name in ProjectDetailsSchema().fields if name != "client_id"))


class ProjectQuerySchema(Page):
    client_id = fields.UUID(load_default=None, allow_none=True)
    status = fields.String(load_default=None, validate=validate.OneOf(STATUSES))


class CancellationSchema(Schema):
    reason = Text(min_length=1, max_length=500, required=True)


# --- Projects: output ----------------------------------------------------------------------


class RoleSchema(Schema):
    id = fields.String()
    skill = fields.String()
    minimum_level = fields.Integer()
    hours_per_week = Hours()
    seats = fields.Integer()
    nice_to_have = fields.List(fields.String())


class ProjectSchema(Schema):
    id = fields.String()
    client_id = fields.String()
    title = fields.String()
    description = fields.String()
    starts_on = fields.Date()
    ends_on = fields.Date()
    budget = Money(allow_none=True)
    roles = fields.List(fields.Nested(RoleSchema))
    growth_seat = fields.Boolean()
    checkin_every_weeks = fields.Integer()
    status = fields.String(validate=validate.OneOf(STATUSES))
    version = fields.Integer(metadata={"description": "+1 on every change; a proposal is for "
                                                      "one version."})
    created_at = fields.AwareDateTime()
    updated_at = fields.AwareDateTime()


class ProjectPageSchema(Schema):
    items = fields.List(fields.Nested(ProjectSchema))
    next_cursor = fields.String(allow_none=True)


# --- Proposals --------------------------------------------------------------------------------


class ProposalRequestSchema(Schema):
    mode = fields.String(load_default="auto", validate=validate.OneOf(("auto", "exact",
                                                                       "heuristic")))


class AcceptanceSchema(Schema):
    option = fields.Integer(strict=True, load_default=0, validate=validate.Range(min=0, max=2),
                            metadata={"description": "0: the best team; 1, 2: alternatives."})


class SeatPartsSchema(Schema):
    skill_fit = fields.Float()
    nice_to_have = fields.Float()
    client_continuity = fields.Float()
    coworkers = fields.Float()
    utilisation = fields.Float()
    fairness = fields.Float()


class RunnerUpSchema(Schema):
    member_id = fields.String()
    lost_on = fields.String()
    detail = fields.String()


class ExplanationSchema(Schema):
    parts = fields.Nested(SeatPartsSchema)
    why = fields.List(fields.String())
    runner_up = fields.Nested(RunnerUpSchema, allow_none=True)


class BackupSchema(Schema):
    member_id = fields.String()
    skill_fit = fields.Float()
    client_continuity = fields.Float()
    slack_share = fields.Float()
    short_weeks = fields.List(fields.String())
    score = fields.Float()
    explanation = fields.String()


class ProposedSeatSchema(Schema):
    role_id = fields.String()
    role_index = fields.Integer()
    seat_index = fields.Integer()
    skill = fields.String()
    hours_per_week = Hours()
    primary = fields.String(metadata={"description": "The member id of the primary."})
    hourly_rate = Money()
    cost = Money(metadata={"description": "hours × rate × weeks of the project."})
    backup = fields.Nested(BackupSchema, allow_none=True)
    explanation = fields.Nested(ExplanationSchema)


class SeatGapSchema(Schema):
    role_index = fields.Integer()
    seat_index = fields.Integer()
    skill = fields.String()
    minimum_level = fields.Integer()
    reason = fields.String(metadata={"description": "no_skill, no_capacity, taken or budget."})
    message = fields.String()
    skilled_members = fields.Integer()
    weeks = fields.List(fields.String())


class TeamScoreSchema(Schema):
    filled_seats = fields.Integer()
    total_seats = fields.Integer()
    skill_fit = fields.Float()
    nice_to_have = fields.Float()
    client_continuity = fields.Float()
    coworkers = fields.Float()
    fairness = fields.Float()
    max_utilisation = fields.Float()
    objective = fields.Float()


class GrowthSeatSchema(Schema):
    skill = fields.String(allow_none=True)
    mentor_id = fields.String(allow_none=True)
    learner_id = fields.String(allow_none=True)
    learner_level = fields.Integer(allow_none=True)
    hours_per_week = Hours(allow_none=True)
    hourly_rate = Money(allow_none=True)
    cost = Money(allow_none=True)
    explanation = fields.String(allow_none=True)
    reason = fields.String(allow_none=True, metadata={"description": "Why there is none."})


class ProposedTeamSchema(Schema):
    seats = fields.List(fields.Nested(ProposedSeatSchema))
    gaps = fields.List(fields.Nested(SeatGapSchema))
    score = fields.Nested(TeamScoreSchema)
    total_cost = Money()
    growth_seat = fields.Nested(GrowthSeatSchema, allow_none=True)


class TeamProposalSchema(Schema):
    """The solver's result, as stored with the proposal."""

    weeks = fields.List(fields.String())
    best = fields.Nested(ProposedTeamSchema)
    alternatives = fields.List(fields.Nested(ProposedTeamSchema))
    mode = fields.String(metadata={"description": "exact (MILP) or heuristic."})
    optimal = fields.Boolean()
    candidates_considered = fields.Integer()
    options_per_role = fields.List(fields.Integer())


class ProposalSchema(TeamProposalSchema):
    id = fields.String()
    project_id = fields.String()
    project_version = fields.Integer()
    client_id = fields.String()
    created_at = fields.AwareDateTime()
    status = fields.String(validate=validate.OneOf(("open", "accepted", "superseded")))
    accepted_option = fields.Integer(allow_none=True)


class ProposalListSchema(Schema):
    items = fields.List(fields.Nested(ProposalSchema))


# --- The team ---------------------------------------------------------------------------------


class AssignmentSchema(Schema):
    id = fields.String()
    project_id = fields.String()
    client_id = fields.String()
    seat_id = fields.String()
    member_id = fields.String()
    role_id = fields.String(allow_none=True)
    skill = fields.String()
    hours_per_week = Hours()
    starts_on = fields.Date()
    ends_on = fields.Date()
    hourly_rate = Money()
    kind = fields.String(validate=validate.OneOf(("primary", "stand_in", "learner")))
    status = fields.String(validate=validate.OneOf(("confirmed", "ended")))
    ended_on = fields.Date(allow_none=True)


class AssignmentListSchema(Schema):
    items = fields.List(fields.Nested(AssignmentSchema))


class SeatSchema(Schema):
    id = fields.String()
    role_id = fields.String(allow_none=True)
    index = fields.Integer()
    primary = fields.String()
    backup = fields.String(allow_none=True)


class TeamSchema(Schema):
    project_id = fields.String()
    seats = fields.List(fields.Nested(SeatSchema))
    assignments = fields.List(fields.Nested(AssignmentSchema))
    external_members = fields.List(fields.Nested(
        "services.matching.schemas.federation.ExternalMemberSchema"),
        metadata={"description": "Partner coops' members on seats of this project"})


# --- Meetings ---------------------------------------------------------------------------------


class EndorsementDetailsSchema(Schema):
    member_id = fields.UUID(required=True)
    skill = Slug(required=True)
    level = level(required=True)
    comment = Text(max_length=2000, load_default="")


class RatingDetailsSchema(Schema):
    """A check-in rating. `by` and `member_id` are set by the gateway from the token (an
    operator gives them); only the client endorses."""

    by = fields.String(required=True, validate=validate.OneOf(("client", "member")))
    member_id = fields.UUID(load_default=None, allow_none=True)
    rating = level(required=True, metadata={"description": "1 (poor) to 5 (excellent)."})
    comment = Text(max_length=2000, load_default="")
    endorsements = fields.List(fields.Nested(EndorsementDetailsSchema), load_default=list,
                               validate=validate.Length(max=50))

    @validates_schema
    def member_rates_as_member(self, data, **kwargs):
        if data.get("by") == "member" and data.get("member_id") is None:
            raise ValidationError("A member's rating names the member.", "member_id")


class RescheduleSchema(Schema):
    scheduled_on = fields.Date(required=True)


class EndorsementSchema(Schema):
    member_id = fields.String()
    skill = fields.String()
    level = fields.Integer()
    comment = fields.String()


class RatingSchema(Schema):
    id = fields.String()
    by = fields.String()
    member_id = fields.String(allow_none=True)
    rating = fields.Integer()
    comment = fields.String()
    recorded_at = fields.AwareDateTime()
    endorsements = fields.List(fields.Nested(EndorsementSchema))


class MeetingSchema(Schema):
    id = fields.String()
    project_id = fields.String()
    kind = fields.String(validate=validate.OneOf(("introduction", "checkin")))
    scheduled_on = fields.Date()
    attendees = fields.List(fields.String(), metadata={
        "description": "The client's contact person and the team's member ids."})
    ratings = fields.List(fields.Nested(RatingSchema))


class MeetingListSchema(Schema):
    items = fields.List(fields.Nested(MeetingSchema))


class HealthSchema(Schema):
    """How the collaboration is going: the check-in ratings of both sides."""

    client_average = fields.Float(allow_none=True)
    members_average = fields.Float(allow_none=True)
    client_trend = fields.Integer(allow_none=True, metadata={
        "description": "The client's last rating minus its first."})
    rated_checkins = fields.Integer()
    overdue_checkins = fields.Integer(metadata={
        "description": "Check-ins in the past the client has not rated."})
    next_meeting = fields.Nested(MeetingSchema, allow_none=True)
    meetings = fields.List(fields.Nested(MeetingSchema))


class TimelineEntrySchema(Schema):
    id = fields.String()
    at = fields.AwareDateTime()
    kind = fields.String()
    summary = fields.String()
    data = fields.Dict()


class TimelineSchema(Schema):
    items = fields.List(fields.Nested(TimelineEntrySchema))


# --- The coop's view ----------------------------------------------------------------------


class FairnessQuerySchema(Schema):
    from_week = IsoWeekText(load_default=None, metadata={"description": "Default: this week."})
    to_week = IsoWeekText(load_default=None, metadata={
        "description": "Default: 26 weeks from `from_week`; at most 156 weeks after it."})

    @validates_schema
    def a_horizon_forwards(self, data, **kwargs):
        first, last = data.get("from_week"), data.get("to_week")
        if first and last and not first <= last:
            raise ValidationError("Not before from_week.", "to_week")
        if first and last and int(last[:4]) - int(first[:4]) > 3:
            raise ValidationError("At most 3 years after from_week.", "to_week")


class MemberUtilisationSchema(Schema):
    member_id = fields.String()
    utilisation = fields.Float(allow_none=True)


class FairnessSchema(Schema):
    from_week = fields.String()
    to_week = fields.String()
    members = fields.Integer()
    gini_utilisation = fields.Float()
    gini_hours = fields.Float()
    top_10_percent_share = fields.Float()
    utilisation = fields.List(fields.Nested(MemberUtilisationSchema))


class SettingsSchema(Schema):
    """The coop's weights and limits for team proposals (see the matching README)."""

    skill_weight = fields.Float(validate=validate.Range(min=0, max=100))
    self_assessed_factor = fields.Float(validate=validate.Range(min=0, max=1))
    nice_to_have_weight = fields.Float(validate=validate.Range(min=0, max=100))
    client_continuity_weight = fields.Float(validate=validate.Range(min=0, max=100))
    unrated_client_history = fields.Float(validate=validate.Range(min=0, max=1))
    coworker_weight = fields.Float(validate=validate.Range(min=0, max=100))
    fairness_weight = fields.Float(validate=validate.Range(min=0, max=100))
    backup_slack_weight = fields.Float(validate=validate.Range(min=0, max=100))
    exact_max_candidates_per_role = fields.Integer(strict=True,
                                                   validate=validate.Range(min=0, max=1000))
    exact_time_limit_seconds = fields.Float(validate=validate.Range(min=0.1, max=60))
    heuristic_candidates_per_role = fields.Integer(strict=True,
                                                   validate=validate.Range(min=1, max=500))
    alternatives = fields.Integer(strict=True, validate=validate.Range(min=0, max=2))
    alternative_min_difference = fields.Float(validate=validate.Range(min=0, max=1))
    mentor_min_level = level()
    growth_seat_discount = Share(metadata={
        "description": 'A share from "0.00" to "1.00": "0.50" bills the learner at half rate.'})


class SettingsChangesSchema(SettingsSchema):
    @validates_schema
    def at_least_one_change(self, data, **kwargs):
        if not data:
            raise ValidationError("Give at least one setting to change.")

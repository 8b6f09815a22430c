"""Rules a lead, its conversion or a client relationship can break, named so the name is
the message a user reads (the rules of projects and teams are in `errors.py`)."""

from infra.errors import Conflict, Invalid, NotFound, field_error


class LeadNotFound(NotFound):
    def __init__(self, lead_id: str):
        super().__init__(f"No lead with id {lead_id}.")


class LeadTransitionNotAllowed(Conflict):
    def __init__(self, lead_id: str, action: str, status: str, allowed_from: tuple):
        super().__init__(f"Cannot {action} lead {lead_id}: it is {status}; only a lead that "
                         f"is {' or '.join(allowed_from)} can {action}.")


class LeadPeriodReversed(Invalid):
    def __init__(self, starts_on, ends_on):
        super().__init__(f"The period ends on {ends_on}, before it starts on {starts_on}.",
                         field_error("ends_on", "The end date cannot be before the start date."))


class LeadBudgetReversed(Invalid):
    def __init__(self, budget_min, budget_max):
        super().__init__(f"The budget range runs from EUR {budget_min} down to EUR "
                         f"{budget_max}.",
                         field_error("budget_max", "The maximum cannot be below the minimum."))


class LeadFinderMissing(Invalid):
    def __init__(self):
        super().__init__("A lead a member found names that member.",
                         field_error("found_by_member_id",
                                     "Give the id of the member who found the lead."))


class LeadFinderOnlyForMemberLeads(Invalid):
    def __init__(self, source: str):
        super().__init__(f"A lead from {source} has no finder among the members.",
                         field_error("found_by_member_id",
                                     "Leave it out, or set source to member."))


class ContactNotYetTaken(Invalid):
    def __init__(self, contacted_on, today):
        super().__init__(f"Contact on {contacted_on} has not been taken yet (today is "
                         f"{today}).",
                         field_error("contacted_on", "The day contact was taken: today or "
                                                     "earlier."))


class IntakeBeforeContact(Invalid):
    def __init__(self, intake_on, contacted_on):
        super().__init__(f"The intake on {intake_on} would be before contact was taken on "
                         f"{contacted_on}.",
                         field_error("intake_on", f"On {contacted_on} or later."))


class NotAnActiveMember(Invalid):
    def __init__(self, field: str, member_id: str):
        super().__init__(f"Member {member_id} is not an active member of the coop.",
                         field_error(field, "Give the id of an active member."))


class ConversionNeedsPeriod(Invalid):
    def __init__(self, missing: list[str]):
        super().__init__("The lead has no period for the project: give the dates.",
                         [{"field": f"project.{name}",
                           "message": "The lead does not say; give the date."}
                          for name in missing])


class ConversionNeedsRoles(Invalid):
    def __init__(self):
        super().__init__("The lead names no roles: give the project's roles.",
                         field_error("project.roles", "Give at least one role."))


class NoteNotYetTaken(Invalid):
    def __init__(self, contacted_on, today):
        super().__init__(f"A note records contact that was taken; {contacted_on} is after "
                         f"today ({today}).",
                         field_error("contacted_on", "Today or earlier."))


class RelationshipSettingOutOfRange(Invalid):
    def __init__(self, name: str, message: str):
        super().__init__(f"Relationship setting out of range: {name}.",
                         field_error(name, message))

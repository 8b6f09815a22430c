"""Rules a request can break, named so the name is the message a user reads."""

from infra.errors import Conflict, Invalid, NotFound, field_error


class CandidateNotFound(NotFound):
    def __init__(self, member_id: str):
        super().__init__(f"No candidate with member id {member_id}.")


class ClientNotFound(NotFound):
    def __init__(self, client_id: str):
        super().__init__(f"No client with id {client_id}.")


class VatIdMustMatchCountry(Invalid):
    def __init__(self, vat_id: str, vat_country: str, country: str):
        super().__init__(
            f"VAT id {vat_id} belongs to {vat_country}, not to the client's country {country}.",
            [{"field": "vat_id",
              "message": f"This VAT id belongs to {vat_country}, not to {country}: give the "
                         "client's own VAT id, or change country and vat_id together."}],
        )


class KvkNumberOnlyForDutchClients(Invalid):
    def __init__(self, country: str):
        super().__init__(
            f"A KvK number is only for clients in the Netherlands (NL), not {country}.",
            [{"field": "kvk_number",
              "message": f"A KvK number is only for clients in NL; this client is in {country}: "
                         "leave kvk_number out (or null), or change country and kvk_number "
                         "together."}],
        )


class ProjectNotFound(NotFound):
    def __init__(self, project_id: str):
        super().__init__(f"No project with id {project_id}.")


class ProjectClientUnknown(Invalid):
    def __init__(self, client_id: str):
        super().__init__(f"No client organisation with id {client_id}.",
                         field_error("client_id", "Register the client organisation first."))


class ProjectCannotChange(Conflict):
    def __init__(self, project_id: str, status: str):
        super().__init__(f"Project {project_id} is {status}: a project can only be changed "
                         "while it is a draft or proposed, before a team is accepted.")


class ProjectTransitionNotAllowed(Conflict):
    def __init__(self, project_id: str, action: str, status: str, allowed_from: tuple):
        super().__init__(f"Cannot {action} project {project_id}: it is {status}; only a "
                         f"project that is {' or '.join(allowed_from)} can {action}.")


class ProposalNotFound(NotFound):
    def __init__(self, proposal_id: str):
        super().__init__(f"No proposal with id {proposal_id}.")


class ProposalNoLongerOpen(Conflict):
    def __init__(self, proposal_id: str, status: str):
        super().__init__(f"Proposal {proposal_id} is {status}; only an open proposal can be "
                         "accepted. Ask for a new proposal.")


class ProposalForOlderProjectVersion(Conflict):
    def __init__(self, proposal_id: str):
        super().__init__(f"The project changed after proposal {proposal_id} was made; ask for "
                         "a new proposal.")


class NoSuchTeamOption(Invalid):
    def __init__(self, option: int, options: int):
        super().__init__(f"The proposal has {options} team option(s): 0 is the best team, "
                         "1 and 2 the alternatives.",
                         field_error("option", f"From 0 to {options - 1}; got {option}."))


class ProposedTeamHasGaps(Conflict):
    def __init__(self, seats: list[str]):
        super().__init__("This team leaves seats unfilled: " + "; ".join(seats) + ". Change "
                         "the project (roles, dates, hours) and ask for a new proposal.")


class MeetingNotFound(NotFound):
    def __init__(self, meeting_id: str):
        super().__init__(f"No meeting with id {meeting_id} in this project.")


class OnlyTheTeamRatesTheCollaboration(Invalid):
    def __init__(self, member_id: str):
        super().__init__(f"Member {member_id} is not in this project's team.",
                         field_error("member_id", "Only a member of the team rates the "
                                                  "collaboration."))


class CheckinAlreadyRated(Conflict):
    def __init__(self, who: str):
        super().__init__(f"{who} already rated this check-in; each side rates it once.")


class NoTeamYet(Conflict):
    def __init__(self, project_id: str, status: str):
        super().__init__(f"Project {project_id} is {status}: check-ins start once a team is "
                         "accepted.")


class EndorsedMemberNotInTeam(Invalid):
    def __init__(self, index: int, member_id: str):
        super().__init__(f"Member {member_id} is not in this project's team.",
                         field_error(f"endorsements[{index}].member_id",
                                     "Endorse a member of the project's team."))


class FairnessHorizonOutOfRange(Invalid):
    def __init__(self, first, last, most: int):
        super().__init__(
            f"A fairness horizon runs forwards and spans at most {most} weeks; "
            f"{first} to {last} does not.",
            field_error("to_week", f"From from_week ({first}) to at most {most - 1} weeks "
                                   "after it."))

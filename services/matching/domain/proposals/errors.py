"""Rules a project or an acceptance can break, named so the name is the message a user reads.

Each rule is checked for every field at once: the error's `errors` name every field
that breaks it (`roles[2].hours_per_week`), so a client fixes all of them in one go.
"""

from datetime import date

from infra.errors import Conflict, Invalid


def _fields(problems: list[tuple[str, str]]) -> list[dict]:
    return [{"field": field, "message": message} for field, message in problems]


class ProjectEndsBeforeStart(Invalid):
    def __init__(self, starts_on: date, ends_on: date):
        super().__init__(
            f"The project ends on {ends_on}, before it starts on {starts_on}.",
            _fields([("ends_on", "The end date cannot be before the start date.")]),
        )


class ProjectLongerThanThreeYears(Invalid):
    def __init__(self, starts_on: date, ends_on: date, latest: date):
        super().__init__(
            f"A project lasts at most 3 years: starting on {starts_on}, it ends by {latest}, "
            f"not {ends_on}.",
            _fields([("ends_on", f"At most 3 years after the start: {latest} or earlier.")]),
        )


class ProjectHasNoWorkingDays(Invalid):
    def __init__(self, starts_on: date, ends_on: date):
        super().__init__(
            f"From {starts_on} to {ends_on} there is no working day (Monday to Friday).",
            _fields([("ends_on", "A project needs at least one working day.")]),
        )


class ProjectNeedsRoles(Invalid):
    def __init__(self):
        super().__init__("A project needs at least one role.",
                         _fields([("roles", "Give at least one role.")]))


class BudgetMustBePositive(Invalid):
    def __init__(self, budget):
        super().__init__(f"A budget is more than EUR 0; got {budget}.",
                         _fields([("budget", "Leave the budget out, or give more than 0.")]))


class UnknownSkill(Invalid):
    def __init__(self, unknown: list[tuple[str, str]]):
        """`unknown`: (field, slug) for every skill the taxonomy does not know."""
        slugs = ", ".join(repr(slug) for _, slug in unknown)
        super().__init__(
            f"Not in the skill taxonomy: {slugs}.",
            _fields([(field, f"Unknown skill {slug!r}; see the skill list or ask an operator.")
                     for field, slug in unknown]),
        )


class LevelOutOfRange(Invalid):
    def __init__(self, problems: list[tuple[str, str]]):
        super().__init__("A minimum level is a whole number from 1 to 5.", _fields(problems))


class HoursPerWeekOutOfRange(Invalid):
    def __init__(self, problems: list[tuple[str, str]]):
        super().__init__("Hours per week are more than 0 and at most 40.", _fields(problems))


class SeatsMustBePositive(Invalid):
    def __init__(self, problems: list[tuple[str, str]]):
        super().__init__("A role has at least one seat.", _fields(problems))


class SettingOutOfRange(Invalid):
    def __init__(self, problems: list[tuple[str, str]]):
        names = ", ".join(field for field, _ in problems)
        super().__init__(f"Proposal settings out of range: {names}.", _fields(problems))


class ProposalIsStale(Conflict):
    """Capacity changed since the proposal was made: accepting it would double-book someone."""

    def __init__(self, problems: list[tuple[str, str]]):
        shown = "; ".join(message for _, message in problems[:5])
        more = f" (and {len(problems) - 5} more)" if len(problems) > 5 else ""
        super().__init__(
            f"The proposal is stale: {shown}{more}. Ask for a new proposal.", _fields(problems)
        )

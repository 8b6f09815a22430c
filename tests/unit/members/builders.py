"""Small builders for the members unit tests: people, a founded coop, dates."""

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

from services.members.domain import use_cases

TODAY = datetime.now(UTC).date()


def details(n: int = 0, **overrides) -> dict:
    """What an operator registers for someone (already validated, as the schema returns it)."""
    return {
        "name": f"Member {n}",
        "email": f"member{n}@example.nl",
        "kvk_number": "70000001",
        "btw_id": "NL100023757B01",
        "iban": "NL91ABNA0417164300",
        "hourly_rate": Decimal("85.00"),
        **overrides,
    }


def applicant(uow, n: int, **overrides):
    return use_cases.create_member(uow, details(n, **overrides))


def active_member(uow, n: int, **overrides):
    """A member made active; the first two are founders, later ones get two sponsors."""
    member = applicant(uow, n, **overrides)
    founders = uow_members(uow, "active")
    if len(founders) >= 2:
        for sponsor in founders[:2]:
            use_cases.sponsor_applicant(uow, member.id, sponsor.id, TODAY, "We met.")
    return use_cases.activate_member(uow, member.id)


def founded_coop(uow, size: int = 2) -> list:
    """`size` active members (two founders, the rest sponsored by them)."""
    return [active_member(uow, n) for n in range(1, size + 1)]


def uow_members(uow, status: str) -> list:
    page = use_cases.list_members(uow, 100, None, status=status)
    return page.items


def days(n: int) -> timedelta:
    return timedelta(days=n)


def monday_in(weeks: int) -> date:
    """The Monday `weeks` weeks after this week's Monday."""
    return TODAY - timedelta(days=TODAY.weekday()) + timedelta(weeks=weeks)

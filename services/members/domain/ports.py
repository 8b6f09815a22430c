"""What the use cases need from storage; adapters and test fakes provide it."""

from datetime import date
from typing import Protocol

from services.members.domain.admission import Sponsorship
from services.members.domain.availability import CapacityFacts
from services.members.domain.directory import CoopFigures, SearchTerm
from services.members.domain.member import Member
from services.members.domain.skills import Skill, Taxonomy


class MemberRepository(Protocol):
    def add(self, member: Member) -> None: ...

    def get(self, member_id: str) -> Member | None: ...

    def get_by_email(self, email: str) -> Member | None: ...

    def save(self, member: Member) -> None:
        """Store a changed member; `Conflict` if it changed since it was read."""

    def page(self, limit: int, cursor: str | None, status: str | None = None,
             member_ids: list[str] | None = None, skill: str | None = None):
        """Members in registration order: an `infra.pagination.Page` of `Member`."""

    def count_with_status(self, status: str) -> int: ...

    def directory_page(self, limit: int, cursor: str | None, terms: list[SearchTerm],
                       skill: str | None = None):
        """Listed active members matching every term (and having `skill`), in registration
        order: a `DirectoryPage`."""

    def coop_figures(self) -> CoopFigures: ...

    def statuses(self, member_ids: list[str]) -> dict[str, str]:
        """member id → status, for the ids that exist."""

    def sponsorships_by(self, sponsor_id: str) -> list[tuple[str, Sponsorship]]:
        """(applicant id, sponsorship) for every applicant `sponsor_id` sponsored."""

    def capacity_facts(self, member_ids: list[str], first_day: date,
                       last_day: date) -> dict[str, CapacityFacts]:
        """What availability needs for these members over these days, in a few queries."""

    def forget_published_events(self, member_id: str) -> int:
        """Delete already-published outbox rows about the member (erasure)."""


class SkillRepository(Protocol):
    def taxonomy(self) -> Taxonomy: ...

    def add(self, skill: Skill) -> None: ...

    def put(self, skill: Skill) -> None:
        """Store the coop's version of a skill (added or shipped), replacing any earlier."""


class UnitOfWork(Protocol):
    members: MemberRepository
    skills: SkillRepository

    def __enter__(self) -> "UnitOfWork": ...

    def __exit__(self, *exc_info) -> None: ...

    def publish(self, event) -> None: ...

    def already_handled(self, event: dict) -> bool: ...

    def mark_handled(self, event: dict) -> None: ...

    def commit(self) -> None: ...

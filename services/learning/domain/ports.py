"""What the use cases need from storage and from the members service."""

from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal
from typing import Protocol

from services.learning.domain.badges.badge import Badge
from services.learning.domain.budget import DevelopmentRequest, Fund
from services.learning.domain.endorsements import Endorsement
from services.learning.domain.member_view import MemberView
from services.learning.domain.mentorship import Mentorship
from services.learning.domain.offers import Offer, Wish
from services.learning.domain.sessions import Session
from services.learning.domain.skill_gap import CoverageGap, RoleDemand
from services.learning.domain.verification import Verification
from services.learning.domain.work_history import Assignment

# member ids, first and last ISO week ("2026-W05") → hours each member can work in those
# weeks together; None when the members service cannot answer now.
AvailabilityLookup = Callable[[list[str], str, str], dict[str, Decimal] | None]


class MemberViews(Protocol):
    def get(self, member_id: str) -> MemberView | None: ...

    def get_many(self, member_ids: list[str]) -> dict[str, MemberView]: ...

    def put(self, view: MemberView) -> None: ...

    def active(self) -> list[MemberView]: ...


class WorkHistory(Protocol):
    def put(self, assignment: Assignment) -> None:
        """Store or replace an assignment (matching may confirm it again, changed)."""

    def of_members(self, member_ids: list[str]) -> list[Assignment]: ...


class Offers(Protocol):
    def add(self, offer: Offer) -> None: ...

    def get(self, offer_id: str) -> Offer | None: ...

    def save(self, offer: Offer) -> None: ...

    def open_skills(self, member_id: str) -> set[str]: ...

    def open_for_skill(self, skill: str) -> list[Offer]: ...

    def open_of(self, member_id: str, skill: str) -> Offer | None: ...

    def page(self, limit: int, cursor: str | None, **filters): ...

    def open_per_skill(self) -> dict[str, int]: ...


class Wishes(Protocol):
    def add(self, wish: Wish) -> None: ...

    def get(self, wish_id: str) -> Wish | None: ...

    def save(self, wish: Wish) -> None: ...

    def open_skills(self, member_id: str) -> set[str]: ...

    def page(self, limit: int, cursor: str | None, **filters): ...

    def open_per_skill(self) -> dict[str, int]: ...


class Mentorships(Protocol):
    def add(self, mentorship: Mentorship) -> None: ...

    def get(self, mentorship_id: str) -> Mentorship | None: ...

    def save(self, mentorship: Mentorship) -> None: ...

    def under_way_for_wish(self, wish_id: str) -> Mentorship | None: ...

    def loads(self, mentor_ids: list[str]) -> dict[str, int]:
        """mentor id → accepted and active mentorships (ids without any are left out)."""

    def partners_of(self, member_id: str) -> set[str]:
        """Everyone the member had an accepted, active or completed mentorship with."""

    def mentored(self, mentor_id: str, mentee_id: str) -> list[str]:
        """Ids of active or completed mentorships in which the one mentored the other."""

    def page_for(self, member_id: str | None, limit: int, cursor: str | None,
                 status: str | None = None): ...


class Sessions(Protocol):
    def add(self, session: Session) -> None: ...

    def get(self, session_id: str) -> Session | None: ...

    def save(self, session: Session) -> None: ...

    def of_mentorship(self, mentorship_id: str) -> list[Session]: ...


class Endorsements(Protocol):
    def add(self, endorsement: Endorsement) -> None: ...

    def get(self, endorsement_id: str) -> Endorsement | None: ...

    def save(self, endorsement: Endorsement) -> None: ...

    def of_skill(self, member_id: str, skill: str) -> list[Endorsement]:
        """Every endorsement of the member's skill, withdrawn ones included."""

    def standing_by(self, endorser_kind: str, endorser_id: str, member_id: str,
                    skill: str) -> Endorsement | None: ...

    def get_many(self, endorsement_ids: list[str]) -> list[Endorsement]: ...

    def page(self, limit: int, cursor: str | None, **filters): ...


class Verifications(Protocol):
    def get(self, member_id: str, skill: str) -> Verification | None: ...

    def put(self, verification: Verification) -> None: ...

    def remove(self, member_id: str, skill: str) -> None: ...

    def of_member(self, member_id: str) -> list[Verification]: ...


class Badges(Protocol):
    def add(self, badge: Badge) -> None: ...

    def get(self, badge_id: str) -> Badge | None: ...

    def save(self, badge: Badge) -> None: ...

    def of_member(self, member_id: str, skill: str | None = None) -> list[Badge]: ...


class DevelopmentBudget(Protocol):
    def add_contribution(self, contribution_id: str, member_id: str | None, year: int,
                         amount: Decimal, booked_on: date) -> bool:
        """Record a contribution once; False if its id was recorded before."""

    def fund(self) -> Fund: ...

    def contributed_in(self, year: int) -> Decimal: ...

    def totals(self, member_id: str, year: int) -> tuple[Decimal, Decimal]:
        """(approved, pending) amounts of the member's requests of `year`."""

    def add(self, request: DevelopmentRequest) -> None: ...

    def get(self, request_id: str) -> DevelopmentRequest | None: ...

    def save(self, request: DevelopmentRequest) -> None: ...

    def page(self, limit: int, cursor: str | None, **filters): ...


class Demand(Protocol):
    def add_roles(self, roles: list[RoleDemand], client_id: str) -> None: ...

    def add_gap(self, gap: CoverageGap) -> None: ...

    def roles_since(self, moment: datetime) -> list[RoleDemand]: ...

    def gaps_since(self, moment: datetime) -> list[CoverageGap]: ...


class UnitOfWork(Protocol):
    members: MemberViews
    work: WorkHistory
    offers: Offers
    wishes: Wishes
    mentorships: Mentorships
    sessions: Sessions
    endorsements: Endorsements
    verifications: Verifications
    badges: Badges
    budget: DevelopmentBudget
    demand: Demand

    def __enter__(self) -> "UnitOfWork": ...

    def __exit__(self, *exc_info) -> None: ...

    def publish(self, event) -> None: ...

    def already_handled(self, event: dict) -> bool: ...

    def mark_handled(self, event: dict) -> None: ...

    def commit(self) -> None: ...

"""What matching's use cases need from storage; adapters and test fakes provide it."""

from collections.abc import Collection
from datetime import date, datetime
from typing import Protocol

from services.matching.domain.assignments import Assignment, Seat
from services.matching.domain.candidate import (
    Candidate,
    CandidateRecord,
    MemberCapacity,
    UnavailablePeriod,
)
from services.matching.domain.client import Client
from services.matching.domain.leads import Lead
from services.matching.domain.meetings import Meeting
from services.matching.domain.projects import Project
from services.matching.domain.proposals import ProposalSettings
from services.matching.domain.relationships import (
    ClientContact,
    ClientInvoice,
    RelationshipNote,
    RelationshipOwner,
    RelationshipSettings,
)
from services.matching.domain.team_proposals import Proposal
from services.matching.domain.timeline import TimelineEntry


class CandidateRepository(Protocol):
    def get(self, member_id: str) -> Candidate | None: ...

    def put(self, candidate: Candidate) -> None:
        """Insert the candidate, skills included, or replace an older version of it.

        `Conflict` if a newer version was stored since it was read.
        """

    def capacity(self, member_id: str) -> MemberCapacity | None:
        """The capacity last recorded for the member; None before any capacity event."""

    def put_capacity(self, capacity: MemberCapacity) -> None:
        """Insert the capacity, overrides included, or replace an older version; as `put`."""

    def period(self, unavailability_id: str) -> UnavailablePeriod | None:
        """The period with this id, also when it was removed (a tombstone)."""

    def put_period(self, period: UnavailablePeriod) -> None:
        """Insert the period or replace an older version of it (by id); as `put`."""

    def pool(self, skills: Collection[str]) -> list[CandidateRecord]:
        """Every candidate with at least one of `skills` (declared or verified), with
        capacity and live periods, in a constant number of queries."""

    def records(self, member_ids: Collection[str]) -> dict[str, CandidateRecord]:
        """The same as `pool`, for these members; unknown ids are left out."""

    def active(self) -> list[CandidateRecord]:
        """Every active member's record."""


class ClientRepository(Protocol):
    def add(self, client: Client) -> None: ...

    def get(self, client_id: str) -> Client | None: ...

    def save(self, client: Client) -> None:
        """Store a changed client; `Conflict` if it changed since it was read."""

    def page(self, limit: int, cursor: str | None):
        """Clients in registration order: an `infra.pagination.Page`."""


class ProjectRepository(Protocol):
    def add(self, project: Project) -> None: ...

    def get(self, project_id: str) -> Project | None: ...

    def save(self, project: Project) -> None:
        """Store a changed project; `Conflict` if it changed since it was read."""

    def page(self, limit: int, cursor: str | None, client_id: str | None = None,
             status: str | None = None):
        """Projects in creation order: an `infra.pagination.Page`."""


class ProposalRepository(Protocol):
    def add(self, proposal: Proposal) -> None: ...

    def get(self, proposal_id: str) -> Proposal | None: ...

    def for_project(self, project_id: str, status: str | None = None) -> list[Proposal]: ...

    def save(self, proposal: Proposal) -> None:
        """Store its status and accepted option."""

    def name_member(self, client_id: str, member_id: str) -> bool:
        """Whether a proposal to this client names the member."""


class SeatRepository(Protocol):
    def add(self, seat: Seat) -> None: ...

    def save(self, seat: Seat) -> None: ...

    def for_project(self, project_id: str) -> list[Seat]: ...

    def held_by(self, member_id: str) -> list[Seat]:
        """Seats the member holds as primary or backup in projects with a confirmed team."""


class AssignmentRepository(Protocol):
    def add(self, assignment: Assignment) -> None: ...

    def save(self, assignment: Assignment) -> None: ...

    def for_project(self, project_id: str) -> list[Assignment]: ...

    def confirmed_for(self, member_ids: Collection[str]) -> list[Assignment]: ...

    def all_for(self, member_ids: Collection[str]) -> list[Assignment]: ...

    def any_for(self, client_id: str, member_id: str) -> bool: ...


class MeetingRepository(Protocol):
    def add(self, meeting: Meeting) -> None: ...

    def get(self, meeting_id: str) -> Meeting | None: ...

    def for_project(self, project_id: str) -> list[Meeting]: ...

    def save(self, meeting: Meeting) -> None:
        """Store its date and any new ratings."""

    def client_ratings(self, project_ids: Collection[str]) -> dict[str, list[int]]: ...


class Timeline(Protocol):
    def add(self, entry: TimelineEntry) -> None: ...

    def for_project(self, project_id: str) -> list[TimelineEntry]: ...


class Settings(Protocol):
    def get(self) -> ProposalSettings: ...

    def put(self, settings: ProposalSettings) -> None: ...


class LeadRepository(Protocol):
    def add(self, lead: Lead) -> None: ...

    def get(self, lead_id: str) -> Lead | None: ...

    def save(self, lead: Lead) -> None:
        """Store a changed lead; `Conflict` if it changed since it was read."""

    def page(self, limit: int, cursor: str | None, status: str | None = None,
             source: str | None = None, assignee_member_id: str | None = None):
        """Leads in the order they came in: an `infra.pagination.Page`."""

    def for_client(self, client_id: str) -> list[Lead]:
        """The leads converted into projects of this client, oldest first."""

    def with_contact_outlived(self, last_change_before: datetime, limit: int) -> list[Lead]:
        """Up to `limit` closed leads whose contact is still known and which were closed
        (last changed) on or before `last_change_before`."""


class Relationships(Protocol):
    def owners(self, client_id: str) -> list[RelationshipOwner]:
        """Who kept the relationship, oldest first; the last one keeps it now."""

    def add_owner(self, owner: RelationshipOwner) -> None: ...

    def add_note(self, note: RelationshipNote) -> None: ...

    def notes(self, client_id: str) -> list[RelationshipNote]: ...

    def invoice(self, invoice_id: str) -> ClientInvoice | None: ...

    def put_invoice(self, invoice: ClientInvoice) -> None:
        """Insert the invoice or replace what is kept of it."""

    def invoices(self, client_id: str) -> list[ClientInvoice]: ...

    def settings(self) -> RelationshipSettings: ...

    def put_settings(self, settings: RelationshipSettings) -> None: ...

    def client_contacts(self, today: date) -> list[ClientContact]:
        """Every client with its last contact (the rule of `domain.relationships`) and
        the member who keeps the relationship, in a constant number of queries."""


class SeatOffers(Protocol):
    """Our seat offers to partners, with the partners they went to and their candidates."""

    def add(self, offer) -> None:
        """`SeatAlreadyOffered` when the seat has an offer from the same first week."""

    def get(self, offer_id: str):
        """The `overflow.SeatOffer` with recipients and candidates, or None."""

    def save(self, offer) -> None:
        """Store its status and any new recipients and candidates."""

    def for_seat(self, seat_id: str) -> list:
        """Every offer of the seat, open or filled."""

    def page(self, status: str | None, limit: int, cursor: str | None):
        """A page (`items`, `next_cursor`) of offers, newest first."""


class Placements(Protocol):
    """Partners' members on our seats, each with its interruptions (`interruptions`)."""

    def add(self, placement) -> None: ...

    def save(self, placement) -> None:
        """Store its new end."""

    def get(self, placement_id: str): ...

    def for_project(self, project_id: str) -> list: ...

    def interruption(self, interruption_id: str):
        """The `overflow.PlacementInterruption` with that id, or None."""

    def save_interruption(self, interruption) -> None:
        """Add it, or store its new days, news time and reported weeks."""


class IncomingOffers(Protocol):
    """Partners' seat offers to us, with the candidates we offered for them."""

    def add(self, offer) -> None: ...

    def get(self, incoming_id: str): ...

    def from_partner(self, partner_id: str, offer_id: str): ...

    def save(self, offer) -> None: ...

    def page(self, status: str | None, limit: int, cursor: str | None):
        """A page (`items`, `next_cursor`) of partners' offers, newest first."""

    def add_candidate(self, candidate) -> None:
        """`MemberAlreadyOffered` when the member is offered for that offer already."""

    def save_candidate(self, candidate) -> None: ...

    def candidate(self, candidate_id: str): ...

    def candidates_for(self, incoming_ids) -> list: ...


class Lendings(Protocol):
    def add(self, lending) -> None: ...

    def save(self, lending) -> None:
        """Store its new end."""

    def get(self, lending_id: str): ...

    def active_for(self, member_ids: Collection[str]) -> list:
        """The members' lendings: they book their hours as assignments do."""

    def for_candidate(self, candidate_id: str):
        """The lending of our offered candidate, or None."""

    def page(self, limit: int, cursor: str | None):
        """A page (`items`, `next_cursor`) of lendings, newest first."""

    def interruption(self, interruption_id: str):
        """The `lending.Interruption` we told the partner of last, or None."""

    def save_interruption(self, interruption) -> None:
        """Add it, or store its new days."""


class Locks(Protocol):
    def acquire(self, name: str) -> None:
        """Hold the named lock until the transaction ends."""


class UnitOfWork(Protocol):
    candidates: CandidateRepository
    clients: ClientRepository
    projects: ProjectRepository
    proposals: ProposalRepository
    seats: SeatRepository
    assignments: AssignmentRepository
    meetings: MeetingRepository
    timeline: Timeline
    settings: Settings
    leads: LeadRepository
    relationships: Relationships
    locks: Locks
    seat_offers: SeatOffers
    placements: Placements
    incoming_offers: IncomingOffers
    lendings: Lendings

    def __enter__(self) -> "UnitOfWork": ...

    def __exit__(self, *exc_info) -> None: ...

    def publish(self, event) -> None: ...

    def already_handled(self, event: dict) -> bool: ...

    def mark_handled(self, event: dict) -> None: ...

    def commit(self) -> None: ...

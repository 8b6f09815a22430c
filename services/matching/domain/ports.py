"""What matching's use cases need from storage; adapters and test fakes provide it."""

from typing import Protocol

from services.matching.domain.candidate import Candidate
from services.matching.domain.client import Client


class CandidateRepository(Protocol):
    def get(self, member_id: str) -> Candidate | None: ...

    def put(self, candidate: Candidate) -> None:
        """Insert or replace the candidate with this member id."""


class ClientRepository(Protocol):
    def add(self, client: Client) -> None: ...

    def get(self, client_id: str) -> Client | None: ...

    def save(self, client: Client) -> None:
        """Store a changed client; `Conflict` if it changed since it was read."""

    def page(self, limit: int, cursor: str | None):
        """Clients in registration order: an `infra.pagination.Page`."""


class UnitOfWork(Protocol):
    candidates: CandidateRepository
    clients: ClientRepository

    def __enter__(self) -> "UnitOfWork": ...

    def __exit__(self, *exc_info) -> None: ...

    def publish(self, event) -> None: ...

    def already_handled(self, event: dict) -> bool: ...

    def mark_handled(self, event: dict) -> None: ...

    def commit(self) -> None: ...

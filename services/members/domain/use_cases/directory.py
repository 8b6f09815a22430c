"""The public directory and the coop's figures, for anonymous visitors of the website."""

from services.members.domain.directory import CoopFigures, search_terms
from services.members.domain.errors import MemberNotFound
from services.members.domain.member import Member
from services.members.domain.ports import UnitOfWork


def list_directory(uow: UnitOfWork, limit: int, cursor: str | None, q: str | None = None,
                   skill: str | None = None):
    """Listed active members matching the search, in registration order, with the total."""
    with uow:
        terms = search_terms(q, uow.skills.taxonomy())
        return uow.members.directory_page(limit, cursor, terms, skill)


def get_directory_profile(uow: UnitOfWork, member_id: str) -> Member:
    """A listed active member; anyone else is not found (as if they did not exist)."""
    with uow:
        member = uow.members.get(member_id)
        if member is None or not member.in_directory:
            raise MemberNotFound(member_id)
        return member


def coop_figures(uow: UnitOfWork) -> CoopFigures:
    with uow:
        return uow.members.coop_figures()

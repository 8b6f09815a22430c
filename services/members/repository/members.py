"""Members stored in SQL: the only place that maps rows to `Member` aggregates."""

from datetime import date

from sqlalchemy import and_, delete, distinct, exists, func, insert, or_, select, true, update
from sqlalchemy.orm import Session

from infra.errors import Conflict
from infra.pagination import Page, keyset_page
from services.members.domain.admission import Sponsorship
from services.members.domain.availability import CapacityFacts
from services.members.domain.directory import CoopFigures, DirectoryPage, SearchTerm
from services.members.domain.lifecycle import ACTIVE
from services.members.domain.member import Member
from services.members.models import member_skills, members, outbox, sponsorships
from services.members.repository.availability import capacity_facts
from services.members.repository.rows import (
    CHILD_TABLES,
    child_rows,
    load_members,
    member_values,
)


class SqlMemberRepository:
    def __init__(self, session: Session):
        self.session = session
        self._versions: dict[str, int] = {}  # the version each member had when read

    def add(self, member: Member) -> None:
        self.session.execute(insert(members).values(member_values(member)))
        self._insert_children(member)
        self._versions[member.id] = member.version

    def get(self, member_id: str) -> Member | None:
        return self._one(select(members).where(members.c.id == member_id))

    def get_by_email(self, email: str) -> Member | None:
        return self._one(select(members).where(members.c.email == email))

    def save(self, member: Member) -> None:
        """Write the member and replace its child rows, if nobody changed it meanwhile."""
        read_version = self._versions[member.id]
        result = self.session.execute(
            update(members)
            .where(members.c.id == member.id, members.c.version == read_version)
            .values(member_values(member))
        )
        if result.rowcount != 1:
            raise Conflict(f"Member {member.id} was changed by someone else; try again.")
        for table, member_column in CHILD_TABLES.items():
            self.session.execute(delete(table).where(member_column == member.id))
        self._insert_children(member)
        self._versions[member.id] = member.version

    def page(self, limit: int, cursor: str | None, status: str | None = None,
             member_ids: list[str] | None = None, skill: str | None = None) -> Page:
        query = select(members)
        if status is not None:
            query = query.where(members.c.status == status)
        if member_ids is not None:
            query = query.where(members.c.id.in_(member_ids))
        if skill is not None:
            query = query.where(exists().where(member_skills.c.member_id == members.c.id,
                                               member_skills.c.skill == skill))
        rows = keyset_page(self.session, query, members.c.seq, limit, cursor, lambda row: row)
        return Page(self._remember(load_members(self.session, rows.items)), rows.next_cursor)

    def directory_page(self, limit: int, cursor: str | None, terms: list[SearchTerm],
                       skill: str | None = None) -> DirectoryPage:
        """Listed active members matching every term: in name, introduction, city, or
        one of the skills whose name holds the word (`domain/directory.py`)."""
        where = [members.c.status == ACTIVE, members.c.listed_in_directory == true()]
        if skill is not None:
            where.append(_has_skills([skill]))
        for term in terms:
            found = [column.icontains(term.word, autoescape=True)
                     for column in (members.c.name, members.c.introduction, members.c.city)]
            if term.skills:
                found.append(_has_skills(term.skills))
            where.append(or_(*found))
        condition = and_(*where)
        total = self.session.execute(
            select(func.count()).select_from(members).where(condition)).scalar_one()
        rows = keyset_page(self.session, select(members).where(condition), members.c.seq,
                           limit, cursor, lambda row: row)
        return DirectoryPage(load_members(self.session, rows.items), rows.next_cursor, total)

    def coop_figures(self) -> CoopFigures:
        active = self.count_with_status(ACTIVE)
        skills = self.session.execute(
            select(func.count(distinct(member_skills.c.skill)))
            .select_from(member_skills.join(members, members.c.id == member_skills.c.member_id))
            .where(members.c.status == ACTIVE)).scalar_one()
        return CoopFigures(active_members=active, skills_covered=skills)

    def count_with_status(self, status: str) -> int:
        query = select(func.count()).select_from(members).where(members.c.status == status)
        return self.session.execute(query).scalar_one()

    def statuses(self, member_ids: list[str]) -> dict[str, str]:
        query = select(members.c.id, members.c.status).where(members.c.id.in_(member_ids))
        return {row.id: row.status for row in self.session.execute(query)}

    def sponsorships_by(self, sponsor_id: str) -> list[tuple[str, Sponsorship]]:
        query = (select(sponsorships).where(sponsorships.c.sponsor_id == sponsor_id)
                 .order_by(sponsorships.c.recorded_at))
        return [(row.applicant_id,
                 Sponsorship(row.sponsor_id, row.met_on, row.note, row.recorded_at))
                for row in self.session.execute(query)]

    def capacity_facts(self, member_ids: list[str], first_day: date,
                       last_day: date) -> dict[str, CapacityFacts]:
        return capacity_facts(self.session, member_ids, first_day, last_day)

    def forget_published_events(self, member_id: str) -> int:
        """Delete published outbox rows whose subject is the member (ids are UUIDs)."""
        result = self.session.execute(
            delete(outbox).where(outbox.c.published_at.is_not(None),
                                 outbox.c.envelope.like(f'%"subject":"{member_id}"%'))
        )
        return result.rowcount

    def _one(self, query) -> Member | None:
        row = self.session.execute(query).first()
        if row is None:
            return None
        return self._remember(load_members(self.session, [row]))[0]

    def _remember(self, loaded: list[Member]) -> list[Member]:
        for member in loaded:
            self._versions[member.id] = member.version
        return loaded

    def _insert_children(self, member: Member) -> None:
        for table, rows in child_rows(member).items():
            if rows:
                self.session.execute(insert(table), rows)


def _has_skills(slugs) -> object:
    return exists().where(member_skills.c.member_id == members.c.id,
                          member_skills.c.skill.in_(list(slugs)))

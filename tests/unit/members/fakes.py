"""In-memory stand-ins for the members service's storage (no mocks, no database).

`FakeUnitOfWork` behaves like a transaction: each `with uow:` works on a copy of
what was committed, and only `commit()` keeps the changes and the events. A use
case that raises halfway therefore leaves nothing behind, as with the database.
"""

import copy

from infra.pagination import Page, decode_cursor, encode_cursor
from services.members.domain.directory import CoopFigures, DirectoryPage, matches
from services.members.domain.skills import Skill, SkillCategory, Taxonomy

CATEGORIES = [SkillCategory("software", "Software development", "Softwareontwikkeling"),
              SkillCategory("data", "Data and analytics", "Data en analyse"),
              SkillCategory("design", "Design and user research",
                            "Ontwerp en gebruikersonderzoek")]
SKILLS = [Skill("python", "Python", "software",
                "http://data.europa.eu/esco/skill/ccd0a1d9-afda-43d9-b901-96344886e14d",
                name_nl="Python"),
          Skill("javascript", "JavaScript", "software", name_nl="JavaScript"),
          Skill("sql", "SQL", "data", name_nl="SQL"),
          Skill("machine-learning", "Machine learning", "data", name_nl="Machinaal leren"),
          Skill("service-design", "Service design", "design", name_nl="Serviceontwerp")]


class FakeMemberRepository:
    def __init__(self, rows: list):
        self.rows = rows  # [(sequence, member)] in registration order
        self.forgotten = []

    def add(self, member):
        self.rows.append((len(self.rows) + 1, member))

    def get(self, member_id):
        return next((m for _, m in self.rows if m.id == member_id), None)

    def get_by_email(self, email):
        return next((m for _, m in self.rows if m.email == email), None)

    def save(self, member):
        if self.get(member.id) is not member:
            raise AssertionError("saving a member this transaction did not read")

    def page(self, limit, cursor, status=None, member_ids=None, skill=None):
        after = decode_cursor(cursor) if cursor else 0
        rows = [(seq, m) for seq, m in self.rows if seq > after
                and status in (None, m.status)
                and (member_ids is None or m.id in member_ids)
                and (skill is None or skill in m.skills)]
        more = len(rows) > limit
        rows = rows[:limit]
        return Page([m for _, m in rows], encode_cursor(rows[-1][0]) if more else None)

    def directory_page(self, limit, cursor, terms, skill=None):
        listed = [(seq, m) for seq, m in self.rows if m.in_directory and matches(m, terms)
                  and (skill is None or skill in m.skills)]
        after = decode_cursor(cursor) if cursor else 0
        rows = [(seq, m) for seq, m in listed if seq > after]
        more = len(rows) > limit
        rows = rows[:limit]
        return DirectoryPage([m for _, m in rows], encode_cursor(rows[-1][0]) if more else None,
                             len(listed))

    def coop_figures(self):
        active = [m for _, m in self.rows if m.status == "active"]
        return CoopFigures(len(active), len({slug for m in active for slug in m.skills}))

    def count_with_status(self, status):
        return sum(1 for _, m in self.rows if m.status == status)

    def statuses(self, member_ids):
        return {m.id: m.status for _, m in self.rows if m.id in member_ids}

    def sponsorships_by(self, sponsor_id):
        return [(m.id, s) for _, m in self.rows for s in m.sponsorships
                if s.sponsor_id == sponsor_id]

    def capacity_facts(self, member_ids, first_day, last_day):
        wanted = set(member_ids)
        return {m.id: m.capacity.facts(m.left_on) for _, m in self.rows if m.id in wanted}

    def forget_published_events(self, member_id):
        self.forgotten.append(member_id)
        return 0


class FakeSkillRepository:
    def __init__(self, added: list):
        self.added = added

    def taxonomy(self):
        return Taxonomy(CATEGORIES, [*SKILLS, *self.added])

    def add(self, skill):
        self.added.append(skill)

    def put(self, skill):
        self.added = [s for s in self.added if s.slug != skill.slug] + [skill]


class FakeUnitOfWork:
    def __init__(self):
        self._rows = []
        self._added_skills = []
        self._forgotten = []
        self.published = []
        self.handled = set()
        self.commits = 0

    def __enter__(self):
        self.members = FakeMemberRepository(copy.deepcopy(self._rows))
        self.skills = FakeSkillRepository(list(self._added_skills))
        self._pending = []
        self._pending_handled = set()
        return self

    def __exit__(self, *exc_info):
        self._pending = []
        self._pending_handled = set()

    def publish(self, event):
        self._pending.append(event)

    def already_handled(self, event):
        return str(event["id"]) in self.handled

    def mark_handled(self, event):
        self._pending_handled.add(str(event["id"]))

    def commit(self):
        self._rows = copy.deepcopy(self.members.rows)
        self._added_skills = list(self.skills.added)
        self._forgotten.extend(self.members.forgotten)
        self.published.extend(self._pending)
        self.handled |= self._pending_handled
        self._pending = []
        self._pending_handled = set()
        self.commits += 1

    # --- for assertions ------------------------------------------------------------------

    def stored(self, member_id):
        """The member as committed."""
        return next((m for _, m in self._rows if m.id == member_id), None)

    def stored_count(self) -> int:
        return len(self._rows)

    def event_types(self) -> list[str]:
        return [event.type for event in self.published]

    @property
    def forgotten(self) -> list[str]:
        return list(self._forgotten)

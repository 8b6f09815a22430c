"""In-memory stand-ins for learning's storage and for the members service (no mocks).

`FakeUnitOfWork` behaves like a transaction: each `with uow:` works on a copy of
what was committed, and only `commit()` keeps the changes and the events, so a
use case that raises halfway leaves nothing behind, as with the database. Domain
objects are immutable, so copying the tables (dicts of id → object) is enough.
"""

from collections import Counter
from decimal import Decimal

from infra.pagination import Page, decode_cursor, encode_cursor
from services.learning.domain.budget import APPROVED, PENDING, Fund
from services.learning.domain.mentorship import LOADING, UNDER_WAY

TABLES = ("members", "assignments", "offers", "wishes", "mentorships", "sessions",
          "endorsements", "verifications", "badges", "contributions", "requests", "roles",
          "gaps")


def _page(rows: dict, limit: int, cursor: str | None, keep) -> Page:
    after = decode_cursor(cursor) if cursor else 0
    items = [(seq, item) for seq, item in enumerate(rows.values(), start=1)
             if seq > after and keep(item)]
    more = len(items) > limit
    items = items[:limit]
    return Page([item for _, item in items], encode_cursor(items[-1][0]) if more else None)


def _matches(item, **filters) -> bool:
    return all(value is None or getattr(item, name) == value for name, value in filters.items())


class _Repository:
    def __init__(self, tables: dict):
        self.t = tables


class FakeMembers(_Repository):
    def get(self, member_id):
        return self.t["members"].get(member_id)

    def get_many(self, member_ids):
        return {i: self.t["members"][i] for i in member_ids if i in self.t["members"]}

    def put(self, view):
        self.t["members"][view.member_id] = view

    def active(self):
        return [m for m in self.t["members"].values() if m.is_active]


class FakeWork(_Repository):
    def put(self, assignment):
        self.t["assignments"][assignment.assignment_id] = assignment

    def of_members(self, member_ids):
        return [a for a in self.t["assignments"].values() if a.member_id in member_ids]


class FakeOffers(_Repository):
    table = "offers"

    def add(self, item):
        self.t[self.table][item.id] = item

    save = add

    def get(self, item_id):
        return self.t[self.table].get(item_id)

    def open_skills(self, member_id):
        return {o.skill for o in self.t[self.table].values()
                if o.member_id == member_id and o.is_open}

    def open_for_skill(self, skill):
        return [o for o in self.t[self.table].values() if o.skill == skill and o.is_open]

    def open_of(self, member_id, skill):
        return next((o for o in self.open_for_skill(skill) if o.member_id == member_id), None)

    def open_per_skill(self):
        return dict(Counter(o.skill for o in self.t[self.table].values() if o.is_open))

    def page(self, limit, cursor, skill=None, member_id=None, status=None):
        return _page(self.t[self.table], limit, cursor,
                     lambda o: _matches(o, skill=skill, member_id=member_id, status=status))


class FakeWishes(FakeOffers):
    table = "wishes"


class FakeMentorships(_Repository):
    def add(self, mentorship):
        self.t["mentorships"][mentorship.id] = mentorship

    save = add

    def get(self, mentorship_id):
        return self.t["mentorships"].get(mentorship_id)

    def under_way_for_wish(self, wish_id):
        return next((m for m in self.t["mentorships"].values()
                     if m.wish_id == wish_id and m.status in UNDER_WAY), None)

    def loads(self, mentor_ids):
        return dict(Counter(m.mentor_id for m in self.t["mentorships"].values()
                            if m.mentor_id in mentor_ids and m.status in LOADING))

    def partners_of(self, member_id):
        partners = set()
        for m in self.t["mentorships"].values():
            if m.involves(member_id) and m.status in ("accepted", "active", "completed"):
                partners |= {m.mentor_id, m.mentee_id} - {member_id}
        return partners

    def mentored(self, mentor_id, mentee_id):
        return [m.id for m in self.t["mentorships"].values()
                if (m.mentor_id, m.mentee_id) == (mentor_id, mentee_id)
                and m.status in ("active", "completed")]

    def page_for(self, member_id, limit, cursor, status=None):
        return _page(self.t["mentorships"], limit, cursor,
                     lambda m: (member_id is None or m.involves(member_id))
                     and status in (None, m.status))


class FakeSessions(_Repository):
    def add(self, session):
        self.t["sessions"][session.id] = session

    save = add

    def get(self, session_id):
        return self.t["sessions"].get(session_id)

    def of_mentorship(self, mentorship_id):
        return sorted((s for s in self.t["sessions"].values()
                       if s.mentorship_id == mentorship_id), key=lambda s: s.held_on)


class FakeEndorsements(_Repository):
    def add(self, endorsement):
        self.t["endorsements"][endorsement.id] = endorsement

    save = add

    def get(self, endorsement_id):
        return self.t["endorsements"].get(endorsement_id)

    def get_many(self, endorsement_ids):
        return [self.t["endorsements"][i] for i in endorsement_ids]

    def of_skill(self, member_id, skill):
        return [e for e in self.t["endorsements"].values()
                if (e.member_id, e.skill) == (member_id, skill)]

    def standing_by(self, endorser_kind, endorser_id, member_id, skill):
        return next((e for e in self.of_skill(member_id, skill)
                     if (e.endorser_kind, e.endorser_id) == (endorser_kind, endorser_id)
                     and e.stands), None)

    def page(self, limit, cursor, member_id=None, endorser_id=None, skill=None,
             include_withdrawn=False):
        return _page(self.t["endorsements"], limit, cursor,
                     lambda e: _matches(e, member_id=member_id, endorser_id=endorser_id,
                                        skill=skill) and (include_withdrawn or e.stands))


class FakeVerifications(_Repository):
    def get(self, member_id, skill):
        return self.t["verifications"].get((member_id, skill))

    def put(self, verification):
        self.t["verifications"][(verification.member_id, verification.skill)] = verification

    def remove(self, member_id, skill):
        self.t["verifications"].pop((member_id, skill), None)

    def of_member(self, member_id):
        return sorted((v for (m, _), v in self.t["verifications"].items() if m == member_id),
                      key=lambda v: v.skill)


class FakeBadges(_Repository):
    def add(self, badge):
        self.t["badges"][badge.id] = badge

    save = add

    def get(self, badge_id):
        return self.t["badges"].get(badge_id)

    def of_member(self, member_id, skill=None):
        return [b for b in self.t["badges"].values()
                if b.member_id == member_id and skill in (None, b.skill)]


class FakeBudget(_Repository):
    def add_contribution(self, contribution_id, member_id, year, amount, booked_on):
        if contribution_id in self.t["contributions"]:
            return False
        self.t["contributions"][contribution_id] = (member_id, year, amount, booked_on)
        return True

    def fund(self):
        contributed = sum((c[2] for c in self.t["contributions"].values()), Decimal("0.00"))
        spent = sum((r.amount for r in self.t["requests"].values() if r.status == APPROVED),
                    Decimal("0.00"))
        return Fund(contributed, spent)

    def contributed_in(self, year):
        return sum((c[2] for c in self.t["contributions"].values() if c[1] == year),
                   Decimal("0.00"))

    def totals(self, member_id, year):
        mine = [r for r in self.t["requests"].values()
                if (r.member_id, r.year) == (member_id, year)]
        return (sum((r.amount for r in mine if r.status == APPROVED), Decimal("0.00")),
                sum((r.amount for r in mine if r.status == PENDING), Decimal("0.00")))

    def add(self, request):
        self.t["requests"][request.id] = request

    save = add

    def get(self, request_id):
        return self.t["requests"].get(request_id)

    def page(self, limit, cursor, member_id=None, status=None):
        return _page(self.t["requests"], limit, cursor,
                     lambda r: _matches(r, member_id=member_id, status=status))


class FakeDemand(_Repository):
    def add_roles(self, roles, client_id):
        for role in roles:
            self.t["roles"][len(self.t["roles"])] = role

    def add_gap(self, gap):
        self.t["gaps"][len(self.t["gaps"])] = gap

    def roles_since(self, moment):
        return [r for r in self.t["roles"].values() if r.created_at >= moment]

    def gaps_since(self, moment):
        return [g for g in self.t["gaps"].values() if g.detected_at >= moment]


class FakeUnitOfWork:
    def __init__(self):
        self._committed = {name: {} for name in TABLES}
        self.published = []
        self.handled = set()
        self.commits = 0

    def __enter__(self):
        self._tables = {name: dict(rows) for name, rows in self._committed.items()}
        self.members = FakeMembers(self._tables)
        self.work = FakeWork(self._tables)
        self.offers = FakeOffers(self._tables)
        self.wishes = FakeWishes(self._tables)
        self.mentorships = FakeMentorships(self._tables)
        self.sessions = FakeSessions(self._tables)
        self.endorsements = FakeEndorsements(self._tables)
        self.verifications = FakeVerifications(self._tables)
        self.badges = FakeBadges(self._tables)
        self.budget = FakeBudget(self._tables)
        self.demand = FakeDemand(self._tables)
        self._pending, self._pending_handled = [], set()
        return self

    def __exit__(self, *exc_info):
        self._pending, self._pending_handled = [], set()

    def publish(self, event):
        self._pending.append(event)

    def already_handled(self, event):
        return str(event["id"]) in self.handled

    def mark_handled(self, event):
        self._pending_handled.add(str(event["id"]))

    def commit(self):
        self._committed = {name: dict(rows) for name, rows in self._tables.items()}
        self.published.extend(self._pending)
        self.handled |= self._pending_handled
        self._pending, self._pending_handled = [], set()
        self.commits += 1

    # --- for assertions ------------------------------------------------------------------

    def stored(self, table: str) -> dict:
        return dict(self._committed[table])

    def event_types(self) -> list[str]:
        return [event.type for event in self.published]

    def events(self, event_type: str) -> list:
        return [event for event in self.published if event.type == event_type]

"""In-memory stand-ins for matching's storage (no mocks, no database)."""

from infra.errors import Conflict
from infra.pagination import Page, decode_cursor, encode_cursor
from services.matching.domain.candidate import CandidateRecord, MemberCapacity


class FakeCandidateRepository:
    def __init__(self):
        self.by_member = {}
        self.capacities = {}
        self.periods = {}  # unavailability id → period, tombstones included

    def get(self, member_id):
        return self.by_member.get(member_id)

    def put(self, candidate):
        self.by_member[candidate.member_id] = candidate

    def capacity(self, member_id):
        return self.capacities.get(member_id)

    def put_capacity(self, capacity):
        self.capacities[capacity.member_id] = capacity

    def period(self, unavailability_id):
        return self.periods.get(unavailability_id)

    def put_period(self, period):
        self.periods[period.unavailability_id] = period

    def pool(self, skills):
        wanted = set(skills)
        return [self._record(candidate) for _, candidate in sorted(self.by_member.items())
                if wanted & {s.skill for s in candidate.skills}]

    def active(self):
        return [self._record(candidate) for _, candidate in sorted(self.by_member.items())
                if candidate.status == "active"]

    def records(self, member_ids):
        return {member_id: self._record(self.by_member[member_id])
                for member_id in member_ids if member_id in self.by_member}

    def _record(self, candidate):
        member_id = candidate.member_id
        capacity = self.capacities.get(member_id) or MemberCapacity.none_yet(member_id)
        periods = tuple(sorted((p for p in self.periods.values()
                                if p.member_id == member_id and not p.removed),
                               key=lambda p: p.starts_on))
        return CandidateRecord(candidate, capacity, periods)


class FakeClientRepository:
    def __init__(self):
        self.rows = []  # (sequence, client) in registration order

    def add(self, client):
        self.rows.append((len(self.rows) + 1, client))

    def get(self, client_id):
        return next((c for _, c in self.rows if c.id == client_id), None)

    def save(self, client):
        if self.get(client.id) is None:
            raise Conflict("gone")

    def page(self, limit, cursor):
        after = decode_cursor(cursor) if cursor else 0
        rows = [(seq, c) for seq, c in self.rows if seq > after]
        more = len(rows) > limit
        rows = rows[:limit]
        return Page([c for _, c in rows], encode_cursor(rows[-1][0]) if more else None)


class FakeUnitOfWork:
    """Events reach `published` only on commit, as the outbox would have them."""

    def __init__(self):
        self.candidates = FakeCandidateRepository()
        self.clients = FakeClientRepository()
        self.handled = set()
        self.published = []
        self.commits = 0
        self._pending = []

    def __enter__(self):
        self._pending = []
        return self

    def __exit__(self, *exc_info):
        self._pending = []

    def publish(self, event):
        self._pending.append(event)

    def already_handled(self, event):
        return str(event["id"]) in self.handled

    def mark_handled(self, event):
        self.handled.add(str(event["id"]))

    def commit(self):
        self.published.extend(self._pending)
        self._pending = []
        self.commits += 1

"""In-memory stand-ins for matching's storage (no mocks, no database)."""

from infra.errors import Conflict
from infra.pagination import Page, decode_cursor, encode_cursor
from services.matching.domain.candidate import CandidateRecord, MemberCapacity
from services.matching.domain.relationships import (
    ClientContact,
    RelationshipSettings,
    last_contact,
)


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


def _page(rows, limit, cursor):
    """`rows` as (sequence, item) pairs: one keyset page of items."""
    after = decode_cursor(cursor) if cursor else 0
    rows = [(seq, item) for seq, item in rows if seq > after]
    more = len(rows) > limit
    rows = rows[:limit]
    return Page([item for _, item in rows], encode_cursor(rows[-1][0]) if more else None)


class FakeProjectRepository:
    def __init__(self):
        self.rows = []  # (sequence, project) in creation order

    def add(self, project):
        self.rows.append((len(self.rows) + 1, project))

    def get(self, project_id):
        return next((p for _, p in self.rows if p.id == project_id), None)

    def save(self, project):
        if self.get(project.id) is None:
            raise Conflict("gone")

    def page(self, limit, cursor, client_id=None, status=None):
        return _page([(seq, p) for seq, p in self.rows
                      if client_id in (None, p.client_id) and status in (None, p.status)],
                     limit, cursor)


class FakeTimeline:
    def __init__(self):
        self.entries = []

    def add(self, entry):
        self.entries.append(entry)

    def for_project(self, project_id):
        return [e for e in self.entries if e.project_id == project_id]


class FakeMeetingRepository:
    def __init__(self):
        self.by_id = {}

    def add(self, meeting):
        self.by_id[meeting.id] = meeting

    def get(self, meeting_id):
        return self.by_id.get(meeting_id)

    def save(self, meeting):
        self.by_id[meeting.id] = meeting

    def for_project(self, project_id):
        return sorted((m for m in self.by_id.values() if m.project_id == project_id),
                      key=lambda m: m.scheduled_on)


class FakeLeadRepository:
    def __init__(self):
        self.rows = []  # (sequence, lead) in the order they came in

    def add(self, lead):
        self.rows.append((len(self.rows) + 1, lead))

    def get(self, lead_id):
        return next((lead for _, lead in self.rows if lead.id == lead_id), None)

    def save(self, lead):
        if self.get(lead.id) is None:
            raise Conflict("gone")

    def page(self, limit, cursor, status=None, source=None, assignee_member_id=None):
        return _page([(seq, lead) for seq, lead in self.rows
                      if status in (None, lead.status) and source in (None, lead.source)
                      and assignee_member_id in (None, lead.assignee_member_id)],
                     limit, cursor)

    def for_client(self, client_id):
        return [lead for _, lead in self.rows if lead.client_id == client_id]

    def with_contact_outlived(self, last_change_before, limit):
        return [lead for _, lead in self.rows
                if lead.status == "closed" and lead.contact_erased_at is None
                and lead.updated_at <= last_change_before][:limit]


class FakeRelationships:
    """Contact from notes and leads only: meetings are the SQL adapter's (integration)."""

    def __init__(self, leads, clients):
        self._leads, self._clients = leads, clients
        self.owner_rows, self.note_rows, self.invoice_rows = [], [], {}
        self.stored_settings = RelationshipSettings()

    def owners(self, client_id):
        return [o for o in self.owner_rows if o.client_id == client_id]

    def add_owner(self, owner):
        self.owner_rows.append(owner)

    def add_note(self, note):
        self.note_rows.append(note)

    def notes(self, client_id):
        return [n for n in self.note_rows if n.client_id == client_id]

    def invoice(self, invoice_id):
        return self.invoice_rows.get(invoice_id)

    def put_invoice(self, invoice):
        self.invoice_rows[invoice.invoice_id] = invoice

    def invoices(self, client_id):
        return [i for i in self.invoice_rows.values() if i.client_id == client_id]

    def settings(self):
        return self.stored_settings

    def put_settings(self, settings):
        self.stored_settings = settings

    def client_contacts(self, today):
        found = []
        for _, client in self._clients.rows:
            days = [n.contacted_on for n in self.notes(client.id)]
            days += [day for lead in self._leads.for_client(client.id)
                     for day in lead.contact_days(today)]
            owners = self.owners(client.id)
            found.append(ClientContact(client.id, client.name, client.created_at.date(),
                                       last_contact(days),
                                       owners[-1].member_id if owners else None))
        return found


class FakeLocks:
    def __init__(self):
        self.held = []

    def acquire(self, name):
        self.held.append(name)


class FakeUnitOfWork:
    """Events reach `published` only on commit, as the outbox would have them."""

    def __init__(self):
        self.candidates = FakeCandidateRepository()
        self.clients = FakeClientRepository()
        self.projects = FakeProjectRepository()
        self.timeline = FakeTimeline()
        self.meetings = FakeMeetingRepository()
        self.leads = FakeLeadRepository()
        self.relationships = FakeRelationships(self.leads, self.clients)
        self.locks = FakeLocks()
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

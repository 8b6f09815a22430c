"""An in-memory unit of work for federation's use cases (no mocks, no database).

Like the database, each `with uow:` works on a copy of what was committed, and only
`commit()` keeps the changes and the published events.
"""

import copy

from infra.errors import Conflict
from infra.pagination import Page, decode_cursor, encode_cursor


class _Tables:
    def __init__(self, tables):
        self.t = tables


class FakePartners(_Tables):
    def add(self, partner):
        self.t["partners"][partner.id] = partner

    def save(self, partner):
        if self.t["partners"][partner.id].version != partner.version - 1:
            raise Conflict("changed meanwhile")
        self.t["partners"][partner.id] = partner

    def get(self, partner_id):
        return self.t["partners"].get(partner_id)

    def by_coop(self, coop_uri):
        return next((p for p in self.t["partners"].values() if p.coop_uri == coop_uri), None)

    def page(self, limit, cursor):
        after = decode_cursor(cursor) if cursor else 0
        items = list(enumerate(self.t["partners"].values(), start=1))[after:]
        more = len(items) > limit
        items = items[:limit]
        return Page([p for _, p in items], encode_cursor(items[-1][0]) if more else None)


class FakeReceived(_Tables):
    def seen(self, source, event_id):
        return (source, event_id) in self.t["received"]

    def add(self, partner_id, event, body, received_at):
        self.t["received"][(event.source, event.id)] = (partner_id, event, body, received_at)

    def forget_before(self, moment):
        old = [key for key, row in self.t["received"].items() if row[3] < moment]
        for key in old:
            del self.t["received"][key]
        return len(old)


class FakeOutbound(_Tables):
    def add(self, event):
        self.t["outbound"].append(event)

    def last_queued_at(self, event_type):
        return max((e.queued_at for e in self.t["outbound"] if e.type == event_type),
                   default=None)


class FakeUnitOfWork:
    def __init__(self):
        self.committed = {"partners": {}, "received": {}, "outbound": []}
        self.published = []

    def __enter__(self):
        self._tables = copy.copy({name: copy.copy(table)
                                  for name, table in self.committed.items()})
        self._events = []
        self.partners = FakePartners(self._tables)
        self.received = FakeReceived(self._tables)
        self.outbound = FakeOutbound(self._tables)
        return self

    def __exit__(self, *args):
        self._tables = None

    def publish(self, domain_event):
        self._events.append(domain_event)

    def commit(self):
        self.committed = self._tables
        self.published.extend(self._events)
        self._events = []

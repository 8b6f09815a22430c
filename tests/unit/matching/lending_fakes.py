"""In-memory storage for the federation flows (seat offers, placements, incoming offers,
lendings) on top of matching's fake unit of work."""

import copy
import dataclasses
import uuid
from datetime import UTC, date, datetime
from decimal import Decimal

from infra.pagination import Page, decode_time_cursor, encode_time_cursor
from services.matching.domain.assignments import Assignment, Seat
from services.matching.domain.candidate import Candidate, CandidateSkill, MemberCapacity
from services.matching.domain.projects import Project
from tests.unit.matching.fakes import FakeUnitOfWork

NOW = datetime(2027, 1, 5, 9, tzinfo=UTC)


def newest_first(items, time_of, limit, cursor) -> Page:
    """A page as the SQL repositories give it (`infra.pagination.newest_first_page`)."""
    ordered = sorted(items, key=lambda item: (time_of(item), item.id), reverse=True)
    if cursor is not None:
        before = decode_time_cursor(cursor)
        ordered = [item for item in ordered if (time_of(item), item.id) < before]
    page = ordered[:limit]
    more = len(ordered) > limit
    return Page([copy.deepcopy(item) for item in page],
                encode_time_cursor(time_of(page[-1]), page[-1].id) if more else None)


class FakeSeatOffers:
    def __init__(self):
        self.by_id = {}

    def add(self, offer):
        self.by_id[offer.id] = copy.deepcopy(offer)

    save = add

    def get(self, offer_id):
        found = self.by_id.get(offer_id)
        return copy.deepcopy(found) if found else None

    def for_seat(self, seat_id):
        return [copy.deepcopy(o) for o in self.by_id.values() if o.seat_id == seat_id]

    def listed(self, status=None):
        return [copy.deepcopy(o) for o in self.by_id.values() if status in (None, o.status)]

    def page(self, status, limit, cursor):
        return newest_first(self.listed(status), lambda o: o.opened_at, limit, cursor)


class FakePlacements:
    def __init__(self):
        self.rows = []
        self.interruptions = {}  # interruption id → PlacementInterruption

    def add(self, placement):
        self.rows.append(placement)

    def save(self, placement):
        self.rows = [placement if p.id == placement.id else p for p in self.rows]

    def get(self, placement_id):
        return next((self._with_interruptions(p) for p in self.rows if p.id == placement_id),
                    None)

    def for_project(self, project_id):
        return [self._with_interruptions(p) for p in self.rows if p.project_id == project_id]

    def interruption(self, interruption_id):
        return self.interruptions.get(interruption_id)

    def save_interruption(self, interruption):
        self.interruptions[interruption.id] = interruption

    def _with_interruptions(self, placement):
        return dataclasses.replace(placement, interruptions=tuple(sorted(
            (i for i in self.interruptions.values() if i.placement_id == placement.id),
            key=lambda i: (i.first_day, i.id))))


class FakeIncomingOffers:
    def __init__(self):
        self.by_id, self.candidates = {}, {}

    def add(self, offer):
        self.by_id[offer.id] = copy.deepcopy(offer)

    save = add

    def get(self, incoming_id):
        found = self.by_id.get(incoming_id)
        return copy.deepcopy(found) if found else None

    def from_partner(self, partner_id, offer_id):
        return next((copy.deepcopy(o) for o in self.by_id.values()
                     if (o.partner_id, o.offer_id) == (partner_id, offer_id)), None)

    def listed(self, status=None):
        return [copy.deepcopy(o) for o in self.by_id.values() if status in (None, o.status)]

    def page(self, status, limit, cursor):
        return newest_first(self.listed(status), lambda o: o.received_at, limit, cursor)

    def add_candidate(self, candidate):
        self.candidates[candidate.candidate_id] = copy.deepcopy(candidate)

    save_candidate = add_candidate

    def candidate(self, candidate_id):
        found = self.candidates.get(candidate_id)
        return copy.deepcopy(found) if found else None

    def candidates_for(self, incoming_ids):
        return [copy.deepcopy(c) for c in self.candidates.values()
                if c.incoming_offer_id in set(incoming_ids)]


class FakeLendings:
    def __init__(self):
        self.rows = []
        self.interruptions = {}  # interruption id → Interruption told

    def add(self, lending):
        self.rows.append(lending)

    def save(self, lending):
        self.rows = [lending if x.id == lending.id else x for x in self.rows]

    def get(self, lending_id):
        return next((x for x in self.rows if x.id == lending_id), None)

    def active_for(self, member_ids):
        return [lending for lending in self.rows if lending.member_id in set(member_ids)]

    def for_candidate(self, candidate_id):
        return next((lending for lending in self.rows if lending.candidate_id == candidate_id),
                    None)

    def page(self, limit, cursor):
        return newest_first(self.rows, lambda lending: lending.lent_at, limit, cursor)

    def interruption(self, interruption_id):
        return self.interruptions.get(interruption_id)

    def save_interruption(self, interruption):
        self.interruptions[interruption.id] = interruption


class FakeSeats:
    def __init__(self):
        self.rows = []

    def add(self, seat):
        self.rows.append(seat)

    def save(self, seat):
        pass

    def for_project(self, project_id):
        return [s for s in self.rows if s.project_id == project_id]

    def held_by(self, member_id):
        return [s for s in self.rows if member_id in (s.primary, s.backup)]


class FakeAssignments:
    def __init__(self):
        self.rows = []

    def add(self, assignment):
        self.rows.append(assignment)

    def for_project(self, project_id):
        return [a for a in self.rows if a.project_id == project_id]

    def confirmed_for(self, member_ids):
        return [a for a in self.rows if a.member_id in set(member_ids)
                and a.status == "confirmed"]


class FlowsUnitOfWork(FakeUnitOfWork):
    def __init__(self):
        super().__init__()
        self.seats = FakeSeats()
        self.assignments = FakeAssignments()
        self.seat_offers = FakeSeatOffers()
        self.placements = FakePlacements()
        self.incoming_offers = FakeIncomingOffers()
        self.lendings = FakeLendings()


def event(data=None, type_="x") -> dict:
    return {"id": str(uuid.uuid4()), "type": type_, "data": data or {}}


def staffed_project(uow: FlowsUnitOfWork, rate="90.00") -> tuple[Project, Seat]:
    """A running project (2027-01-04 to 2027-02-26), one python seat held by ann at `rate`."""
    project = Project.create("client-1", {
        "title": "Webshop", "starts_on": date(2027, 1, 4), "ends_on": date(2027, 2, 26),
        "roles": [{"skill": "python", "minimum_level": 4, "hours_per_week": Decimal(24)}]},
        NOW)
    for action in ("propose", "accept", "start"):
        project.move(action, NOW)
    uow.projects.add(project)
    seat = Seat(f"{project.id}:0", project.id, project.roles[0].id, 0, "ann", "bob")
    uow.seats.add(seat)
    uow.assignments.add(Assignment.book(seat, "client-1", "ann", "python", Decimal(24),
                                        project.starts_on, project.ends_on, Decimal(rate)))
    return project, seat


def member(uow: FlowsUnitOfWork, member_id: str, level=4, verified=None, hours="40",
           status="active", rate="80.00", skill="python") -> None:
    uow.candidates.put(Candidate(member_id, 1, member_id.title(), "Utrecht",
                                 f"I am {member_id}.", Decimal(rate), status,
                                 (CandidateSkill(skill, level, verified),), ("nl",)))
    uow.candidates.put_capacity(MemberCapacity(member_id, 1, Decimal(hours)))

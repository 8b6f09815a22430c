"""The federation flows in SQL: seat offers (with recipients and candidates), placements
(with their interruptions), incoming offers (with the candidates we offered), lendings
(with what we told partners of their interruptions)."""

from collections.abc import Collection
from decimal import Decimal

from sqlalchemy import insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from infra.pagination import Page, newest_first_page
from services.matching.domain.federation_errors import MemberAlreadyOffered, SeatAlreadyOffered
from services.matching.domain.lending import (
    IncomingOffer,
    Interruption,
    Lending,
    OfferedCandidate,
)
from services.matching.domain.overflow import (
    PartnerCandidate,
    Placement,
    PlacementInterruption,
    Recipient,
    SeatOffer,
)
from services.matching.domain.proposals.iso_week import IsoWeek
from services.matching.models import (
    incoming_offers,
    lending_interruptions,
    lendings,
    offered_candidates,
    partner_candidates,
    placement_interruptions,
    placements,
    seat_offer_recipients,
    seat_offers,
)

_WEEKS = ("first_week", "last_week")
_DECIMALS = ("hours_per_week", "rate_min", "rate_max", "hourly_rate", "client_hourly_rate",
             "partner_hourly_rate", "available_hours_per_week")


def _values(obj, table, **overrides) -> dict:
    values = {}
    for column in table.c:
        if column.name in overrides:
            values[column.name] = overrides[column.name]
        elif hasattr(obj, column.name):
            value = getattr(obj, column.name)
            if column.name in _WEEKS:
                value = str(value)
            elif isinstance(value, tuple):
                value = [dict(v) if isinstance(v, dict) else v for v in value]
            values[column.name] = value
    return values


def _violates(error: IntegrityError, table, constraint: str, *columns: str) -> bool:
    """Whether `error` is the unique `constraint` of `table` (named by PostgreSQL, by its
    columns on SQLite)."""
    diag = getattr(error.orig, "diag", None)
    if getattr(diag, "constraint_name", None) == constraint:
        return True
    named = ", ".join(f"{table.name}.{column}" for column in columns)
    return f"UNIQUE constraint failed: {named}" in str(error.orig)


def _fields(row, *skip) -> dict:
    values = {}
    for name, value in row._mapping.items():
        if name in skip:
            continue
        if name in _WEEKS:
            value = IsoWeek.parse(value)
        elif name in _DECIMALS:
            value = Decimal(value).quantize(Decimal("0.01"))
        elif name in ("languages", "skills"):
            value = tuple(value)
        values[name] = value
    return values


class SqlSeatOffers:
    def __init__(self, session: Session):
        self.session = session

    def add(self, offer: SeatOffer) -> None:
        """`SeatAlreadyOffered` when a racing request opened the same weeks first."""
        try:
            self.session.execute(insert(seat_offers).values(_values(offer, seat_offers)))
        except IntegrityError as error:
            if _violates(error, seat_offers, "uq_seat_offers_seat_first_week", "seat_id",
                         "first_week"):
                raise SeatAlreadyOffered(offer.seat_id, str(offer.first_week)) from error
            raise
        self._add_parts(offer)

    def save(self, offer: SeatOffer) -> None:
        self.session.execute(update(seat_offers).where(seat_offers.c.id == offer.id)
                             .values(status=offer.status))
        self._add_parts(offer)

    def _add_parts(self, offer: SeatOffer) -> None:
        known = {r.partner_id for r in self._recipients([offer.id]).get(offer.id, [])}
        for recipient in offer.recipients:
            if recipient.partner_id not in known:
                self.session.execute(insert(seat_offer_recipients).values(
                    offer_id=offer.id, partner_id=recipient.partner_id,
                    partner_name=recipient.partner_name))
        known = {c.candidate_id: c.status
                 for c in self._candidates([offer.id]).get(offer.id, [])}
        for candidate in offer.candidates:
            if candidate.candidate_id not in known:
                self.session.execute(insert(partner_candidates).values(
                    _values(candidate, partner_candidates)))
            elif known[candidate.candidate_id] != candidate.status:
                self.session.execute(update(partner_candidates).where(
                    partner_candidates.c.offer_id == offer.id,
                    partner_candidates.c.candidate_id == candidate.candidate_id)
                    .values(status=candidate.status))

    def get(self, offer_id: str) -> SeatOffer | None:
        found = self._where(seat_offers.c.id == offer_id)
        return found[0] if found else None

    def for_seat(self, seat_id: str) -> list[SeatOffer]:
        """Every offer of the seat, open, filled or withdrawn."""
        return self._where(seat_offers.c.seat_id == seat_id)

    def page(self, status: str | None, limit: int, cursor: str | None) -> Page:
        """Newest first (by when they were opened)."""
        query = select(seat_offers).where(*([seat_offers.c.status == status] if status else []))
        found = newest_first_page(self.session, query, seat_offers.c.opened_at,
                                  seat_offers.c.id, limit, cursor, lambda row: row)
        return Page(self._offers(found.items), found.next_cursor)

    def _where(self, *conditions) -> list[SeatOffer]:
        return self._offers(self.session.execute(select(seat_offers).where(*conditions)
                                                 .order_by(seat_offers.c.opened_at,
                                                           seat_offers.c.id)))

    def _offers(self, rows) -> list[SeatOffer]:
        rows = list(rows)
        ids = [row.id for row in rows]
        recipients, candidates = self._recipients(ids), self._candidates(ids)
        return [SeatOffer(**_fields(row), recipients=recipients.get(row.id, []),
                          candidates=candidates.get(row.id, [])) for row in rows]

    def _recipients(self, offer_ids: Collection[str]) -> dict[str, list[Recipient]]:
        found: dict[str, list[Recipient]] = {}
        rows = self.session.execute(select(seat_offer_recipients).where(
            seat_offer_recipients.c.offer_id.in_(list(offer_ids)))
            .order_by(seat_offer_recipients.c.partner_name))
        for row in rows:
            found.setdefault(row.offer_id, []).append(Recipient(row.partner_id, row.partner_name))
        return found

    def _candidates(self, offer_ids: Collection[str]) -> dict[str, list[PartnerCandidate]]:
        found: dict[str, list[PartnerCandidate]] = {}
        rows = self.session.execute(select(partner_candidates).where(
            partner_candidates.c.offer_id.in_(list(offer_ids)))
            .order_by(partner_candidates.c.received_at, partner_candidates.c.candidate_id))
        for row in rows:
            found.setdefault(row.offer_id, []).append(PartnerCandidate(**_fields(row)))
        return found


class SqlPlacements:
    def __init__(self, session: Session):
        self.session = session

    def add(self, placement: Placement) -> None:
        self.session.execute(insert(placements).values(_values(placement, placements)))

    def save(self, placement: Placement) -> None:
        """Only its end changes (a lending coop ends it early)."""
        self.session.execute(update(placements).where(placements.c.id == placement.id)
                             .values(ends_on=placement.ends_on))

    def get(self, placement_id: str) -> Placement | None:
        found = self._where(placements.c.id == placement_id)
        return found[0] if found else None

    def for_project(self, project_id: str) -> list[Placement]:
        return self._where(placements.c.project_id == project_id)

    def _where(self, *conditions) -> list[Placement]:
        rows = list(self.session.execute(select(placements).where(*conditions)
                                         .order_by(placements.c.starts_on, placements.c.id)))
        found: dict[str, list[PlacementInterruption]] = {}
        if rows:
            for row in self.session.execute(select(placement_interruptions).where(
                    placement_interruptions.c.placement_id.in_([r.id for r in rows]))
                    .order_by(placement_interruptions.c.first_day,
                              placement_interruptions.c.id)):
                found.setdefault(row.placement_id, []).append(_interruption(row))
        return [Placement(**_fields(row), interruptions=tuple(found.get(row.id, ())))
                for row in rows]

    def interruption(self, interruption_id: str) -> PlacementInterruption | None:
        row = self.session.execute(select(placement_interruptions).where(
            placement_interruptions.c.id == interruption_id)).first()
        return _interruption(row) if row else None

    def save_interruption(self, interruption: PlacementInterruption) -> None:
        values = {"first_day": interruption.first_day, "last_day": interruption.last_day,
                  "as_of": interruption.as_of,
                  "reported_weeks": [str(week) for week in interruption.reported_weeks]}
        changed = self.session.execute(update(placement_interruptions).where(
            placement_interruptions.c.id == interruption.id).values(**values)).rowcount
        if not changed:
            self.session.execute(insert(placement_interruptions).values(
                id=interruption.id, placement_id=interruption.placement_id, **values))


def _interruption(row) -> PlacementInterruption:
    return PlacementInterruption(row.id, row.placement_id, row.first_day, row.last_day,
                                 row.as_of, tuple(IsoWeek.parse(w) for w in row.reported_weeks))


class SqlIncomingOffers:
    def __init__(self, session: Session):
        self.session = session

    def add(self, offer: IncomingOffer) -> None:
        self.session.execute(insert(incoming_offers).values(_values(offer, incoming_offers)))

    def save(self, offer: IncomingOffer) -> None:
        self.session.execute(update(incoming_offers).where(incoming_offers.c.id == offer.id)
                             .values(status=offer.status))

    def get(self, incoming_id: str) -> IncomingOffer | None:
        found = self._where(incoming_offers.c.id == incoming_id)
        return found[0] if found else None

    def from_partner(self, partner_id: str, offer_id: str) -> IncomingOffer | None:
        found = self._where(incoming_offers.c.partner_id == partner_id,
                            incoming_offers.c.offer_id == offer_id)
        return found[0] if found else None

    def page(self, status: str | None, limit: int, cursor: str | None) -> Page:
        """Newest first (by when they were received)."""
        query = select(incoming_offers).where(
            *([incoming_offers.c.status == status] if status else []))
        return newest_first_page(self.session, query, incoming_offers.c.received_at,
                                 incoming_offers.c.id, limit, cursor,
                                 lambda row: IncomingOffer(**_fields(row)))

    def _where(self, *conditions) -> list[IncomingOffer]:
        rows = self.session.execute(select(incoming_offers).where(*conditions).order_by(
            incoming_offers.c.received_at, incoming_offers.c.id))
        return [IncomingOffer(**_fields(row)) for row in rows]

    def add_candidate(self, candidate: OfferedCandidate) -> None:
        """`MemberAlreadyOffered` when a racing request offered the member first."""
        try:
            self.session.execute(insert(offered_candidates).values(
                _values(candidate, offered_candidates)))
        except IntegrityError as error:
            if _violates(error, offered_candidates, "uq_offered_candidates_offer_member",
                         "incoming_offer_id", "member_id"):
                raise MemberAlreadyOffered(candidate.member_id, "offered meanwhile") from error
            raise

    def save_candidate(self, candidate: OfferedCandidate) -> None:
        self.session.execute(update(offered_candidates).where(
            offered_candidates.c.candidate_id == candidate.candidate_id)
            .values(status=candidate.status))

    def candidate(self, candidate_id: str) -> OfferedCandidate | None:
        found = self._candidates(offered_candidates.c.candidate_id == candidate_id)
        return found[0] if found else None

    def candidates_for(self, incoming_ids) -> list[OfferedCandidate]:
        return self._candidates(offered_candidates.c.incoming_offer_id.in_(list(incoming_ids)))

    def _candidates(self, *conditions) -> list[OfferedCandidate]:
        rows = self.session.execute(select(offered_candidates).where(*conditions).order_by(
            offered_candidates.c.offered_at, offered_candidates.c.candidate_id))
        return [OfferedCandidate(**_fields(row)) for row in rows]


class SqlLendings:
    def __init__(self, session: Session):
        self.session = session

    def add(self, lending: Lending) -> None:
        self.session.execute(insert(lendings).values(_values(lending, lendings)))

    def save(self, lending: Lending) -> None:
        """Only its end changes (it ends early)."""
        self.session.execute(update(lendings).where(lendings.c.id == lending.id)
                             .values(ends_on=lending.ends_on))

    def get(self, lending_id: str) -> Lending | None:
        found = self._where(lendings.c.id == lending_id)
        return found[0] if found else None

    def active_for(self, member_ids: Collection[str]) -> list[Lending]:
        return self._where(lendings.c.member_id.in_(list(member_ids)))

    def for_candidate(self, candidate_id: str) -> Lending | None:
        found = self._where(lendings.c.candidate_id == candidate_id)
        return found[0] if found else None

    def page(self, limit: int, cursor: str | None) -> Page:
        """Newest first (by when the partner accepted)."""
        return newest_first_page(self.session, select(lendings), lendings.c.lent_at,
                                 lendings.c.id, limit, cursor, lambda row: Lending(**_fields(row)))

    def interruption(self, interruption_id: str) -> Interruption | None:
        row = self.session.execute(select(lending_interruptions).where(
            lending_interruptions.c.id == interruption_id)).first()
        return Interruption(**row._mapping) if row else None

    def save_interruption(self, interruption: Interruption) -> None:
        changed = self.session.execute(update(lending_interruptions).where(
            lending_interruptions.c.id == interruption.id).values(
            first_day=interruption.first_day, last_day=interruption.last_day)).rowcount
        if not changed:
            self.session.execute(insert(lending_interruptions).values(vars(interruption)))

    def _where(self, *conditions) -> list[Lending]:
        rows = self.session.execute(select(lendings).where(*conditions)
                                    .order_by(lendings.c.starts_on, lendings.c.id))
        return [Lending(**_fields(row)) for row in rows]

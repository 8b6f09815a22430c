"""Work across coops: a partner's member working for our client (coop A, *external*), and
our member lent to a partner coop (coop B, *lent*).

Coop A (borrowing) opens an **external contract** on matching's `external_member_placed`:
a `Contract` like any other (the client is invoiced at `client_hourly_rate` by the usual
monthly run), whose worker is the candidate's pseudonym (`candidate_id`, never a person
billing knows) and whose invoice line says `"<skill> — via <partner coop>"`. Its
`PartnerPlacement` says what the partner coop is owed: `partner_hourly_rate` per hour.
Hours are written by an operator (the lent member has no token here) and approved by the
client as usual. At approval nothing goes to a member: the partner coop's share is owed to
the partner coop (`partner_coop_payables:<partner>`), and the rest is the coop's margin.

Rounding (`ExternalShare.of`), per open unit (one contract's approved, uninvoiced hours of
a month, as for members' work, `open_work.py`), so that `unbilled_work` returns to zero
when the client is invoiced:

    net     = hours × client rate, half-up to the cent   (what the client's line says)
    partner = hours × partner rate, half-up to the cent  (what the partner coop invoices)
    margin  = net − partner                              (exact; never negative)

Example: 7.75 h at €85.33 for the client, €70.17 for the partner: net 661.3075 → 661.31,
partner 543.8175 → 543.82, margin 117.49.

Coop B (lending) opens a **lent contract** on matching's `member_lent`: a `Contract` whose
customer (`client_id`) is the partner coop and whose worker is our member, at the lent
hourly rate, with the usual coop fee and development fund; the member is paid by the
usual payout run. Its id is `lent_contract_id(partner, placement)` (the placement id is
the partner's, so two partners may use the same one; `PlacementIdUsedByAnotherPartner`
refuses that). The partner coop's approved hours arrive as federation's
`partner_external_hours_approved` and become approved time entries on that contract
(`lent_hours`), invoiced to the partner coop by the monthly run: they are the only hours
on a lent contract (`LentHoursComeFromThePartner`).
"""

import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from services.billing.domain.accounts import (
    COOP_FEE_REVENUE,
    DEVELOPMENT_FUND,
    UNBILLED_WORK,
    VAT_PAYABLE,
    partner_coop_payable,
    payable_to,
    receivable_of,
)
from services.billing.domain.contract import Contract
from services.billing.domain.coop_settings import CoopSettings
from services.billing.domain.errors import (
    ContractDatesOutOfOrder,
    HourlyRateMustBePositive,
    LentHoursComeFromThePartner,
    OnlyCurrencyEur,
    PartnerRateAboveClientRate,
    PlacementIdUsedByAnotherPartner,
)
from services.billing.domain.invoice import Invoice
from services.billing.domain.member_share import MemberShare, net_for_hours
from services.billing.domain.money import CURRENCY, ZERO, parse_amount
from services.billing.domain.open_work import OpenWork
from services.billing.domain.period import Month
from services.billing.domain.posting import Posting, credit, debit, make_posting
from services.billing.domain.timesheet import APPROVED, TimeEntry
from services.billing.domain.vat import STANDARD_RATE

EXTERNAL = "external"  # coop A: a partner coop's member works for our client
LENT = "lent"  # coop B: our member works for a partner coop's client


@dataclass(frozen=True)
class PartnerPlacement:
    """What makes a contract inter-coop: with which partner coop, for which placement."""

    contract_id: str
    kind: str  # EXTERNAL or LENT
    placement_id: str
    partner_id: str
    partner_name: str | None
    candidate_id: str
    skill: str
    partner_hourly_rate: Decimal | None = None  # EXTERNAL: owed to the partner per hour

    @property
    def is_external(self) -> bool:
        return self.kind == EXTERNAL


@dataclass(frozen=True)
class ExternalShare:
    net: Decimal  # the client's net, at the client rate
    partner: Decimal  # owed to the partner coop
    margin: Decimal  # the coop's

    @classmethod
    def of(cls, hours: Decimal, client_rate: Decimal, partner_rate: Decimal) -> "ExternalShare":
        net, partner = net_for_hours(hours, client_rate), net_for_hours(hours, partner_rate)
        return cls(net, partner, net - partner)

    @classmethod
    def nothing(cls) -> "ExternalShare":
        return cls(ZERO, ZERO, ZERO)

    def __add__(self, other: "ExternalShare") -> "ExternalShare":
        return ExternalShare(self.net + other.net, self.partner + other.partner,
                             self.margin + other.margin)

    def __sub__(self, other: "ExternalShare") -> "ExternalShare":
        return ExternalShare(self.net - other.net, self.partner - other.partner,
                             self.margin - other.margin)


def _eur(currency: str) -> None:
    if currency != CURRENCY:
        raise OnlyCurrencyEur(currency)


def _dates(data: dict) -> tuple[date, date]:
    starts_on, ends_on = data["starts_on"], data["ends_on"]
    if ends_on < starts_on:
        raise ContractDatesOutOfOrder(starts_on, ends_on)
    return starts_on, ends_on


def external_contract(data: dict) -> tuple[Contract, PartnerPlacement]:
    """From matching's `external_member_placed` (coop A). No coop fee or development %:
    the coop's income is the margin, and no member of ours is paid."""
    _eur(data["currency"])
    client_rate = parse_amount(data["client_hourly_rate"], "client_hourly_rate")
    partner_rate = parse_amount(data["partner_hourly_rate"], "partner_hourly_rate")
    if client_rate <= 0:
        raise HourlyRateMustBePositive(client_rate)
    if partner_rate > client_rate:
        raise PartnerRateAboveClientRate(client_rate, partner_rate)
    starts_on, ends_on = _dates(data)
    placement_id = str(data["placement_id"])
    contract = Contract(
        id=placement_id, member_id=str(data["candidate_id"]), client_id=str(data["client_id"]),
        project_id=str(data["project_id"]), hourly_rate=client_rate, starts_on=starts_on,
        ends_on=ends_on, description=f"{data['skill']} — via {data['partner_name']}"[:200],
        vat_rate=STANDARD_RATE, fee_percent=ZERO, development_percent=ZERO)
    return contract, PartnerPlacement(
        placement_id, EXTERNAL, placement_id, str(data["partner_id"]), data["partner_name"],
        str(data["candidate_id"]), data["skill"], partner_rate)


def lent_contract(data: dict, settings: CoopSettings,
                  partner_name: str | None = None) -> tuple[Contract, PartnerPlacement]:
    """From matching's `member_lent` (coop B): the partner coop is the customer (its id is
    the contract's `client_id`), the placement its project. The invoice line names the
    skill and the placement, not our member."""
    _eur(data["currency"])
    rate = parse_amount(data["hourly_rate"], "hourly_rate")
    if rate <= 0:
        raise HourlyRateMustBePositive(rate)
    starts_on, ends_on = _dates(data)
    placement_id, partner_id = str(data["placement_id"]), str(data["partner_id"])
    contract = Contract(
        id=lent_contract_id(partner_id, placement_id), member_id=str(data["member_id"]),
        client_id=partner_id,
        project_id=placement_id, hourly_rate=rate, starts_on=starts_on, ends_on=ends_on,
        description=f"{data['skill']} — placement {placement_id}"[:200],
        vat_rate=STANDARD_RATE, fee_percent=settings.fee_percent,
        development_percent=settings.development_percent)
    return contract, PartnerPlacement(
        contract.id, LENT, placement_id, partner_id, partner_name,
        str(data["candidate_id"]), data["skill"])


def lent_contract_id(partner_id: str, placement_id: str) -> str:
    """Our lent contract's id for a partner's placement: never the same for two partners
    (the placement id is the partner's), the same for every delivery."""
    return str(uuid.uuid5(uuid.UUID(str(partner_id)), str(placement_id)))


def check_placement_id_free(placement_id: str, partner_id: str,
                            lent: Iterable[PartnerPlacement]) -> None:
    """`PlacementIdUsedByAnotherPartner` when `lent` (our lent placements with this id)
    holds one for another partner."""
    for other in lent:
        if other.partner_id != partner_id:
            raise PlacementIdUsedByAnotherPartner(placement_id, other.partner_id, partner_id)


def check_hours_may_be_written_on(contract_id: str,
                                   placement: PartnerPlacement | None) -> None:
    """`LentHoursComeFromThePartner` for a lent contract (coop B); any other takes hours."""
    if placement is not None and placement.kind == LENT:
        raise LentHoursComeFromThePartner(contract_id, placement.partner_id)


def external_increments(before: Mapping[tuple[str, Month], OpenWork],
                        after: Mapping[tuple[str, Month], OpenWork],
                        placements: Mapping[str, PartnerPlacement]) -> dict[str, ExternalShare]:
    """Per partner coop, what an approval added on external contracts: Σ share(after) −
    share(before) over their open units (differences of running totals, as for members)."""
    increments: dict[str, ExternalShare] = {}
    for key, unit in after.items():
        placement = placements.get(unit.contract.id)
        if placement is None or not placement.is_external:
            continue
        rate = placement.partner_hourly_rate
        increments[placement.partner_id] = (
            increments.get(placement.partner_id, ExternalShare.nothing())
            + _share(unit, rate) - _share(before.get(key), rate))
    return increments


def _share(unit: OpenWork | None, partner_rate: Decimal) -> ExternalShare:
    if unit is None:
        return ExternalShare.nothing()
    return ExternalShare.of(unit.hours, unit.contract.hourly_rate, partner_rate)


def without_external(units: Mapping[tuple[str, Month], OpenWork],
                     placements: Mapping[str, PartnerPlacement]) -> dict:
    """The open units that are members' work (external work pays no member)."""
    return {key: unit for key, unit in units.items()
            if not (unit.contract.id in placements and placements[unit.contract.id].is_external)}


def external_hours_approved(causation_id: str, booked_on: date,
                            increments: Mapping[str, ExternalShare]) -> Posting | None:
    """Dr unbilled_work (net)  Cr partner_coop_payables:<partner> (partner), coop_fee_revenue
    (margin). Referenced apart from the members' posting of the same approval."""
    entries = []
    for partner_id, share in increments.items():
        entries += [debit(UNBILLED_WORK, share.net),
                    credit(partner_coop_payable(partner_id), share.partner),
                    credit(COOP_FEE_REVENUE, share.margin)]
    return make_posting(causation_id, "external_hours_approved", booked_on,
                        "Approved hours of partner coops' members", entries,
                        reference="partner_coops")


def credit_note_with_external_work(causation_id: str, note: Invoice,
                                   external_contracts: set[str]) -> Posting | None:
    """A credit note to the client (coop A) with lines of external work: those lines are
    borne by the coop (Dr coop_fee_revenue, the line's net); what the partner coop is owed
    stays, since its invoice to us stands (a correction with the partner is agreed between
    the coops). Members' lines are taken back from the members as ever."""
    entries = [credit(receivable_of(note.customer.id), note.gross_total),
               debit(VAT_PAYABLE, note.vat_total)]
    members: dict[str, MemberShare] = {}
    for line in note.lines:
        if line.contract_id in external_contracts:
            entries.append(debit(COOP_FEE_REVENUE, line.net))
        else:
            members[line.member_id] = members.get(line.member_id, MemberShare.nothing()) \
                + line.share
    for member_id, share in members.items():
        entries += [debit(payable_to(member_id), share.member),
                    debit(COOP_FEE_REVENUE, share.coop_fee),
                    debit(DEVELOPMENT_FUND, share.development)]
    return make_posting(causation_id, "credit_note_issued", note.issue_date,
                        f"Credit note {note.number} on invoice {note.credited_invoice}", entries,
                        reference=note.number)


@dataclass(frozen=True)
class ExternalHoursApproved:
    """Coop A's client approved a day of external work: federation tells the lending coop
    (`external_hours_approved.v1`), which invoices us for it. One per time entry:
    `timesheet_id` is the entry's id, the period its day."""

    placement: PartnerPlacement
    entry: TimeEntry
    type = "external_hours_approved"

    @property
    def subject(self) -> str:
        return self.placement.placement_id

    @property
    def data(self) -> dict:
        day = self.entry.day.isoformat()
        return {"placement_id": self.placement.placement_id,
                "partner_id": self.placement.partner_id,
                "candidate_id": self.placement.candidate_id, "timesheet_id": self.entry.id,
                "period_start": day, "period_end": day, "hours": str(self.entry.hours),
                "hourly_rate": f"{self.placement.partner_hourly_rate:.2f}",
                "currency": CURRENCY}


def lent_entry_id(partner_id: str, timesheet_id: str) -> str:
    """Our time entry's id for a partner's approved timesheet: the same for every delivery
    (idempotent), and never the same for two partners."""
    return str(uuid.uuid5(uuid.UUID(str(partner_id)), str(timesheet_id)))


def lent_hours(contract: Contract, partner_id: str, timesheet_id: str, day: date,
               hours: Decimal, approved_at) -> TimeEntry:
    """The partner coop's approved hours on our lent contract: approved at once (the
    partner's client approved them), on the period's last day."""
    return TimeEntry(lent_entry_id(partner_id, timesheet_id), contract.id, contract.member_id,
                     contract.client_id, contract.project_id, day, hours, APPROVED,
                     approved_at, approved_at)


PARTNER_RATE_DIFFERS = "PartnerRateDiffers"


@dataclass(frozen=True)
class RateMismatch:
    """`PartnerRateDiffers` (coop B): the borrowing coop reported its approved hours at another
    hourly rate than the one we lent the member at. We still invoice at our agreed rate (the
    lent contract's); the mismatch is kept on the placement (the last one seen) for the
    operator to settle with the partner, and logged."""

    contract_id: str
    timesheet_id: str
    reported_rate: Decimal  # the rate in the partner's message
    agreed_rate: Decimal  # ours: the lent contract's, which is invoiced
    noticed_at: object  # an aware datetime
    rule = PARTNER_RATE_DIFFERS

    @property
    def reason(self) -> str:
        return (f"Partner reported €{self.reported_rate} an hour on timesheet "
                f"{self.timesheet_id}; lent contract {self.contract_id} is at "
                f"€{self.agreed_rate}, which is invoiced.")


def rate_mismatch(contract: Contract, timesheet_id: str, reported_rate: Decimal,
                  noticed_at) -> RateMismatch | None:
    """The mismatch, or None when the partner reported our rate."""
    reported = Decimal(str(reported_rate))
    if reported == contract.hourly_rate:
        return None
    return RateMismatch(contract.id, str(timesheet_id), reported, contract.hourly_rate,
                        noticed_at)


def placements_of(entries: Iterable[TimeEntry], placements: Mapping[str, PartnerPlacement],
                  kind: str) -> list[tuple[PartnerPlacement, TimeEntry]]:
    return [(placements[e.contract_id], e) for e in entries
            if e.contract_id in placements and placements[e.contract_id].kind == kind]

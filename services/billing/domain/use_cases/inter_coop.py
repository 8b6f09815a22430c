"""Inter-coop billing: external contracts (coop A), lent contracts and partner coops as
customers (coop B). See `external_work.py` and `partner_parties.py` for the rules.

Each event handler's use case is applied at most once per event (inbox).
"""

import logging
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from services.billing.domain.contract import Contract
from services.billing.domain.coop_settings import CoopSettings
from services.billing.domain.errors import (
    ClientNotFound,
    DayHasAtMost24Hours,
    DayOutsideAssignment,
    HoursForDayAlreadyRecorded,
    LentPlacementNotKnownYet,
    PlacementLentToAnotherPartner,
)
from services.billing.domain.external_work import (
    LENT,
    ExternalHoursApproved,
    PartnerPlacement,
    check_hours_may_be_written_on,
    check_placement_id_free,
    credit_note_with_external_work,
    external_contract,
    external_hours_approved,
    external_increments,
    lent_contract,
    lent_contract_id,
    lent_entry_id,
    lent_hours,
    rate_mismatch,
    without_external,
)
from services.billing.domain.invoice import Invoice
from services.billing.domain.open_work import approval_increments, open_work
from services.billing.domain.parties import ClientParty
from services.billing.domain.partner_parties import PartnerCoop
from services.billing.domain.period import Month
from services.billing.domain.ports import UnitOfWork
from services.billing.domain.posting import Posting
from services.billing.domain.postings import credit_note_issued, hours_approved
from services.billing.domain.timesheet import parse_hours
from services.billing.domain.use_cases._support import now, post
from services.billing.domain.use_cases.contracts import end_assignment, keep_newer_snapshot

log = logging.getLogger(__name__)


def record_partner_coop(uow: UnitOfWork, event: dict, partner: PartnerCoop) -> bool:
    """From federation's `partner_registered`/`partner_updated`; a newer version wins."""
    return keep_newer_snapshot(uow, event, lambda uow: uow.partner_coops, partner.id, partner)


def open_external_contract(uow: UnitOfWork, event: dict) -> Contract:
    """From matching's `external_member_placed` (coop A): the client is invoiced at the
    client rate as for any contract; the partner coop is owed the partner rate."""
    contract, placement = external_contract(event["data"])
    return _open(uow, event, contract, placement)


def open_lent_contract(uow: UnitOfWork, event: dict, settings: CoopSettings) -> Contract:
    """From matching's `member_lent` (coop B): the partner coop is the customer; the
    contract's id is `lent_contract_id(partner, placement)`. A placement id already lent
    to another partner is refused (`PlacementIdUsedByAnotherPartner`: parked)."""
    with uow:
        partner = uow.partner_coops.get(str(event["data"]["partner_id"]))
    contract, placement = lent_contract(event["data"], settings,
                                        partner.name if partner else None)
    return _open(uow, event, contract, placement)


def _open(uow: UnitOfWork, event: dict, contract: Contract,
          placement: PartnerPlacement) -> Contract:
    """Opens the contract once; the same contract again (a redelivery) is a no-op."""
    with uow:
        known = uow.contracts.get(contract.id)
        if uow.already_handled(event) or known is not None:
            return known or contract
        if placement.kind == LENT:
            check_placement_id_free(placement.placement_id, placement.partner_id,
                                    uow.partner_placements.lent(placement.placement_id))
        uow.contracts.add(contract)
        uow.partner_placements.add(placement)
        uow.mark_handled(event)
        uow.commit()
        return contract


def end_external_contract(uow: UnitOfWork, event: dict, placement_id: str,
                          ends_on: date) -> Contract:
    """From matching's `external_member_left` (coop A): the lending coop ended the
    placement early; the external contract takes no hours after `ends_on`."""
    return end_assignment(uow, event, placement_id, ends_on,
                          "The lending coop ended the lending early.")


def end_lent_contract(uow: UnitOfWork, event: dict, partner_id: str, placement_id: str,
                      ends_on: date) -> Contract:
    """From matching's `lending_ended` (coop B): the lent contract takes no hours after
    `ends_on` (the partner's hours for later days are refused)."""
    return end_assignment(uow, event, lent_contract_id(partner_id, placement_id), ends_on,
                          "The lending ended early.")


def book_external_work(uow: UnitOfWork, contracts, before: dict, after: dict, entries,
                       command_id: str) -> tuple[dict, dict]:
    """Inside `approve_hours`' transaction: the external work among the approved hours is
    owed to its partner coops (posting `external_hours_approved`, one event per approved
    day for federation), never to a member. Returns the open units left for members."""
    placements = uow.partner_placements.many(contracts)
    external = {cid: p for cid, p in placements.items() if p.is_external}
    if not external:
        return before, after
    increments = external_increments(before, after, external)
    post(uow, external_hours_approved(command_id, now().date(), increments))
    for entry in entries:
        if entry.contract_id in external:
            uow.publish(ExternalHoursApproved(external[entry.contract_id], entry))
    return without_external(before, external), without_external(after, external)


@dataclass(frozen=True)
class PartnerHours:
    """Partner hours recorded (`entry_id`); at our rate while the partner reported another:
    also the rule `PartnerRateDiffers` and why (`reason`)."""

    entry_id: str
    rule: str | None = None
    reason: str | None = None


def record_partner_hours(uow: UnitOfWork, event: dict, sender_id: str, data: dict
                         ) -> PartnerHours:
    """From federation's `partner_external_hours_approved` (coop B): the borrowing coop's
    client approved hours of our lent member. They become approved hours on the lent
    contract (booked to the member at once, as any approval), invoiced to that partner by
    the monthly run. Once per `timesheet_id` (and per event): a duplicate is a no-op.

    Three outcomes besides recording (nothing applied, the event not marked handled):
    - `LentPlacementNotKnownYet` (a plain exception: retried, then parked): no placement
      with this id lent to the sender, maybe because matching's `member_lent` is still on
      its way;
    - refused by name (`Invalid`: parked at once): `PlacementLentToAnotherPartner`,
      `HoursForDayAlreadyRecorded` (by another timesheet), an hours rule
      (`DayOutsideAssignment`, `HoursMustBeQuarterHours`, `DayHasAtMost24Hours`).
    Reported at another hourly rate than we lent at: recorded and invoiced at ours, the
    mismatch kept on the placement (`PartnerRateDiffers`)."""
    placement_id = str(data["placement_id"])
    entry_id = lent_entry_id(sender_id, str(data["timesheet_id"]))
    with uow:
        if uow.already_handled(event) or uow.entries.get(entry_id) is not None:
            return PartnerHours(entry_id)
        contract = _lent_contract(uow, sender_id, placement_id)
        day, hours = _partner_day(contract, data)
        if uow.entries.for_contract_day(contract.id, day) is not None:
            raise HoursForDayAlreadyRecorded(placement_id, day)
        month = Month.of(day)
        existing = uow.entries.for_contract_month(contract.id, month)
        entry = lent_hours(contract, sender_id, str(data["timesheet_id"]), day, hours, now())
        uow.entries.add(entry)
        contracts = {contract.id: contract}
        increments = approval_increments(open_work(contracts, existing),
                                         open_work(contracts, [*existing, entry]))
        post(uow, hours_approved(entry.id, now().date(), increments),
             development={m: share.development for m, share in increments.items()})
        mismatch = rate_mismatch(contract, str(data["timesheet_id"]), data["hourly_rate"], now())
        if mismatch is not None:
            uow.partner_placements.note_rate_mismatch(mismatch)
        uow.mark_handled(event)
        uow.commit()
        if mismatch is not None:
            log.warning("partner hours recorded at our rate: %s: %s", mismatch.rule,
                        mismatch.reason)
            return PartnerHours(entry.id, mismatch.rule, mismatch.reason)
        return PartnerHours(entry.id)


def _lent_contract(uow: UnitOfWork, sender_id: str, placement_id: str) -> Contract:
    """The contract of `placement_id` lent to the sender; `PlacementLentToAnotherPartner`,
    or `LentPlacementNotKnownYet` (retried: matching's `member_lent` may still come)."""
    placement = uow.partner_placements.get(lent_contract_id(sender_id, placement_id))
    if placement is None or placement.kind != LENT:
        for other in uow.partner_placements.lent(placement_id):
            raise PlacementLentToAnotherPartner(placement_id, other.partner_id, sender_id)
        raise LentPlacementNotKnownYet(placement_id, sender_id)
    return uow.contracts.get(placement.contract_id)


def _partner_day(contract: Contract, data: dict) -> tuple[date, Decimal]:
    """The day and hours to record, or an hours rule broken (`Invalid`)."""
    day: date = data["period_end"]
    hours: Decimal = parse_hours(data["hours"])
    if not (contract.covers(data["period_start"]) and contract.covers(day)):
        raise DayOutsideAssignment(day, contract.starts_on, contract.last_day)
    if hours > 24:
        raise DayHasAtMost24Hours(day, hours, Decimal(0))
    return day, hours


def check_hours_may_be_written(uow: UnitOfWork, contract_id: str) -> None:
    """Inside `submit_hours`' transaction: `LentHoursComeFromThePartner` on a lent contract
    (coop B), whose only hours are the partner's approved ones."""
    check_hours_may_be_written_on(contract_id, uow.partner_placements.get(contract_id))


def credit_note_posting(uow: UnitOfWork, causation_id: str, note: Invoice) -> Posting | None:
    """The posting of a credit note: as ever, unless it credits external work (coop A),
    which the coop bears (`credit_note_with_external_work`)."""
    placements = uow.partner_placements.many({line.contract_id for line in note.lines})
    external = {cid for cid, placement in placements.items() if placement.is_external}
    if not external:
        return credit_note_issued(causation_id, note)
    return credit_note_with_external_work(causation_id, note, external)


def names_on_invoice(uow: UnitOfWork, customer_id: str, member_names: dict) -> dict:
    """The members' names an invoice may give: none on an invoice to a partner coop (our
    lent member's name does not leave the coop; the line names skill and placement)."""
    return {} if uow.partner_coops.get(customer_id) is not None else member_names


def customer_of(uow: UnitOfWork, customer_id: str) -> ClientParty:
    """Who an invoice is to: a client organisation, or a partner coop (lent contracts).
    `ClientNotFound`, or `PartnerHasNoBillingDetails` for a partner without them."""
    client = uow.clients.get(customer_id)
    if client is not None:
        return client
    partner = uow.partner_coops.get(customer_id)
    if partner is None:
        raise ClientNotFound(customer_id)
    return partner.as_customer()

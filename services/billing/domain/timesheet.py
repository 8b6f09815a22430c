"""Hours: a member writes them per assignment per day; the client approves or rejects.

Rules, each a named error:
- `HoursMustBePositive`: more than 0 (never negative);
- `HoursMustBeQuarterHours`: 0.25, 0.5, 0.75, 1, … (what clients are billed in);
- `DayHasAtMost24Hours`: the member's hours on one day, over *all* their
  assignments, are at most 24 (the caller passes the other assignments' hours);
- `DayOutsideAssignment`: only days from the contract's start to its end (or to the
  day matching ended the assignment);
- `OnlyTheContractedMemberWritesHours`, `OnlyTheContractedClientApproves`;
- `RejectionNeedsReason`; `ApprovedHoursAreLocked`: approved hours never change
  (a mistake is corrected with a credit note).

One entry per contract per day: writing a day again replaces its hours while they
are submitted or rejected (a rejected entry is corrected and submitted again).

    submitted ──approve──▶ approved (locked; later: invoiced)
        │  ▲
     reject │ (member corrects)
        ▼  │
      rejected
"""

import uuid
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from services.billing.domain.contract import Contract
from services.billing.domain.errors import (
    ApprovedHoursAreLocked,
    DayHasAtMost24Hours,
    DayOutsideAssignment,
    HoursMustBePositive,
    HoursMustBeQuarterHours,
    OnlySubmittedHoursCanBeDecided,
    OnlyTheContractedClientApproves,
    OnlyTheContractedMemberWritesHours,
    RejectionNeedsReason,
)

SUBMITTED = "submitted"
APPROVED = "approved"
REJECTED = "rejected"

HOURS_IN_A_DAY = Decimal(24)
QUARTER_HOUR = Decimal("0.25")


def parse_hours(value) -> Decimal:
    """Hours from input: a positive multiple of 0.25 (never float-rounded)."""
    if isinstance(value, float | bool):
        raise HoursMustBeQuarterHours(value)
    try:
        hours = Decimal(str(value))
    except InvalidOperation:
        raise HoursMustBeQuarterHours(value) from None
    if not hours.is_finite():
        raise HoursMustBeQuarterHours(value)
    if hours <= 0:
        raise HoursMustBePositive(hours)
    if hours % QUARTER_HOUR != 0:
        raise HoursMustBeQuarterHours(hours)
    return hours.quantize(Decimal("0.01"))


def check_day_total(day: date, hours: Decimal, other_hours: Decimal) -> None:
    """`other_hours`: the member's hours that day on other assignments (not rejected)."""
    if hours + other_hours > HOURS_IN_A_DAY:
        raise DayHasAtMost24Hours(day, hours, other_hours)


@dataclass
class TimeEntry:
    id: str
    contract_id: str
    member_id: str
    client_id: str
    project_id: str
    day: date
    hours: Decimal
    status: str
    submitted_at: datetime
    decided_at: datetime | None = None
    rejection_reason: str | None = None
    invoice_number: str | None = None  # set once, when the hours are invoiced

    @classmethod
    def submit(cls, contract: Contract, member_id: str, day: date, hours,
               other_hours: Decimal, now: datetime) -> "TimeEntry":
        """A new entry for `day` on `contract`, written by `member_id`."""
        hours = _checked(contract, member_id, day, hours, other_hours)
        return cls(str(uuid.uuid4()), contract.id, contract.member_id, contract.client_id,
                   contract.project_id, day, hours, SUBMITTED, now)

    def resubmit(self, contract: Contract, member_id: str, hours, other_hours: Decimal,
                 now: datetime) -> None:
        """New hours for the same day; only while not approved."""
        if self.status == APPROVED:
            raise ApprovedHoursAreLocked(self.day)
        self.hours = _checked(contract, member_id, self.day, hours, other_hours)
        self.status = SUBMITTED
        self.submitted_at = now
        self.decided_at = None
        self.rejection_reason = None

    def approve(self, client_id: str, now: datetime) -> None:
        self._check_decidable(client_id)
        self.status = APPROVED
        self.decided_at = now

    def reject(self, client_id: str, reason: str | None, now: datetime) -> None:
        self._check_decidable(client_id)
        if not reason or not reason.strip():
            raise RejectionNeedsReason()
        self.status = REJECTED
        self.decided_at = now
        self.rejection_reason = reason.strip()

    def mark_invoiced(self, invoice_number: str) -> None:
        if self.status != APPROVED or self.invoice_number is not None:
            raise ValueError(f"entry {self.id} is {self.status}/{self.invoice_number}: "
                             "only approved, uninvoiced hours are invoiced")
        self.invoice_number = invoice_number

    @property
    def counts_towards_day(self) -> bool:
        return self.status != REJECTED

    def _check_decidable(self, client_id: str) -> None:
        if client_id != self.client_id:
            raise OnlyTheContractedClientApproves()
        if self.status != SUBMITTED:
            raise OnlySubmittedHoursCanBeDecided(self.id, self.status)


def _checked(contract: Contract, member_id: str, day: date, hours, other_hours) -> Decimal:
    if member_id != contract.member_id:
        raise OnlyTheContractedMemberWritesHours()
    if not contract.covers(day):
        raise DayOutsideAssignment(day, contract.starts_on, contract.last_day)
    parsed = parse_hours(hours)
    check_day_total(day, parsed, other_hours)
    return parsed

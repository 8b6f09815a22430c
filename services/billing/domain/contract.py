"""A contract: one member working for one client on one project, at an hourly rate.

Made from matching's `assignment_confirmed` event. Billing expects its data as

    {"assignment_id", "member_id", "client_id", "project_id", "hourly_rate": "85.00",
     "starts_on": "2026-03-01", "ends_on": "2026-06-30",
     "description": "Python development",        # optional: the invoice line text
     "vat_rate": "21"}                            # optional: 21 (default), 9 or 0

When matching ends the assignment (`assignment_ended`), the contract ends with it
(`end`): from then on no hours are written on days after `ended_on`; hours already
written stay as they are (approved hours are a financial fact). An end after the
agreed `ends_on` changes nothing; an end before `starts_on` means it never began.

The contract keeps the coop fee and development percentages in force when it was
confirmed: the member took the assignment on those terms, and every invoice line
and payout of the contract splits the same way. New settings apply to new
contracts. The VAT treatment is not fixed here: it is decided from the client's
details at each invoice (`vat_treatment.py`), the moment the tax point falls.
"""

from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal

from services.billing.domain.coop_settings import CoopSettings
from services.billing.domain.errors import ContractDatesOutOfOrder, HourlyRateMustBePositive
from services.billing.domain.money import parse_amount
from services.billing.domain.vat import STANDARD_RATE, parse_vat_rate


@dataclass(frozen=True)
class Contract:
    id: str  # the assignment id: one contract per confirmed assignment
    member_id: str
    client_id: str
    project_id: str
    hourly_rate: Decimal
    starts_on: date
    ends_on: date
    description: str
    vat_rate: Decimal  # the Dutch rate for domestic treatment
    fee_percent: Decimal
    development_percent: Decimal
    ended_on: date | None = None  # matching ended the assignment after this day
    end_reason: str | None = None

    @classmethod
    def from_assignment(cls, data: dict, settings: CoopSettings) -> "Contract":
        rate = parse_amount(data["hourly_rate"], "hourly_rate")
        if rate <= 0:
            raise HourlyRateMustBePositive(rate)
        starts_on, ends_on = _date(data["starts_on"]), _date(data["ends_on"])
        if ends_on < starts_on:
            raise ContractDatesOutOfOrder(starts_on, ends_on)
        return cls(
            id=str(data["assignment_id"]),
            member_id=str(data["member_id"]),
            client_id=str(data["client_id"]),
            project_id=str(data["project_id"]),
            hourly_rate=rate,
            starts_on=starts_on,
            ends_on=ends_on,
            description=data.get("description") or "Werkzaamheden / Services",
            vat_rate=parse_vat_rate(_or_default(data.get("vat_rate"), STANDARD_RATE)),
            fee_percent=settings.fee_percent,
            development_percent=settings.development_percent,
        )

    @property
    def last_day(self) -> date:
        """The last day hours may be written on: the agreed end, or the day it ended."""
        return self.ends_on if self.ended_on is None else min(self.ends_on, self.ended_on)

    def covers(self, day: date) -> bool:
        return self.starts_on <= day <= self.last_day

    def end(self, ended_on: date, reason: str | None = None) -> "Contract | None":
        """The contract ended after `ended_on`, or None when that changes nothing (it
        ends on or before that day already)."""
        if ended_on >= self.last_day:
            return None
        return replace(self, ended_on=ended_on, end_reason=reason)


def _or_default(value, default):
    """Optional fields may be missing or null; 0 (a VAT rate) is a value, not a default."""
    return default if value is None or value == "" else value


def _date(value) -> date:
    return value if isinstance(value, date) else date.fromisoformat(value)

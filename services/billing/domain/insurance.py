"""Collective insurance: policies, members' enrolments, premiums and the certificate's facts.

**Policies.** Operators define them: a name, a `kind` (`KINDS`), the insurer, the
coverage (a text and, where it applies, an insured amount in EUR), the monthly
premium per member (EUR, more than zero, whole cents: `PremiumMustBePositive`),
the conditions, and whether the policy is active. A withdrawn (inactive) policy
takes no new enrolments (`PolicyIsWithdrawn`); enrolments already made run on.

**Enrolments.** A member opts in with a start date and opts out with an end date
(the last day covered, inclusive). Two enrolments of one member in policies of the
same KIND may not share a day (`EnrolmentsOverlap`): one professional liability
cover at a time, whichever policy, so nobody pays two premiums for one risk. An end
before the start is refused (`EnrolmentEndsBeforeStart`), except the day before it:
that cancels an enrolment that has not begun (it is never in force and costs
nothing). An end can be moved earlier, never later (`EnrolmentAlreadyEnded`: enrol
again instead).

**No backdating** (`earliest_day`, rule `EnrolmentBackdated`, 422 naming the field):
a member starts and ends cover from today on, so cover never begins, ends or is
cancelled in the past. An operator may go back to the first day of the current
month (to correct a late enrolment or opt-out) and no further: earlier months are
history (premiums charged, certificates issued, the insurer told). So a cover that
ran in an earlier month stays covered for that month, and its premium stays owed.

**Leaving.** A member who leaves the coop (members' `member_left` / `member_erased`)
is covered through their leave date at most: every enrolment is ended on it (one
starting later is cancelled), the leave date is kept, and a later enrolment may not
start after it (`MemberHasLeft`, 409) and ends on it at the latest.

**Premium rule** (`months_due`, `covers_month`, `charges_due`, `allocate`):

- the full monthly premium is due for every calendar month in which the enrolment
  is in force on at least one day (no pro-rating of part months);
- a payout run charges a month when the run's execution date is on or after the
  first day of cover in that month (the start, or the 1st of the month), i.e. the
  months from the start through the earlier of the execution date and the end, that
  no run charged before. A cover starting later in the run's month is charged by the
  next run once it is in force (and never, when cancelled before it starts). A month's
  premium is the policy's premium when that month is first charged, so a premium
  change applies to months not charged yet;
- the run deducts what the member's payout can carry (after the solidarity
  deposit, see `payout.py`), oldest month first; the rest of a month stays open and
  is carried to the next run (rule `PremiumCarriedOver` in the batch's `waiting`);
- an open (not fully deducted) month is collected only while it is still covered:
  when an end moved earlier (an operator's correction within the current month, or
  a leave date) leaves that month without a day of cover, what was not deducted is
  released (never collected). Months still covered stay owed, however the
  enrolment ends later (opting out, leaving);
- nothing is charged twice: each (enrolment, month) is charged once and remembers
  what was deducted, and a batch asked for again (same id) is the first one. Premiums
  deducted are not refunded automatically (an operator's correction that uncovers a
  month already deducted is settled by hand).

A deduction is posted as Dr `member_payables:<member>`, Cr `insurance_payable`
(`premium_deducted`), so the ledger still balances and the bank file pays the
member the payout net of premiums. Charges are not posted; only deductions are, so
releasing an open charge touches no account.
"""

import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from decimal import Decimal

from infra.errors import Conflict, Invalid, NotFound
from infra.errors import field_error as _field
from services.billing.domain.accounts import INSURANCE_PAYABLE, payable_to
from services.billing.domain.money import ZERO, is_whole_cents, total
from services.billing.domain.period import Month
from services.billing.domain.posting import Posting, credit, debit, make_posting

PROFESSIONAL_LIABILITY = "professional_liability"
LEGAL_EXPENSES = "legal_expenses"
DISABILITY_TOP_UP = "disability_top_up"
KINDS = (PROFESSIONAL_LIABILITY, LEGAL_EXPENSES, DISABILITY_TOP_UP)
KIND_NAMES = {PROFESSIONAL_LIABILITY: "Beroepsaansprakelijkheid / Professional liability",
              LEGAL_EXPENSES: "Rechtsbijstand / Legal expenses",
              DISABILITY_TOP_UP: "Arbeidsongeschiktheid aanvulling / Disability top-up"}


# --- rules -------------------------------------------------------------------------------

class PolicyNotFound(NotFound):
    def __init__(self, policy_id: str):
        super().__init__(f"No insurance policy with id {policy_id}.")


class EnrolmentPolicyNotFound(Invalid):
    """An enrolment names a policy that does not exist (an id in the payload: 422)."""

    def __init__(self, policy_id: str):
        super().__init__(f"No insurance policy with id {policy_id}.",
                         _field("policy_id", "Give the id of an insurance policy."),
                         rule="PolicyNotFound")


class EnrolmentNotFound(NotFound):
    def __init__(self, enrolment_id: str):
        super().__init__(f"No insurance enrolment with id {enrolment_id}.")


class UnknownPolicyKind(Invalid):
    def __init__(self, kind):
        super().__init__(f"{kind!r} is not a kind of policy.",
                         _field("kind", f"Use one of {', '.join(KINDS)}."))


class PremiumMustBePositive(Invalid):
    def __init__(self, premium):
        super().__init__(f"The monthly premium must be more than zero, in whole cents, "
                         f"not {premium}.",
                         _field("monthly_premium", "Give an amount above zero with at most "
                                                   "2 decimals, e.g. \"12.50\"."))


class InsuredAmountMustBePositive(Invalid):
    def __init__(self, amount):
        super().__init__(f"The insured amount must be more than zero, not {amount}.",
                         _field("insured_amount", "Give an amount above zero, or leave it out."))


class PolicyIsWithdrawn(Conflict):
    def __init__(self, name: str):
        super().__init__(f"The policy {name!r} is withdrawn and takes no new enrolments.")


class EnrolmentsOverlap(Conflict):
    def __init__(self, other: "Enrolment"):
        until = other.ends_on.isoformat() if other.ends_on else "open-ended"
        super().__init__(f"The member already has {other.kind} cover from {other.starts_on} "
                         f"({until}): enrolments of one kind may not share a day, whichever "
                         f"policy (enrolment {other.id}).")


class EnrolmentBackdated(Invalid):
    def __init__(self, field_name: str, day: date, earliest: date):
        super().__init__(f"Cover cannot start or end before {earliest} ({field_name} {day}).",
                         _field(field_name, f"Give a day from {earliest} on."))


class MemberHasLeft(Conflict):
    def __init__(self, left_on: date):
        super().__init__(f"The member left the coop on {left_on}: cover cannot start after "
                         "that day.")


class EnrolmentEndsBeforeStart(Invalid):
    def __init__(self, starts_on: date, ends_on: date):
        super().__init__(f"An enrolment cannot end ({ends_on}) before it starts ({starts_on}).",
                         _field("ends_on", f"Give a day from {starts_on - timedelta(days=1)} "
                                           "(the day before the start cancels it) on."))


class EnrolmentAlreadyEnded(Conflict):
    def __init__(self, ends_on: date):
        super().__init__(f"The enrolment already ends on {ends_on}; an end can be moved "
                         "earlier, not later: enrol again instead.")


# --- policies ----------------------------------------------------------------------------

@dataclass(frozen=True)
class Policy:
    id: str
    name: str
    kind: str
    insurer: str
    coverage: str
    insured_amount: Decimal | None
    monthly_premium: Decimal
    conditions: str
    active: bool = True

    def __post_init__(self):
        if self.kind not in KINDS:
            raise UnknownPolicyKind(self.kind)
        premium = self.monthly_premium
        if not isinstance(premium, Decimal) or not is_whole_cents(premium) or premium <= 0:
            raise PremiumMustBePositive(premium)
        if self.insured_amount is not None and self.insured_amount <= 0:
            raise InsuredAmountMustBePositive(self.insured_amount)

    @classmethod
    def define(cls, details: Mapping) -> "Policy":
        return cls(id=str(uuid.uuid4()), **details)

    def change(self, changes: Mapping) -> "Policy":
        return replace(self, **changes)


# --- enrolments --------------------------------------------------------------------------

@dataclass(frozen=True)
class Enrolment:
    id: str
    member_id: str
    policy_id: str
    kind: str
    starts_on: date
    ends_on: date | None = None

    def __post_init__(self):
        if self.ends_on is not None and self.ends_on < self.starts_on - timedelta(days=1):
            raise EnrolmentEndsBeforeStart(self.starts_on, self.ends_on)

    @classmethod
    def opt_in(cls, member_id: str, policy: Policy, starts_on: date,
               ends_on: date | None, others: Iterable["Enrolment"],
               left_on: date | None = None) -> "Enrolment":
        """A new enrolment; `others`: the member's enrolments; `left_on`: the day the member
        left the coop, if they did (cover ends on it at the latest)."""
        if not policy.active:
            raise PolicyIsWithdrawn(policy.name)
        if left_on is not None:
            if starts_on > left_on:
                raise MemberHasLeft(left_on)
            ends_on = left_on if ends_on is None else min(ends_on, left_on)
        enrolment = cls(str(uuid.uuid4()), member_id, policy.id, policy.kind, starts_on, ends_on)
        enrolment.check_overlap(others)
        return enrolment

    @property
    def cancelled(self) -> bool:
        return self.ends_on is not None and self.ends_on < self.starts_on

    def in_force_on(self, day: date) -> bool:
        return self.starts_on <= day and (self.ends_on is None or day <= self.ends_on)

    def overlaps(self, other: "Enrolment") -> bool:
        if self.cancelled or other.cancelled:
            return False
        return (self.starts_on <= (other.ends_on or date.max)
                and other.starts_on <= (self.ends_on or date.max))

    def check_overlap(self, others: Iterable["Enrolment"]) -> None:
        for other in others:
            if other.id != self.id and other.kind == self.kind and self.overlaps(other):
                raise EnrolmentsOverlap(other)

    def end(self, ends_on: date) -> "Enrolment":
        """Opt out: `ends_on` is the last day covered. The same end again changes nothing."""
        if self.ends_on is not None and ends_on > self.ends_on:
            raise EnrolmentAlreadyEnded(self.ends_on)
        return replace(self, ends_on=ends_on)

    def end_on_leaving(self, left_on: date) -> "Enrolment | None":
        """The member leaves on `left_on`: covered through that day at most (an enrolment
        starting later is cancelled). None when nothing changes."""
        last = max(left_on, self.starts_on - timedelta(days=1))
        if self.ends_on is not None and self.ends_on <= last:
            return None
        return replace(self, ends_on=last)


def earliest_day(today: date, by_operator: bool) -> date:
    """The earliest start or end a caller may give: a member, today; an operator, the first
    day of the current month."""
    return Month.of(today).first_day if by_operator else today


def check_not_backdated(earliest: date, **days: date | None) -> None:
    """`EnrolmentBackdated` naming the first of `days` (field name: day) before `earliest`."""
    for name, day in days.items():
        if day is not None and day < earliest:
            raise EnrolmentBackdated(name, day, earliest)


def kinds_in_force(enrolments: Iterable[Enrolment], on: date) -> list[str]:
    return sorted({e.kind for e in enrolments if e.in_force_on(on)})


# --- premiums ----------------------------------------------------------------------------

def months_due(enrolment: Enrolment, through: date) -> list[Month]:
    """The months a run executed on `through` charges: those whose first day of cover (the
    start, or the 1st of the month) is on or before `through`, i.e. from the start's month
    through the month of the earlier of `through` and the end."""
    last = through if enrolment.ends_on is None else min(through, enrolment.ends_on)
    if last < enrolment.starts_on:
        return []
    month, months = Month.of(enrolment.starts_on), []
    while month.first_day <= last:
        months.append(month)
        month = month.plus(1)
    return months


def covers_month(enrolment: Enrolment, month: Month) -> bool:
    """Whether the enrolment is in force on at least one day of `month`."""
    return (not enrolment.cancelled and enrolment.starts_on <= month.last_day
            and (enrolment.ends_on is None or month.first_day <= enrolment.ends_on))


@dataclass(frozen=True)
class PremiumCharge:
    """One month of one enrolment, charged by a payout batch; `deducted` so far."""

    enrolment_id: str
    member_id: str
    policy_id: str
    month: Month
    premium: Decimal
    deducted: Decimal = ZERO

    @property
    def outstanding(self) -> Decimal:
        return self.premium - self.deducted


def charges_due(enrolments: Iterable[Enrolment], policies: Mapping[str, Policy],
                charged: Iterable[PremiumCharge], through: date) -> list[PremiumCharge]:
    """What a run executed on `through` collects: open charges from earlier runs for months
    still covered (an open month no longer covered is released), and a new charge (at the
    policy's premium now) for every month due not charged before. Oldest month first."""
    enrolments = list(enrolments)
    by_id = {e.id: e for e in enrolments}
    known = {(c.enrolment_id, str(c.month)): c for c in charged}
    due = [c for c in known.values() if c.outstanding > 0 and c.enrolment_id in by_id
           and covers_month(by_id[c.enrolment_id], c.month)]
    for enrolment in enrolments:
        for month in months_due(enrolment, through):
            if (enrolment.id, str(month)) not in known:
                due.append(PremiumCharge(enrolment.id, enrolment.member_id, enrolment.policy_id,
                                         month, policies[enrolment.policy_id].monthly_premium))
    return sorted(due, key=lambda c: (c.month.year, c.month.month, c.policy_id,
                                      c.enrolment_id))


def outstanding_by_member(charges: Iterable[PremiumCharge]) -> dict[str, Decimal]:
    result: dict[str, Decimal] = {}
    for charge in charges:
        result[charge.member_id] = result.get(charge.member_id, ZERO) + charge.outstanding
    return result


def allocate(charges: Iterable[PremiumCharge], amount: Decimal) -> list[PremiumCharge]:
    """`charges` (one member's, oldest first) after deducting `amount` from them in order;
    every charge is returned, paid or not (what is left of it is carried over)."""
    left = amount
    result = []
    for charge in charges:
        taken = min(left, charge.outstanding)
        left -= taken
        result.append(replace(charge, deducted=charge.deducted + taken))
    if left:
        raise ValueError(f"{amount} is more than the premiums due")
    return result


def premium_deducted(causation_id: str, booked_on: date, member_id: str,
                     amount: Decimal) -> Posting | None:
    """Dr what the coop owes the member, Cr insurance_payable (what the coop owes insurers)."""
    return make_posting(causation_id, "premium_deducted", booked_on, "Insurance premiums",
                        [debit(payable_to(member_id), amount), credit(INSURANCE_PAYABLE, amount)],
                        reference=f"insurance:{member_id}")


# --- the certificate ---------------------------------------------------------------------

@dataclass(frozen=True)
class CoveredPolicy:
    policy: Policy
    enrolment: Enrolment


@dataclass(frozen=True)
class Certificate:
    """What a certificate of coverage states: on `on`, the member is covered by `covered`."""

    member_id: str
    member_name: str | None
    on: date
    issued_on: date
    coop_name: str
    covered: tuple[CoveredPolicy, ...] = field(default_factory=tuple)

    @classmethod
    def of(cls, member_id: str, member_name: str | None, on: date, issued_on: date,
           coop_name: str, enrolments: Iterable[Enrolment],
           policies: Mapping[str, Policy]) -> "Certificate":
        covered = tuple(CoveredPolicy(policies[e.policy_id], e)
                        for e in sorted(enrolments, key=lambda e: (e.kind, e.starts_on))
                        if e.in_force_on(on))
        return cls(member_id, member_name, on, issued_on, coop_name, covered)

    @property
    def monthly_premiums(self) -> Decimal:
        return total(c.policy.monthly_premium for c in self.covered)


# --- events (ids and dates only: nothing personal) ---------------------------------------

@dataclass(frozen=True)
class InsuranceEnrolled:
    enrolment: Enrolment
    type = "insurance_enrolled"

    @property
    def subject(self) -> str:
        return self.enrolment.member_id

    @property
    def data(self) -> dict:
        e = self.enrolment
        return {"enrolment_id": e.id, "member_id": e.member_id, "policy_id": e.policy_id,
                "kind": e.kind, "starts_on": e.starts_on.isoformat()}


@dataclass(frozen=True)
class InsuranceEnded:
    enrolment: Enrolment
    type = "insurance_ended"

    @property
    def subject(self) -> str:
        return self.enrolment.member_id

    @property
    def data(self) -> dict:
        e = self.enrolment
        return {"enrolment_id": e.id, "member_id": e.member_id, "policy_id": e.policy_id,
                "kind": e.kind, "ends_on": e.ends_on.isoformat() if e.ends_on else None}

"""Collective insurance: policies, enrolments (opt in, opt out, leaving and rejoining),
coverage, certificates, and the premiums a payout batch deducts (rules in
`domain/insurance_policies.py`, `insurance_enrolments.py`, `insurance_membership.py`,
`insurance_premiums.py`, `insurance_certificate.py`).

Enrolments are written under the ledger lock (the service passes a serialised unit
of work), like payout batches, so an overlap check and a batch never interleave with
another enrolment of the same member. `insurance_enrolled` and `insurance_ended` go
to the outbox in the same transaction as the change.

`today` and `by_operator` (whether the caller is an operator, as the gateway says)
bound how far back a start or an end may go (`insurance_enrolments.earliest_day`).
"""

import uuid
from collections.abc import Iterable, Mapping
from datetime import date
from decimal import Decimal

from services.billing.domain.errors import MemberNotFound
from services.billing.domain.insurance_certificate import Certificate
from services.billing.domain.insurance_enrolments import (
    Enrolment,
    EnrolmentNotFound,
    EnrolmentPolicyNotFound,
    check_not_backdated,
    earliest_day,
    kinds_in_force,
)
from services.billing.domain.insurance_events import InsuranceEnded, InsuranceEnrolled
from services.billing.domain.insurance_membership import (
    CoopMembership,
    MembershipSnapshot,
    come_back,
    leave,
)
from services.billing.domain.insurance_policies import Policy, PolicyNotFound
from services.billing.domain.insurance_premiums import (
    PremiumCharge,
    allocate,
    charges_due,
    outstanding_by_member,
    premium_deducted,
)
from services.billing.domain.money import ZERO
from services.billing.domain.payout import PayoutBatch
from services.billing.domain.use_cases._support import post

INSURANCE_HANDLER = uuid.UUID("5a0f2d44-6a43-4c55-9b53-2f1c3e8e7d10")


def define_policy(uow, details: Mapping) -> Policy:
    with uow:
        policy = Policy.define(details)
        uow.insurance.add_policy(policy)
        uow.commit()
        return policy


def change_policy(uow, policy_id: str, changes: Mapping) -> Policy:
    """Change any detail; a new premium applies to months not charged yet."""
    with uow:
        policy = _policy(uow, policy_id).change(changes)
        uow.insurance.save_policy(policy)
        uow.commit()
        return policy


def enrol(uow, member_id: str, policy_id: str, starts_on: date, ends_on: date | None = None,
          *, today: date, by_operator: bool) -> Enrolment:
    check_not_backdated(earliest_day(today, by_operator), starts_on=starts_on, ends_on=ends_on)
    with uow:
        policy = uow.insurance.get_policy(policy_id)
        if policy is None:
            raise EnrolmentPolicyNotFound(policy_id)
        enrolment = Enrolment.opt_in(member_id, policy, starts_on, ends_on,
                                     uow.insurance.enrolments_of(member_id),
                                     uow.insurance.membership(member_id))
        uow.insurance.add_enrolment(enrolment)
        uow.publish(InsuranceEnrolled(enrolment))
        if enrolment.ends_on is not None:  # as asked, or capped at the leave date
            uow.publish(InsuranceEnded(enrolment))
        uow.commit()
        return enrolment


def end_enrolment(uow, member_id: str, enrolment_id: str, ends_on: date, *, today: date,
                  by_operator: bool) -> Enrolment:
    """Opt out: covered through `ends_on`. The same end again changes nothing."""
    with uow:
        enrolment = uow.insurance.get_enrolment(enrolment_id)
        if enrolment is None or enrolment.member_id != member_id:
            raise EnrolmentNotFound(enrolment_id)
        if enrolment.ends_on == ends_on:
            return enrolment
        check_not_backdated(earliest_day(today, by_operator), ends_on=ends_on)
        ended = enrolment.end(ends_on)
        uow.insurance.save_enrolment(ended)
        uow.publish(InsuranceEnded(ended))
        uow.commit()
        return ended


def end_enrolments_of_leaver(uow, event: dict, snapshot: MembershipSnapshot) -> list[Enrolment]:
    """From members' `member_left` / `member_erased`: the leave date of the member's current
    membership is kept (a newer snapshot's replaces it), so no later enrolment runs past it,
    and every enrolment ends on it (one starting later is cancelled); a late snapshot only
    ends the enrolments of the membership it closed (`insurance_membership.leave`). Once per
    event: the inbox key is derived from the event id, as billing also handles
    `member_erased` for names."""
    handled = _insurance_handled(event)
    with uow:
        if uow.already_handled(handled):
            return []
        membership, ended = leave(_membership(uow, snapshot.member_id), snapshot,
                                  uow.insurance.enrolments_of(snapshot.member_id))
        uow.insurance.put_membership(membership)
        for enrolment in ended:
            uow.insurance.save_enrolment(enrolment)
            uow.publish(InsuranceEnded(enrolment))
        uow.mark_handled(handled)
        uow.commit()
        return ended


def follow_membership(uow, event: dict, snapshot: MembershipSnapshot) -> CoopMembership:
    """From members' `member_updated`: a member active again after leaving has rejoined and
    may enrol from the rejoin date on (`insurance_membership.come_back`); cover that ended
    when they left stays ended. Once per event (its own inbox key, as above)."""
    handled = _insurance_handled(event)
    with uow:
        membership = _membership(uow, snapshot.member_id)
        if uow.already_handled(handled):
            return membership
        followed = come_back(membership, snapshot)
        if followed != membership:
            uow.insurance.put_membership(followed)
        uow.mark_handled(handled)
        uow.commit()
        return followed


def _insurance_handled(event: dict) -> dict:
    return {**event, "id": str(uuid.uuid5(INSURANCE_HANDLER, str(event["id"])))}


def _membership(uow, member_id: str) -> CoopMembership:
    return uow.insurance.membership(member_id) or CoopMembership(member_id)


def coverage(uow, member_ids: Iterable[str], on: date) -> dict[str, list[str]]:
    """Per member, the kinds of policy in force on `on` (an empty list: none)."""
    wanted = sorted(set(member_ids))
    with uow:
        found = uow.insurance.enrolments_of_members(wanted)
    return {m: kinds_in_force([e for e in found if e.member_id == m], on) for m in wanted}


def certificate(uow, member_id: str, on: date, issued_on: date) -> Certificate:
    """`MemberNotFound` for a member billing has not heard of (members' `member_created`);
    an erased member's certificate says the name is unknown."""
    with uow:
        member = uow.members.get(member_id)
        if member is None:
            raise MemberNotFound(member_id)
        enrolments = [e for e in uow.insurance.enrolments_of(member_id) if e.in_force_on(on)]
        policies = uow.insurance.policies({e.policy_id for e in enrolments})
        return Certificate.of(member_id, member.name, on, issued_on, uow.coop.name,
                              enrolments, policies)


# --- inside a payout batch's transaction (see use_cases/payouts.py) ----------------------

def premiums_due(uow, through: date) -> list[PremiumCharge]:
    """What a run executed on `through` collects, oldest first (`charges_due`)."""
    enrolments = uow.insurance.enrolments_starting_by(through)
    policies = uow.insurance.policies({e.policy_id for e in enrolments})
    charged = uow.insurance.charges({e.id for e in enrolments})
    return charges_due(enrolments, policies, charged, through)


def premium_due_by_member(charges: Iterable[PremiumCharge]) -> dict[str, Decimal]:
    return outstanding_by_member(charges)


def deduct_premiums(uow, batch: PayoutBatch, charges: list[PremiumCharge]) -> None:
    """Record what each line of `batch` deducted, oldest month first, and post it."""
    premiums = {line.member_id: line.premium for line in batch.lines}
    touched = []
    for member_id in sorted({c.member_id for c in charges}):
        mine = [c for c in charges if c.member_id == member_id]
        amount = premiums.get(member_id, ZERO)
        touched += allocate(mine, amount)
        if amount:
            post(uow, premium_deducted(batch.id, batch.execution_date, member_id, amount))
    uow.insurance.put_charges(touched)


def _policy(uow, policy_id: str) -> Policy:
    policy = uow.insurance.get_policy(policy_id)
    if policy is None:
        raise PolicyNotFound(policy_id)
    return policy

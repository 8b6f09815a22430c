"""Collective insurance policies: what the coop offers its members.

Operators define them: a name, a `kind` (`KINDS`), the insurer, the coverage (a text
and, where it applies, an insured amount in EUR), the monthly premium per member (EUR,
more than zero, whole cents: `PremiumMustBePositive`), the conditions, and whether the
policy is active. A withdrawn (inactive) policy takes no new enrolments
(`PolicyIsWithdrawn`); enrolments already made run on. A changed premium applies to
months no payout batch has charged yet (`insurance_premiums.py`).
"""

import uuid
from collections.abc import Mapping
from dataclasses import dataclass, replace
from decimal import Decimal

from infra.errors import Conflict, Invalid, NotFound
from infra.errors import field_error as _field
from services.billing.domain.money import is_whole_cents

PROFESSIONAL_LIABILITY = "professional_liability"
LEGAL_EXPENSES = "legal_expenses"
DISABILITY_TOP_UP = "disability_top_up"
KINDS = (PROFESSIONAL_LIABILITY, LEGAL_EXPENSES, DISABILITY_TOP_UP)
KIND_NAMES = {PROFESSIONAL_LIABILITY: "Beroepsaansprakelijkheid / Professional liability",
              LEGAL_EXPENSES: "Rechtsbijstand / Legal expenses",
              DISABILITY_TOP_UP: "Arbeidsongeschiktheid aanvulling / Disability top-up"}


class PolicyNotFound(NotFound):
    def __init__(self, policy_id: str):
        super().__init__(f"No insurance policy with id {policy_id}.")


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
